package app.courtesy.analytics;

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
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The cash-in forecasts the daily run wrote ({@link CashForecastWeeks}) and how much of them came
 * true, read per currency:
 *
 * <pre>{@code
 * forecasts.latest(EUR).ifPresent(f -> show(f.weeks(), f.later(), f.accuracy()));
 * forecasts.expected(EUR, f.madeOn(), 3, 500); // the invoices behind week 3
 * }</pre>
 *
 * {@link #latest} reads a few indexed rows whatever the size of the book; {@link #expected} reads
 * the book again, as the forecast did (one aging-sized read).
 */
@ApplicationScoped
public class CashForecasts {

  private static final int QUARTER_DAYS = CashForecast.WEEKS * 7;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /**
   * The latest forecast any run wrote, in {@code currency} (every week empty when nothing was open
   * in it), with the accuracy of the one made 13 weeks before it; empty when no run wrote one yet.
   */
  public Optional<CashForecast> latest(Currency currency) {
    Object latest =
        em.createNativeQuery("select max(made_on) from cash_forecast_week").getSingleResult();
    if (latest == null) {
      return Optional.empty();
    }
    LocalDate madeOn = SqlValues.date(latest);
    List<CashForecast.Week> weeks = weeks(madeOn, currency);
    return Optional.of(
        new CashForecast(
            madeOn,
            currency,
            weeks.subList(0, CashForecast.WEEKS),
            weeks.get(CashForecast.WEEKS),
            accuracy(madeOn, currency)));
  }

  /**
   * The items behind one week of the forecast made on {@code madeOn} ({@link
   * CashForecastWeeks#LATER} for what comes after the weeks), largest first, at most {@code max}:
   * the book read as the forecast read it, as of the day before it was made. Payments recorded
   * since with an earlier date, or promises given since, may move an item.
   */
  @SuppressWarnings("unchecked")
  public List<CashForecast.Expected> expected(
      Currency currency, LocalDate madeOn, int week, int max) {
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select i.number, f.instalment_no, f.case_id, c.name, f.amount, f.expected_on,
                       f.basis
                  from (%s) f
                  join customer c on c.id = f.customer_id
                  left join invoice i on i.id = f.invoice_id
                 where f.currency = ?4 and %s = ?5
                 order by f.amount desc, f.expected_on, c.name, i.number, f.instalment_no
                """
                    .formatted(CashForecastWeeks.ITEMS, CashForecastWeeks.WEEK))
            .setParameter(1, Date.valueOf(madeOn.minusDays(1)))
            .setParameter(2, Date.valueOf(madeOn))
            .setParameter(3, Date.valueOf(madeOn.minusDays(CashForecastWeeks.HISTORY_DAYS)))
            .setParameter(4, currency.getCurrencyCode())
            .setParameter(5, week)
            .setMaxResults(max)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new CashForecast.Expected(
                    (String) row[0],
                    ((Number) row[1]).intValue(),
                    row[2] == null ? null : ((Number) row[2]).longValue(),
                    (String) row[3],
                    Trends.money(row[4], currency),
                    SqlValues.date(row[5]),
                    (String) row[6]))
        .toList();
  }

  /** Weeks 1 to {@link CashForecastWeeks#LATER} of the forecast made on {@code madeOn}. */
  @SuppressWarnings("unchecked")
  private List<CashForecast.Week> weeks(LocalDate madeOn, Currency currency) {
    List<CashForecast.Week> weeks = new ArrayList<>();
    for (int week = 1; week <= CashForecastWeeks.LATER; week++) {
      weeks.add(new CashForecast.Week(week, madeOn.plusWeeks(week - 1L), Money.zero(currency), 0));
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "select week, amount, items from cash_forecast_week"
                    + " where made_on = ?1 and currency = ?2")
            .setParameter(1, Date.valueOf(madeOn))
            .setParameter(2, currency.getCurrencyCode())
            .getResultList();
    for (Object[] row : rows) {
      int week = ((Number) row[0]).intValue();
      weeks.set(
          week - 1,
          new CashForecast.Week(
              week,
              madeOn.plusWeeks(week - 1L),
              Trends.money(row[1], currency),
              ((Number) row[2]).intValue()));
    }
    return weeks;
  }

  /**
   * {@link CollectionsFigures#forecastAccuracy} of the forecast made 13 weeks before {@code madeOn}
   * (or, when no run made one that day, the latest made in the week before it), whose weeks are
   * over by {@code madeOn}; undefined without one, or when a day of those weeks has no receipts
   * written ({@link ReceivablesDays} left a gap).
   */
  @SuppressWarnings("unchecked")
  private Optional<BigDecimal> accuracy(LocalDate madeOn, Currency currency) {
    Object earlier =
        em.createNativeQuery(
                "select max(made_on) from cash_forecast_week where made_on <= ?1 and made_on > ?2")
            .setParameter(1, Date.valueOf(madeOn.minusDays(QUARTER_DAYS)))
            .setParameter(2, Date.valueOf(madeOn.minusDays(QUARTER_DAYS + 7)))
            .getSingleResult();
    if (earlier == null) {
      return Optional.empty();
    }
    LocalDate from = SqlValues.date(earlier);
    LocalDate to = from.plusDays(QUARTER_DAYS - 1);
    Number daysWritten =
        (Number)
            em.createNativeQuery(
                    "select count(distinct business_date) from receivables_day"
                        + " where business_date >= ?1 and business_date <= ?2")
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to))
                .getSingleResult();
    if (daysWritten.intValue() < QUARTER_DAYS) {
      return Optional.empty();
    }
    List<Money> received =
        new ArrayList<>(Collections.nCopies(CashForecast.WEEKS, Money.zero(currency)));
    List<Object[]> days =
        em.createNativeQuery(
                "select business_date, cash_received from receivables_day"
                    + " where currency = ?1 and business_date >= ?2 and business_date <= ?3")
            .setParameter(1, currency.getCurrencyCode())
            .setParameter(2, Date.valueOf(from))
            .setParameter(3, Date.valueOf(to))
            .getResultList();
    for (Object[] day : days) {
      int week = (int) (ChronoUnit.DAYS.between(from, SqlValues.date(day[0])) / 7);
      received.set(week, received.get(week).plus(Trends.money(day[1], currency)));
    }
    List<Money> forecast =
        weeks(from, currency).subList(0, CashForecast.WEEKS).stream()
            .map(CashForecast.Week::amount)
            .toList();
    return CollectionsFigures.forecastAccuracy(forecast, received);
  }
}
