package app.courtesy.invoice;

import app.courtesy.invoice.ReceivablesSnapshot.CustomerExposure;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Set-based reads over the open items of the whole book (view {@code receivable_item}: an invoice,
 * or each instalment of one paid in instalments, by its own due date): one SQL statement per
 * figure, whatever the size of the ledger.
 */
@ApplicationScoped
public class ReceivablesQueries {

  /** How far ahead "due soon" looks. */
  public static final int DUE_SOON_DAYS = 7;

  private static final int MOST_OVERDUE_LIMIT = 8;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private LedgerAsOf ledger;

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
            "select o.currency, count(*), sum(o.open_amount) from receivable_item o where "
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
                    + " from receivable_item o join customer c on c.id = o.customer_id"
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

  /**
   * What was open as of the date, by currency and bucket, as {@link LedgerAsOf} tells it: invoices
   * issued by then, less the payments and credit notes dated by then (and not reversed by then),
   * each instalment of an invoice paid in instalments in the bucket of its own due date (what was
   * applied settling them in date order); with each currency's unapplied credit and open
   * late-payment charges beside the buckets. Optionally for one customer only.
   */
  @SuppressWarnings("unchecked")
  public Aging aging(LocalDate asOf, Long customerId) {
    Date day = Date.valueOf(asOf);
    Query query =
        em.createNativeQuery(
            "select o.currency,"
                + " sum(case when o.due_date >= ?1 then o.open_amount else 0 end),"
                + " sum(case when o.due_date < ?1 and o.due_date >= ?2 then o.open_amount else 0 end),"
                + " sum(case when o.due_date < ?2 and o.due_date >= ?3 then o.open_amount else 0 end),"
                + " sum(case when o.due_date < ?3 and o.due_date >= ?4 then o.open_amount else 0 end),"
                + " sum(case when o.due_date < ?4 then o.open_amount else 0 end)"
                + " from ("
                + LedgerAsOf.RECEIVABLES
                + (customerId == null ? "" : " and i.customer_id = ?5")
                + ") o where o.open_amount > 0 group by o.currency order by o.currency");
    query
        .setParameter(1, day)
        .setParameter(2, Date.valueOf(asOf.minusDays(30)))
        .setParameter(3, Date.valueOf(asOf.minusDays(60)))
        .setParameter(4, Date.valueOf(asOf.minusDays(90)));
    if (customerId != null) {
      query.setParameter(5, customerId);
    }
    Map<Currency, Money> unapplied = ledger.unapplied(asOf, customerId);
    Map<Currency, Money> charges = ledger.charges(asOf, customerId);
    Map<Currency, Aging.Line> lines = new TreeMap<>(BY_CODE);
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      Currency currency = Currency.getInstance((String) row[0]);
      lines.put(
          currency,
          new Aging.Line(
              money(row[1], row[0]),
              money(row[2], row[0]),
              money(row[3], row[0]),
              money(row[4], row[0]),
              money(row[5], row[0]),
              unapplied.getOrDefault(currency, Money.zero(currency)),
              charges.getOrDefault(currency, Money.zero(currency))));
    }
    Stream.concat(unapplied.keySet().stream(), charges.keySet().stream())
        .forEach(
            currency ->
                lines.computeIfAbsent(
                    currency,
                    c ->
                        Aging.Line.besideInvoices(
                            unapplied.getOrDefault(c, Money.zero(c)),
                            charges.getOrDefault(c, Money.zero(c)))));
    return new Aging(asOf, List.copyOf(lines.values()));
  }

  /** Days sales outstanding per currency as of the date, by the countback method. */
  @SuppressWarnings("unchecked")
  public Map<Currency, BigDecimal> daysSalesOutstanding(LocalDate asOf) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select currency, issue_date, sum(amount) from invoice"
                    + " where state <> 'CANCELLED' and issue_date <= ?1 and issue_date > ?2"
                    + " group by currency, issue_date")
            .setParameter(1, Date.valueOf(asOf))
            .setParameter(2, Date.valueOf(asOf.minusDays(DaysSalesOutstanding.HORIZON_DAYS)))
            .getResultList();
    Map<Currency, Map<LocalDate, BigDecimal>> sales = new TreeMap<>(BY_CODE);
    for (Object[] row : rows) {
      sales
          .computeIfAbsent(Currency.getInstance((String) row[0]), c -> new HashMap<>())
          .put(toLocalDate(row[1]), new BigDecimal(row[2].toString()));
    }
    Map<Currency, BigDecimal> dso = new TreeMap<>(BY_CODE);
    for (Aging.Line line : aging(asOf, null).lines()) {
      Currency currency = line.total().currency();
      dso.put(
          currency,
          DaysSalesOutstanding.countback(
              line.total().amount(), sales.getOrDefault(currency, Map.of()), asOf));
    }
    return dso;
  }

  private static final Comparator<Currency> BY_CODE =
      Comparator.comparing(Currency::getCurrencyCode);

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
