package app.courtesy.invoice;

import app.courtesy.invoice.ReceivablesSnapshot.CustomerExposure;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

/**
 * Set-based reads over the open items of the whole book (view {@code invoice_open_item}): one SQL
 * statement per figure, whatever the size of the ledger.
 */
@ApplicationScoped
public class ReceivablesQueries {

  /** How far ahead "due soon" looks. */
  public static final int DUE_SOON_DAYS = 7;

  private static final int MOST_OVERDUE_LIMIT = 8;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public ReceivablesSnapshot snapshot(LocalDate asOf) {
    List<Object[]> overdue = totals("o.due_date < ?1", Date.valueOf(asOf));
    List<Object[]> dueSoon =
        totals(
            "o.due_date >= ?1 and o.due_date <= ?2",
            Date.valueOf(asOf),
            Date.valueOf(asOf.plusDays(DUE_SOON_DAYS)));
    return new ReceivablesSnapshot(
        asOf,
        count(overdue),
        amounts(overdue),
        count(dueSoon),
        amounts(dueSoon),
        mostOverdue(asOf));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> totals(String condition, Date... dates) {
    Query query =
        em.createNativeQuery(
            "select o.currency, count(*), sum(o.open_amount) from invoice_open_item o where "
                + condition
                + " group by o.currency order by o.currency");
    for (int i = 0; i < dates.length; i++) {
      query.setParameter(i + 1, dates[i]);
    }
    return query.getResultList();
  }

  @SuppressWarnings("unchecked")
  private List<CustomerExposure> mostOverdue(LocalDate asOf) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select c.number, c.name, o.currency, sum(o.open_amount), min(o.due_date)"
                    + " from invoice_open_item o join customer c on c.id = o.customer_id"
                    + " where o.due_date < ?1"
                    + " group by c.number, c.name, o.currency"
                    + " order by sum(o.open_amount) desc, c.number")
            .setParameter(1, Date.valueOf(asOf))
            .setMaxResults(MOST_OVERDUE_LIMIT)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new CustomerExposure(
                    (String) row[0],
                    (String) row[1],
                    money(row[3], row[2]),
                    ChronoUnit.DAYS.between(toLocalDate(row[4]), asOf)))
        .toList();
  }

  private static long count(List<Object[]> rows) {
    return rows.stream().mapToLong(row -> ((Number) row[1]).longValue()).sum();
  }

  private static List<Money> amounts(List<Object[]> rows) {
    return rows.stream().map(row -> money(row[2], row[0])).toList();
  }

  private static Money money(Object amount, Object currency) {
    return new Money(new BigDecimal(amount.toString()), Currency.getInstance((String) currency));
  }

  private static LocalDate toLocalDate(Object value) {
    return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
  }
}
