package app.courtesy.testing;

import app.courtesy.credit.CreditNoteData;
import app.courtesy.credit.CreditNoteService;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoicePart;
import app.courtesy.payment.PaymentData;
import app.courtesy.payment.PaymentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payments and credit notes as the ERP sends them, each with an external id no other test uses, for
 * the tests that take them back.
 */
@ApplicationScoped
@Transactional
public class TestReceipts {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private PaymentService payments;
  @Inject private CreditNoteService creditNotes;

  /**
   * A payment of {@code amount} towards the invoice.
   *
   * @return its external id
   */
  public String pay(Invoice invoice, String amount, LocalDate on) {
    Invoice managed = em.find(Invoice.class, invoice.getId());
    return pay(
        managed.getCustomer(),
        amount,
        on,
        List.of(new InvoicePart(managed.getNumber(), new BigDecimal(amount))));
  }

  /**
   * A payment of {@code amount}, applied oldest due first; what finds no open invoice stays the
   * customer's credit.
   *
   * @return its external id
   */
  public String pay(Customer customer, String amount, LocalDate on) {
    return pay(em.find(Customer.class, customer.getId()), amount, on, List.of());
  }

  private String pay(Customer customer, String amount, LocalDate on, List<InvoicePart> parts) {
    String id = unique("P");
    payments.record(
        List.of(
            new PaymentData(
                id,
                customer.getNumber(),
                on,
                customer.getCurrency().getCurrencyCode(),
                new BigDecimal(amount),
                "transfer",
                "REF-" + id,
                parts)));
    return id;
  }

  /**
   * A credit note of {@code amount} on the invoice.
   *
   * @return its external id
   */
  public String credit(Invoice invoice, String amount, LocalDate on) {
    Invoice managed = em.find(Invoice.class, invoice.getId());
    String id = unique("CN");
    creditNotes.record(
        List.of(
            new CreditNoteData(
                id,
                id,
                managed.getCustomer().getNumber(),
                on,
                managed.getAmount().currency().getCurrencyCode(),
                new BigDecimal(amount),
                "Returned goods",
                List.of(new InvoicePart(managed.getNumber(), new BigDecimal(amount))))));
    return id;
  }

  /** What is applied to the invoice now, as the database keeps it on the invoice row. */
  public BigDecimal allocated(Invoice invoice) {
    return new BigDecimal(
        em.createNativeQuery("select allocated from invoice where id = ?1")
            .setParameter(1, invoice.getId())
            .getSingleResult()
            .toString());
  }

  /** The allocations a reversal kept of the invoice: how much, unwound. */
  public BigDecimal unwound(Invoice invoice) {
    return new BigDecimal(
        em.createNativeQuery(
                "select coalesce(sum(amount), 0) from unwound_allocation where invoice_id = ?1")
            .setParameter(1, invoice.getId())
            .getSingleResult()
            .toString());
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }
}
