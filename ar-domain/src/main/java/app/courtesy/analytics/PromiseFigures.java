package app.courtesy.analytics;

import app.courtesy.arrangement.ArrangementKind;
import app.courtesy.shared.Money;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Promises and arrangements by period: how many promises were kept and broken ({@link
 * CollectionsFigures.Figure#PROMISE_KEPT_RATE}), how many arrangements were approved, completed and
 * defaulted, and what was recovered through them. Read per view from the promise and arrangement
 * tables, each through its index on the date it is counted by (V039): they grow with the team's
 * work, not with the book. Only what was recovered joins the payments, and only those allocated to
 * the invoices of arrangements active in the period.
 *
 * <pre>
 * List&lt;PromiseFigures.Period&gt; months =
 *     promiseFigures.byPeriod(from, to, Granularity.MONTH, eur, null);   // the team
 * months.get(0).keptRate();   // Optional.empty() when none was kept or broken that month
 * </pre>
 *
 * <p>A collector's figures are those of the cases assigned to them now.
 */
@ApplicationScoped
public class PromiseFigures {

  /**
   * One period (cut to the dates asked for).
   *
   * @param kept promises decided as kept in the period
   * @param broken promises decided as broken in the period
   * @param keptRate empty when undefined
   * @param recovered in the currency asked for
   */
  public record Period(
      LocalDate from,
      LocalDate to,
      long kept,
      long broken,
      Optional<BigDecimal> keptRate,
      long approved,
      long completed,
      long defaulted,
      Money recovered) {}

  /** Only the cases ({@code k}) of the collector named by the query's parameter. */
  static final String CASES_OF =
      " and k.assignee_id = (select u.id from app_user u where u.username = ?%d)";

  private static final String PROMISES =
      """
      select p.decided_on, p.status, count(*)
        from promise_to_pay p join collection_case k on k.id = p.case_id
       where p.decided_on >= ?1 and p.decided_on <= ?2 and p.status in ('KEPT', 'BROKEN')
      """;

  private static final String APPROVED =
      """
      select a.active_from, 'APPROVED', count(*)
        from arrangement a join collection_case k on k.id = a.case_id
       where a.active_from >= ?1 and a.active_from <= ?2
      """;

  private static final String CLOSED =
      """
      select a.closed_on, a.status, count(*)
        from arrangement a join collection_case k on k.id = a.case_id
       where a.closed_on >= ?1 and a.closed_on <= ?2 and a.status in ('COMPLETED', 'DEFAULTED')
      """;

  private static final String RECOVERED =
      """
      select p.payment_date, 'RECOVERED', sum(pa.amount)
        from arrangement a
        join collection_case k on k.id = a.case_id
        join arrangement_invoice x on x.arrangement_id = a.id
        join payment_allocation pa on pa.invoice_id = x.invoice_id
        join payment p on p.id = pa.payment_id
       where a.active_from <= ?2 and (a.closed_on is null or a.closed_on >= ?1)
         and p.payment_date >= a.active_from
         and (a.closed_on is null or p.payment_date <= a.closed_on)
         and p.payment_date >= ?1 and p.payment_date <= ?2 and pa.currency = ?3
      """;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /**
   * Every period of {@code granularity} from {@code from} to {@code to} (both included), oldest
   * first, empty ones too.
   *
   * @param collector a collector's username for their cases only; {@code null} for the team
   */
  public List<Period> byPeriod(
      LocalDate from, LocalDate to, Granularity granularity, Currency currency, String collector) {
    List<Object[]> rows = new ArrayList<>();
    rows.addAll(read(PROMISES, "p.decided_on, p.status", from, to, null, collector));
    rows.addAll(read(APPROVED, "a.active_from", from, to, null, collector));
    rows.addAll(read(CLOSED, "a.closed_on, a.status", from, to, null, collector));
    rows.addAll(read(RECOVERED, "p.payment_date", from, to, currency, collector));
    List<Period> periods = new ArrayList<>();
    for (LocalDate start = granularity.start(from);
        !start.isAfter(to);
        start = granularity.next(start)) {
      LocalDate first = start.isBefore(from) ? from : start;
      LocalDate next = granularity.next(start);
      LocalDate last = next.isAfter(to) ? to : next.minusDays(1);
      Map<String, BigDecimal> sums = new HashMap<>();
      for (Object[] row : rows) {
        LocalDate date = SqlValues.date(row[0]);
        if (!date.isBefore(first) && !date.isAfter(last)) {
          sums.merge((String) row[1], new BigDecimal(row[2].toString()), BigDecimal::add);
        }
      }
      long kept = count(sums, "KEPT");
      long broken = count(sums, "BROKEN");
      periods.add(
          new Period(
              first,
              last,
              kept,
              broken,
              CollectionsFigures.promiseKeptRate(kept, broken),
              count(sums, "APPROVED"),
              count(sums, "COMPLETED"),
              count(sums, "DEFAULTED"),
              new Money(sums.getOrDefault("RECOVERED", BigDecimal.ZERO), currency)));
    }
    return periods;
  }

  /**
   * The cases behind the figures of a period: each promise decided and each arrangement approved,
   * completed or defaulted in it, the largest amounts first, at most {@code limit}.
   *
   * @param collector a collector's username for their cases only; {@code null} for the team
   */
  @SuppressWarnings("unchecked")
  public List<FigureItem> behind(LocalDate from, LocalDate to, String collector, int limit) {
    String mine = collector == null ? "" : CASES_OF.formatted(3);
    Query promises =
        em.createNativeQuery(
                """
                select k.id, c.name, p.currency, p.amount, p.decided_on, p.status, p.promised_on
                  from promise_to_pay p
                  join collection_case k on k.id = p.case_id
                  join customer c on c.id = k.customer_id
                 where p.decided_on >= ?1 and p.decided_on <= ?2 and p.status in ('KEPT', 'BROKEN')
                """
                    + mine
                    + " order by p.amount desc")
            .setMaxResults(limit);
    Query plans =
        em.createNativeQuery(
                """
                select k.id, c.name, a.currency, a.covered, a.active_from, a.closed_on, a.status,
                       a.kind
                  from arrangement a
                  join collection_case k on k.id = a.case_id
                  join customer c on c.id = k.customer_id
                 where ((a.active_from >= ?1 and a.active_from <= ?2)
                        or (a.closed_on >= ?1 and a.closed_on <= ?2
                            and a.status in ('COMPLETED', 'DEFAULTED')))
                """
                    + mine
                    + " order by a.covered desc")
            .setMaxResults(limit);
    List<FigureItem> items = new ArrayList<>();
    for (Query query : List.of(promises, plans)) {
      query.setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to));
      if (collector != null) {
        query.setParameter(3, collector);
      }
    }
    for (Object[] row : (List<Object[]>) promises.getResultList()) {
      items.add(
          new FigureItem(
              "case",
              row[0].toString(),
              (String) row[1],
              money(row[3], row[2]),
              SqlValues.date(row[4]),
              "Promise for "
                  + SqlValues.date(row[6])
                  + ("KEPT".equals(row[5]) ? " kept" : " broken")));
    }
    for (Object[] row : (List<Object[]>) plans.getResultList()) {
      LocalDate approved = SqlValues.date(row[4]);
      LocalDate closed = SqlValues.date(row[5]);
      boolean closedHere =
          closed != null
              && !closed.isBefore(from)
              && !closed.isAfter(to)
              && ("COMPLETED".equals(row[6]) || "DEFAULTED".equals(row[6]));
      items.add(
          new FigureItem(
              "case",
              row[0].toString(),
              (String) row[1],
              money(row[3], row[2]),
              closedHere ? closed : approved,
              ArrangementKind.valueOf((String) row[7]).label()
                  + " approved on "
                  + approved
                  + (closedHere ? ", " + ((String) row[6]).toLowerCase() + " on " + closed : "")));
    }
    items.sort(Comparator.comparing((FigureItem i) -> i.amount().amount()).reversed());
    return List.copyOf(items.subList(0, Math.min(limit, items.size())));
  }

  static Money money(Object amount, Object currency) {
    return new Money(new BigDecimal(amount.toString()), Currency.getInstance((String) currency));
  }

  private static long count(Map<String, BigDecimal> sums, String figure) {
    return sums.getOrDefault(figure, BigDecimal.ZERO).longValueExact();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> read(
      String sql,
      String groupBy,
      LocalDate from,
      LocalDate to,
      Currency currency,
      String collector) {
    int next = currency == null ? 3 : 4;
    Query query =
        em.createNativeQuery(
                sql + (collector == null ? "" : CASES_OF.formatted(next)) + " group by " + groupBy)
            .setParameter(1, Date.valueOf(from))
            .setParameter(2, Date.valueOf(to));
    if (currency != null) {
      query.setParameter(3, currency.getCurrencyCode());
    }
    if (collector != null) {
      query.setParameter(next, collector);
    }
    return query.getResultList();
  }
}
