package app.courtesy.invoice;

import app.courtesy.customer.Customer;
import app.courtesy.database.DatabaseSchema;
import app.courtesy.shared.BatchWrite;
import app.courtesy.shared.KeyLookup;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds and stores {@link Invoice}s and reads what is open on them. */
@ApplicationScoped
public class InvoiceRepository {

  /** How many new invoices make a batch worth holding the trigram index's entries for. */
  private static final int MANY = 10_000;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private DatabaseSchema schema;

  public Optional<Invoice> findByNumber(String number) {
    return em.createQuery("select i from Invoice i where i.number = :number", Invoice.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  public Map<String, Invoice> byExternalId(Collection<String> externalIds) {
    return KeyLookup.byKey(em, Invoice.class, "externalId", externalIds, Invoice::getExternalId);
  }

  /** What the invoices of {@code externalIds} hold of the ERP's data, by external id. */
  Map<String, InvoiceFacts> factsByExternalId(Collection<String> externalIds) {
    return KeyLookup.rowsByKey(
        em, "invoice", "external_id", InvoiceFacts.COLUMNS, externalIds, InvoiceFacts::of);
  }

  /** The invoices of {@code numbers} a receipt names, by number; unknown numbers are absent. */
  Map<String, NamedInvoice> namedByNumber(Collection<String> numbers) {
    return KeyLookup.rowsByKey(
        em, "invoice", "number", NamedInvoice.COLUMNS, numbers, NamedInvoice::of);
  }

  /**
   * The external id of the invoice of each of {@code numbers}, by number ({@code Optional.empty()}
   * for an invoice without one); unknown numbers are absent.
   */
  Map<String, Optional<String>> externalIdsByNumber(Collection<String> numbers) {
    return KeyLookup.rowsByKey(
        em,
        "invoice",
        "number",
        "external_id",
        numbers,
        row -> Optional.ofNullable((String) row[1]));
  }

  /** What is open on the customer's issued invoices in this currency, as of now. */
  public List<OpenItem> openItems(Customer customer, Currency currency) {
    return openItemsWhere(
            "o.customer_id = ?1 and o.currency = ?2", customer.getId(), currency.getCurrencyCode())
        .getOrDefault(customer.getId(), List.of());
  }

  /** What is open on the customer's issued invoices in every currency, oldest due first. */
  public List<OpenItem> openItems(Customer customer) {
    return openItemsWhere("o.customer_id = ?1", customer.getId())
        .getOrDefault(customer.getId(), List.of());
  }

  /**
   * What is open on these customers' issued invoices, per customer id (customers with nothing open
   * are left out), oldest due first; one query, the ids passed as one array.
   */
  public Map<Long, List<OpenItem>> openItems(Collection<Customer> customers) {
    if (customers.isEmpty()) {
      return Map.of();
    }
    Long[] ids = customers.stream().map(Customer::getId).distinct().toArray(Long[]::new);
    return openItemsWhere("o.customer_id = any(?1)", (Object) ids);
  }

  @SuppressWarnings("unchecked")
  private Map<Long, List<OpenItem>> openItemsWhere(String condition, Object... parameters) {
    Query query =
        em.createNativeQuery(
            "select o.customer_id, o.invoice_id, i.number, o.due_date, o.open_amount, o.currency"
                + " from invoice_open_item o join invoice i on i.id = o.invoice_id"
                + " where "
                + condition
                + " order by o.due_date, i.number");
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    Map<Long, List<OpenItem>> items = new LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      items
          .computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
          .add(
              new OpenItem(
                  ((Number) row[1]).longValue(),
                  (String) row[2],
                  row[3] instanceof Date date ? date.toLocalDate() : (LocalDate) row[3],
                  new Money(
                      new BigDecimal(row[4].toString()), Currency.getInstance((String) row[5]))));
    }
    return items;
  }

  /** A payment or credit note applied to an invoice. */
  public record Applied(LocalDate date, String kind, String reference, Money amount) {}

  // What reversals took back from the invoice: each shows as applied, then taken back.
  private static final String REVERSED =
      " from unwound_allocation u join receipt_reversal r on r.id = u.reversal_id"
          + " left join payment p on p.id = r.payment_id"
          + " left join credit_note c on c.id = r.credit_note_id"
          + " where u.invoice_id = ?1";

  /**
   * What was applied to the invoice, oldest first; a payment reversed or a credit note cancelled
   * shows as applied on its date and taken back (negative) on the reversal's.
   */
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
                    + " union all"
                    + " select u.received_on,"
                    + " case when r.payment_id is null then 'Credit note' else 'Payment' end,"
                    + " coalesce(p.reference, p.external_id, c.number), u.amount"
                    + REVERSED
                    + " union all"
                    + " select r.reversed_on,"
                    + " case when r.payment_id is null then 'Credit note cancelled'"
                    + " else 'Payment reversed' end,"
                    + " coalesce(p.reference, p.external_id, c.number), -u.amount"
                    + REVERSED
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

  /**
   * Writes new invoices, built but not persisted, with their instalments, in batches outside the
   * persistence context ({@link BatchWrite}): they are not managed afterwards.
   *
   * <p>On PostgreSQL, a batch of {@value #MANY} or more (a file's) holds the new entries of the
   * trigram index on invoice numbers in the index's pending list and merges them in once at the
   * end, rather than every 4 MB of them on the way.
   */
  void addAll(List<Invoice> fresh) {
    boolean many = fresh.size() >= MANY && schema.isPostgreSql();
    if (many) {
      em.createNativeQuery("set local gin_pending_list_limit = '1GB'").executeUpdate();
    }
    insert(fresh);
    if (many) {
      em.createNativeQuery("select gin_clean_pending_list('invoice_number_trgm_ix')")
          .setFlushMode(FlushModeType.COMMIT)
          .getSingleResult();
      em.createNativeQuery("set local gin_pending_list_limit to default").executeUpdate();
    }
  }

  private void insert(List<Invoice> fresh) {
    List<Long> ids = BatchWrite.ids(em, "invoice_seq", fresh.size());
    List<Map.Entry<Long, Invoice>> rows = new ArrayList<>(fresh.size());
    List<Map.Entry<Long, Instalment>> instalments = new ArrayList<>();
    for (int i = 0; i < fresh.size(); i++) {
      long id = ids.get(i);
      rows.add(Map.entry(id, fresh.get(i)));
      fresh.get(i).getInstalments().forEach(part -> instalments.add(Map.entry(id, part)));
    }
    BatchWrite.rows(
        em,
        """
        insert into invoice (id, external_id, number, customer_id, issue_date, due_date, currency,
                             amount, reference, state, feed_disputed, delivery, scheduled, version,
                             created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
        """,
        rows,
        (insert, row) -> {
          Invoice invoice = row.getValue();
          insert.setLong(1, row.getKey());
          insert.setString(2, invoice.getExternalId());
          insert.setString(3, invoice.getNumber());
          insert.setLong(4, invoice.getCustomer().getId());
          insert.setObject(5, invoice.getIssueDate());
          insert.setObject(6, invoice.getDueDate());
          insert.setString(7, invoice.getAmount().currency().getCurrencyCode());
          insert.setBigDecimal(8, invoice.getAmount().amount());
          insert.setString(9, invoice.getReference());
          insert.setString(10, invoice.getState().name());
          insert.setObject(11, invoice.getFeedDisputed().orElse(null), Types.BOOLEAN);
          insert.setString(12, invoice.getDelivery() == null ? null : invoice.getDelivery().name());
          insert.setBoolean(13, !invoice.getInstalments().isEmpty());
          insert.setObject(14, invoice.getCreatedAt());
        });
    BatchWrite.rows(
        em,
        "insert into invoice_instalment (invoice_id, number, due_date, amount, amount_through)"
            + " values (?, ?, ?, ?, ?)",
        instalments,
        (insert, row) -> {
          Instalment part = row.getValue();
          insert.setLong(1, row.getKey());
          insert.setInt(2, part.getNumber());
          insert.setObject(3, part.getDueDate());
          insert.setBigDecimal(4, part.getAmount());
          insert.setBigDecimal(5, part.getAmountThrough());
        });
  }
}
