package app.courtesy.payment;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.Allocation;
import app.courtesy.shared.BatchWrite;
import app.courtesy.shared.KeyLookup;
import app.courtesy.shared.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Finds and stores {@link Payment}s. */
@ApplicationScoped
public class PaymentRepository {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Map<String, Payment> byExternalId(Collection<String> externalIds) {
    return KeyLookup.byKey(em, Payment.class, "externalId", externalIds, Payment::getExternalId);
  }

  /** What the payments of {@code externalIds} hold, by external id, without loading them. */
  Map<String, PaymentFacts> factsByExternalId(Collection<String> externalIds) {
    return KeyLookup.rowsByKey(
        em, "payment", "external_id", PaymentFacts.COLUMNS, externalIds, PaymentFacts::of);
  }

  /** The customer's latest payments, newest first. */
  public List<Payment> latestFor(Customer customer, int limit) {
    return em.createQuery(
            "select p from Payment p where p.customer = :customer"
                + " order by p.paymentDate desc, p.id desc",
            Payment.class)
        .setParameter("customer", customer)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Up to {@code size} payments after {@code after} (null: from the start), by payment date and id:
   * the customer's if {@code customerId} is given, paid from {@code from} up to {@code to}
   * (inclusive) where given. Their allocations and invoices are read with them, for the whole page
   * at once.
   */
  public List<Payment> page(Long customerId, LocalDate from, LocalDate to, Keyset after, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (customerId != null) {
      where.append(" and p.customer.id = :customer");
    }
    if (from != null) {
      where.append(" and p.paymentDate >= :from");
    }
    if (to != null) {
      where.append(" and p.paymentDate <= :to");
    }
    if (after != null) {
      where.append(" and (p.paymentDate > :key or (p.paymentDate = :key and p.id > :id))");
    }
    TypedQuery<Payment> query =
        em.createQuery(
                "select p from Payment p join fetch p.customer"
                    + where
                    + " order by p.paymentDate, p.id",
                Payment.class)
            .setHint("eclipselink.batch.type", "IN")
            .setHint("eclipselink.batch", "p.allocations.invoice")
            .setMaxResults(size);
    if (customerId != null) {
      query.setParameter("customer", customerId);
    }
    if (from != null) {
      query.setParameter("from", from);
    }
    if (to != null) {
      query.setParameter("to", to);
    }
    if (after != null) {
      query.setParameter("key", LocalDate.parse(after.key())).setParameter("id", after.id());
    }
    return query.getResultList();
  }

  /** Where a page that ends with {@code payment} ended. */
  public static Keyset after(Payment payment) {
    return new Keyset(payment.getPaymentDate().toString(), payment.getId());
  }

  /**
   * Writes new payments, built but not persisted, and the parts of each applied to invoices as the
   * allocation was planned (invoices of its customer, in its currency, together no more than it),
   * in batches outside the persistence context ({@link BatchWrite}): they are not managed
   * afterwards.
   */
  void addAll(Map<Payment, List<Allocation.Part>> fresh) {
    List<Long> ids = BatchWrite.ids(em, "payment_seq", fresh.size());
    List<Map.Entry<Long, Payment>> rows = new ArrayList<>(fresh.size());
    List<Map.Entry<Long, Allocation.Part>> parts = new ArrayList<>();
    fresh.forEach(
        (payment, applied) -> {
          long id = ids.get(rows.size());
          rows.add(Map.entry(id, payment));
          applied.forEach(part -> parts.add(Map.entry(id, part)));
        });
    BatchWrite.rows(
        em,
        """
        insert into payment (id, external_id, customer_id, payment_date, currency, amount, method,
                             reference, version, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
        """,
        rows,
        (insert, row) -> {
          Payment payment = row.getValue();
          insert.setLong(1, row.getKey());
          insert.setString(2, payment.getExternalId());
          insert.setLong(3, payment.getCustomer().getId());
          insert.setObject(4, payment.getPaymentDate());
          insert.setString(5, payment.getAmount().currency().getCurrencyCode());
          insert.setBigDecimal(6, payment.getAmount().amount());
          insert.setString(7, payment.getMethod());
          insert.setString(8, payment.getReference());
          insert.setObject(9, payment.getCreatedAt());
        });
    List<Long> partIds = BatchWrite.ids(em, "payment_allocation_seq", parts.size());
    List<Map.Entry<Long, Map.Entry<Long, Allocation.Part>>> partRows = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      partRows.add(Map.entry(partIds.get(i), parts.get(i)));
    }
    BatchWrite.rows(
        em,
        "insert into payment_allocation (id, payment_id, invoice_id, currency, amount)"
            + " values (?, ?, ?, ?, ?)",
        partRows,
        (insert, row) -> {
          Allocation.Part part = row.getValue().getValue();
          insert.setLong(1, row.getKey());
          insert.setLong(2, row.getValue().getKey());
          insert.setLong(3, part.item().invoiceId());
          insert.setString(4, part.amount().currency().getCurrencyCode());
          insert.setBigDecimal(5, part.amount().amount());
        });
  }
}
