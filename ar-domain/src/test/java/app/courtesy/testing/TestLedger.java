package app.courtesy.testing;

import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerData;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceData;
import app.courtesy.payment.Payment;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Writes the ledger entries a test needs, each with numbers no other test uses. */
@ApplicationScoped
@Transactional
public class TestLedger {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Customer customer(String name, String currency) {
    String number = unique("C");
    Customer customer =
        new Customer(
            new CustomerData(
                number, number, name, "CH", "Europe/Zurich", "de-CH", currency, null, null, null),
            null,
            null,
            OffsetDateTime.now());
    em.persist(customer);
    return customer;
  }

  public Invoice invoice(Customer customer, LocalDate dueDate, String amount) {
    Customer managed = em.find(Customer.class, customer.getId());
    String number = unique("I");
    Invoice invoice =
        new Invoice(
            new InvoiceData(
                number,
                number,
                managed.getNumber(),
                dueDate.minusDays(30),
                dueDate,
                managed.getCurrency().getCurrencyCode(),
                new BigDecimal(amount),
                null,
                null,
                null,
                null),
            managed,
            OffsetDateTime.now());
    em.persist(invoice);
    return invoice;
  }

  public void pay(Invoice invoice, String amount, LocalDate on) {
    Invoice managed = em.find(Invoice.class, invoice.getId());
    Money money = Money.of(amount, managed.getAmount().currency().getCurrencyCode());
    Payment payment =
        new Payment(
            unique("P"), managed.getCustomer(), on, money, null, "test", OffsetDateTime.now());
    payment.allocate(managed, money);
    em.persist(payment);
  }

  /** What the database keeps as applied to the invoice. */
  public BigDecimal allocated(Invoice invoice) {
    return new BigDecimal(
        em.createNativeQuery("select allocated from invoice where id = ?1")
            .setParameter(1, invoice.getId())
            .getSingleResult()
            .toString());
  }

  /** Deletes the invoice's payment allocations in SQL, as a correcting script would. */
  public void removePaymentAllocations(Invoice invoice) {
    em.createNativeQuery("delete from payment_allocation where invoice_id = ?1")
        .setParameter(1, invoice.getId())
        .executeUpdate();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }
}
