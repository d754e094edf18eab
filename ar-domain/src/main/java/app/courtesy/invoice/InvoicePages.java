package app.courtesy.invoice;

import static app.courtesy.shared.SqlValues.idList;

import app.courtesy.shared.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Invoices read back for the API: by number, and as filtered lists read page by page from where the
 * previous page ended (see {@link Keyset}), each with the reminder step it reached.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InvoicePages {

  /** The orders an invoice list can be read in; the id breaks ties. */
  public enum Sort {
    NUMBER("i.number", Invoice::getNumber),
    DUE_DATE("i.dueDate", invoice -> invoice.getDueDate().toString());

    private final String column;
    private final Function<Invoice, String> key;

    Sort(String column, Function<Invoice, String> key) {
      this.column = column;
      this.key = key;
    }

    /** Where a page that ends with {@code invoice} ended. */
    public Keyset after(Invoice invoice) {
      return new Keyset(key.apply(invoice), invoice.getId());
    }
  }

  /**
   * Which invoices to list; {@code null} fields do not filter.
   *
   * @param overdue only invoices open after their due date, as of today
   */
  public record Filter(Long customerId, InvoiceStatus status, String currency, boolean overdue) {}

  /**
   * The last reminder step an invoice reached (counted from 1) and when; of an invoice in
   * instalments, the furthest any instalment reached.
   */
  public record Reminded(int step, LocalDate on) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Optional<Invoice> findByNumber(String number) {
    return em.createQuery(
            "select i from Invoice i join fetch i.customer where i.number = :number", Invoice.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  /** Up to {@code size} invoices after {@code after} (null: from the start), in {@code sort}. */
  public List<Invoice> page(Filter filter, Sort sort, Keyset after, int size, LocalDate today) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (filter.customerId() != null) {
      where.append(" and i.customer.id = :customer");
    }
    if (filter.currency() != null) {
      where.append(" and i.currency = :currency");
    }
    if (filter.status() != null) {
      where.append(" and ").append(status(filter.status()));
    }
    if (filter.overdue()) {
      where.append(" and i.state = :issued and i.allocated < i.amount and i.dueDate < :today");
    }
    if (after != null) {
      where.append(
          sort == Sort.NUMBER
              ? " and i.number > :key"
              : " and (i.dueDate > :key or (i.dueDate = :key and i.id > :id))");
    }
    TypedQuery<Invoice> query =
        em.createQuery(
                "select i from Invoice i join fetch i.customer"
                    + where
                    + " order by "
                    + sort.column
                    + (sort == Sort.NUMBER ? "" : ", i.id"),
                Invoice.class)
            .setMaxResults(size);
    if (filter.customerId() != null) {
      query.setParameter("customer", filter.customerId());
    }
    if (filter.currency() != null) {
      query.setParameter("currency", filter.currency());
    }
    if (filter.status() != null && filter.status().ordinal() <= InvoiceStatus.DISPUTED.ordinal()) {
      query.setParameter("issued", InvoiceState.ISSUED);
    }
    if (filter.overdue()) {
      query.setParameter("issued", InvoiceState.ISSUED).setParameter("today", today);
    }
    if (after != null) {
      if (sort == Sort.NUMBER) {
        query.setParameter("key", after.key());
      } else {
        query.setParameter("key", LocalDate.parse(after.key())).setParameter("id", after.id());
      }
    }
    return query.getResultList();
  }

  /** The condition on invoice {@code i} for each status, as {@link InvoiceStatus#of} derives it. */
  private static String status(InvoiceStatus status) {
    return switch (status) {
      case OPEN -> "i.state = :issued and i.allocated = 0 and i.disputed = false";
      case PARTIALLY_PAID ->
          "i.state = :issued and i.allocated > 0 and i.allocated < i.amount"
              + " and i.disputed = false";
      case PAID -> "i.state = :issued and i.allocated >= i.amount";
      case DISPUTED -> "i.state = :issued and i.allocated < i.amount and i.disputed = true";
      case WRITTEN_OFF -> "i.state = app.courtesy.invoice.InvoiceState.WRITTEN_OFF";
      case CANCELLED -> "i.state = app.courtesy.invoice.InvoiceState.CANCELLED";
    };
  }

  /** The reminder step each of these invoices reached, for those that were reminded. */
  @SuppressWarnings("unchecked")
  public Map<Long, Reminded> reminded(Collection<Long> invoiceIds) {
    Map<Long, Reminded> reminded = new HashMap<>();
    if (invoiceIds.isEmpty()) {
      return reminded;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "select invoice_id, step_position, reminded_on from invoice_reminder"
                    + " where invoice_id in ("
                    + idList(invoiceIds)
                    + ")")
            .getResultList();
    for (Object[] row : rows) {
      long id = ((Number) row[0]).longValue();
      Reminded step =
          new Reminded(
              ((Number) row[1]).intValue() + 1,
              row[2] instanceof LocalDate date ? date : ((Date) row[2]).toLocalDate());
      reminded.merge(id, step, (a, b) -> a.step() >= b.step() ? a : b);
    }
    return reminded;
  }
}
