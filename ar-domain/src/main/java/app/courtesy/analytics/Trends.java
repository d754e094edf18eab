package app.courtesy.analytics;

import app.courtesy.invoice.DaysSalesOutstanding;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.shared.Money;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trends of one currency over a period, read from the days the daily run wrote ({@link
 * ReceivablesDays}), never from the book itself: one indexed read of at most a year and the
 * period's days, however many invoices there are. The figures come from {@link CollectionsFigures}.
 */
@ApplicationScoped
public class Trends {

  /**
   * One period of a trend (a day, a week or a month, cut to the dates asked for), as it stood at
   * the end of its last day written.
   *
   * @param asOf the last day of the period with figures, which the balances are of
   * @param openBefore the receivables at the end of the last day written before the period; empty
   *     when none was
   * @param aging the overdue part by days past due: 1–30, 31–60, 61–90, over 90
   * @param creditSales the invoices issued in the period
   * @param cashReceived the payments dated in the period (the days written)
   * @param bestPossibleDso empty when undefined (see {@link CollectionsFigures#bestPossibleDso})
   * @param collectionEffectiveness the index over this period; the dashboard shows it by month;
   *     empty when undefined, or when no day before the period was written
   */
  public record Period(
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      Optional<Money> openBefore,
      Money open,
      Money overdue,
      Money current,
      List<Money> aging,
      int openItems,
      int overdueItems,
      Money creditSales,
      Money cashReceived,
      BigDecimal dso,
      Optional<BigDecimal> bestPossibleDso,
      Optional<BigDecimal> averageDaysDelinquent,
      Optional<BigDecimal> collectionEffectiveness) {}

  private record Day(
      LocalDate date,
      Money open,
      Money overdue,
      List<Money> aging,
      int openItems,
      int overdueItems,
      Money cashReceived) {

    Money current() {
      return open.minus(overdue);
    }
  }

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /**
   * The periods of {@code granularity} from {@code from} to {@code to} (both included) that have a
   * day written, oldest first; none for a currency without history.
   */
  public List<Period> trend(
      Currency currency, LocalDate from, LocalDate to, Granularity granularity) {
    NavigableMap<LocalDate, Day> days =
        read(currency, from.minusDays(DaysSalesOutstanding.HORIZON_DAYS), to);
    NavigableMap<LocalDate, BigDecimal> sales =
        sales(currency, from.minusDays(DaysSalesOutstanding.HORIZON_DAYS), to);
    List<Period> periods = new ArrayList<>();
    for (LocalDate start = granularity.start(from);
        !start.isAfter(to);
        start = granularity.next(start)) {
      LocalDate first = start.isBefore(from) ? from : start;
      LocalDate last = granularity.next(start).minusDays(1);
      if (last.isAfter(to)) {
        last = to;
      }
      NavigableMap<LocalDate, Day> inPeriod = days.subMap(first, true, last, true);
      if (inPeriod.isEmpty()) {
        continue;
      }
      Day end = inPeriod.lastEntry().getValue();
      Money creditSales =
          new Money(
              sales.subMap(first, true, last, true).values().stream()
                  .reduce(BigDecimal.ZERO, BigDecimal::add),
              currency);
      Money cash =
          inPeriod.values().stream()
              .map(Day::cashReceived)
              .reduce(Money.zero(currency), Money::plus);
      BigDecimal dso = CollectionsFigures.dso(end.open(), sales, end.date());
      Optional<BigDecimal> best =
          CollectionsFigures.bestPossibleDso(
              end.current(), creditSales, (int) ChronoUnit.DAYS.between(first, last) + 1);
      Map.Entry<LocalDate, Day> before = days.lowerEntry(first);
      Optional<BigDecimal> effectiveness =
          before == null
              ? Optional.empty()
              : CollectionsFigures.collectionEffectiveness(
                  before.getValue().open(), creditSales, end.open(), end.current());
      periods.add(
          new Period(
              first,
              last,
              end.date(),
              Optional.ofNullable(before).map(b -> b.getValue().open()),
              end.open(),
              end.overdue(),
              end.current(),
              end.aging(),
              end.openItems(),
              end.overdueItems(),
              creditSales,
              cash,
              dso,
              best,
              CollectionsFigures.averageDaysDelinquent(dso, best),
              effectiveness));
    }
    return periods;
  }

  /**
   * The currencies with days written, the one with the most open on its last day written first (the
   * one a dashboard opens on).
   */
  @SuppressWarnings("unchecked")
  public List<Currency> currencies() {
    List<Object> codes =
        em.createNativeQuery(
                "select d.currency from receivables_day d"
                    + " where d.business_date = (select max(l.business_date) from receivables_day l"
                    + " where l.currency = d.currency)"
                    + " order by d.open_amount desc, d.currency")
            .getResultList();
    return codes.stream().map(code -> Currency.getInstance(code.toString())).toList();
  }

  /**
   * An invoice, or an instalment of one, open at the end of a day.
   *
   * @param instalment its number, 0 for an invoice without a schedule
   */
  public record OpenAt(
      String invoiceNumber, int instalment, String customerName, LocalDate dueDate, Money open) {}

  /**
   * What was open in {@code currency} at the end of {@code asOf} and fell due on or after {@code
   * dueFrom} and before {@code dueBefore}, the largest first, at most {@code limit}: the invoices
   * behind a trend's balance. Reads the ledger as of the day ({@link LedgerAsOf#RECEIVABLES}), the
   * read an aging report makes.
   */
  @SuppressWarnings("unchecked")
  public List<OpenAt> largestOpen(
      Currency currency, LocalDate asOf, LocalDate dueFrom, LocalDate dueBefore, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select i.number, o.instalment_no, c.name, o.due_date, o.open_amount from ("
                    + LedgerAsOf.RECEIVABLES
                    + " and i.currency = ?2) o join invoice i on i.id = o.invoice_id"
                    + " join customer c on c.id = o.customer_id"
                    + " where o.open_amount > 0 and o.due_date >= ?3 and o.due_date < ?4"
                    + " order by o.open_amount desc, i.number, o.instalment_no")
            .setParameter(1, Date.valueOf(asOf))
            .setParameter(2, currency.getCurrencyCode())
            .setParameter(3, Date.valueOf(dueFrom))
            .setParameter(4, Date.valueOf(dueBefore))
            .setMaxResults(limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new OpenAt(
                    (String) row[0],
                    ((Number) row[1]).intValue(),
                    (String) row[2],
                    SqlValues.date(row[3]),
                    money(row[4], currency)))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private NavigableMap<LocalDate, Day> read(Currency currency, LocalDate from, LocalDate to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select business_date, open_amount, overdue_amount, overdue_1_30, overdue_31_60,"
                    + " overdue_61_90, overdue_over_90, open_items, overdue_items,"
                    + " cash_received from receivables_day"
                    + " where currency = ?1 and business_date >= ?2 and business_date <= ?3")
            .setParameter(1, currency.getCurrencyCode())
            .setParameter(2, Date.valueOf(from))
            .setParameter(3, Date.valueOf(to))
            .getResultList();
    NavigableMap<LocalDate, Day> days = new TreeMap<>();
    for (Object[] row : rows) {
      LocalDate date = SqlValues.date(row[0]);
      days.put(
          date,
          new Day(
              date,
              money(row[1], currency),
              money(row[2], currency),
              List.of(
                  money(row[3], currency),
                  money(row[4], currency),
                  money(row[5], currency),
                  money(row[6], currency)),
              ((Number) row[7]).intValue(),
              ((Number) row[8]).intValue(),
              money(row[9], currency)));
    }
    return days;
  }

  @SuppressWarnings("unchecked")
  private NavigableMap<LocalDate, BigDecimal> sales(
      Currency currency, LocalDate from, LocalDate to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select business_date, amount from credit_sales_day"
                    + " where currency = ?1 and business_date >= ?2 and business_date <= ?3")
            .setParameter(1, currency.getCurrencyCode())
            .setParameter(2, Date.valueOf(from))
            .setParameter(3, Date.valueOf(to))
            .getResultList();
    NavigableMap<LocalDate, BigDecimal> sales = new TreeMap<>();
    for (Object[] row : rows) {
      sales.put(SqlValues.date(row[0]), new BigDecimal(row[1].toString()));
    }
    return sales;
  }

  private static Money money(Object amount, Currency currency) {
    return new Money(new BigDecimal(amount.toString()), currency);
  }
}
