package app.courtesy.invoice;

import app.courtesy.customer.Customer;
import app.courtesy.shared.KeyLookup;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds and stores {@link Invoice}s and reads what is open on them. */
@ApplicationScoped
public class InvoiceRepository {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Optional<Invoice> findByNumber(String number) {
    return em.createQuery("select i from Invoice i where i.number = :number", Invoice.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  public Map<String, Invoice> byNumber(Collection<String> numbers) {
    return KeyLookup.byKey(em, Invoice.class, "number", numbers, Invoice::getNumber);
  }

  public Map<String, Invoice> byExternalId(Collection<String> externalIds) {
    return KeyLookup.byKey(em, Invoice.class, "externalId", externalIds, Invoice::getExternalId);
  }

  /** Of these invoices, the ids of those that have a payment or credit note allocated. */
  public Set<Long> withAllocations(Collection<Long> invoiceIds) {
    Set<Long> found = new HashSet<>();
    List<Long> ids = List.copyOf(invoiceIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      List<Long> chunk = ids.subList(from, Math.min(from + 1000, ids.size()));
      found.addAll(
          em.createQuery(
                  "select distinct a.invoice.id from PaymentAllocation a where a.invoice.id in :ids",
                  Long.class)
              .setParameter("ids", chunk)
              .getResultList());
      found.addAll(
          em.createQuery(
                  "select distinct a.invoice.id from CreditAllocation a where a.invoice.id in :ids",
                  Long.class)
              .setParameter("ids", chunk)
              .getResultList());
    }
    return found;
  }

  /** What is open on the customer's issued invoices in this currency, as of now. */
  public List<OpenItem> openItems(Customer customer, Currency currency) {
    return openItems(customer, " and o.currency = ?2", currency.getCurrencyCode());
  }

  /** What is open on the customer's issued invoices in every currency, oldest due first. */
  public List<OpenItem> openItems(Customer customer) {
    return openItems(customer, "", null);
  }

  @SuppressWarnings("unchecked")
  private List<OpenItem> openItems(Customer customer, String condition, String currency) {
    Query query =
        em.createNativeQuery(
                "select o.invoice_id, i.number, o.due_date, o.open_amount, o.currency"
                    + " from invoice_open_item o join invoice i on i.id = o.invoice_id"
                    + " where o.customer_id = ?1"
                    + condition
                    + " order by o.due_date, i.number")
            .setParameter(1, customer.getId());
    if (currency != null) {
      query.setParameter(2, currency);
    }
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            row ->
                new OpenItem(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    row[2] instanceof Date date ? date.toLocalDate() : (LocalDate) row[2],
                    new Money(
                        new BigDecimal(row[3].toString()), Currency.getInstance((String) row[4]))))
        .toList();
  }

  /** A payment or credit note applied to an invoice. */
  public record Applied(LocalDate date, String kind, String reference, Money amount) {}

  /** What was applied to the invoice, oldest first. */
  @SuppressWarnings("unchecked")
  public List<Applied> applied(Invoice invoice) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select p.payment_date, 'Payment', coalesce(p.reference, p.external_id), a.amount"
                    + " from payment_allocation a join payment p on p.id = a.payment_id"
                    + " where a.invoice_id = ?1"
                    + " union all"
                    + " select c.issue_date, 'Credit note', c.number, a.amount"
                    + " from credit_allocation a join credit_note c on c.id = a.credit_note_id"
                    + " where a.invoice_id = ?1"
                    + " order by 1")
            .setParameter(1, invoice.getId())
            .getResultList();
    Currency currency = invoice.getAmount().currency();
    return rows.stream()
        .map(
            row ->
                new Applied(
                    row[0] instanceof Date date ? date.toLocalDate() : (LocalDate) row[0],
                    (String) row[1],
                    (String) row[2],
                    new Money(new BigDecimal(row[3].toString()), currency)))
        .toList();
  }

  public Invoice reference(long id) {
    return em.getReference(Invoice.class, id);
  }

  void add(Invoice invoice) {
    em.persist(invoice);
  }
}
