package app.courtesy.analytics;

import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * {@link CollectionsFigures.Figure#CASH_FORECAST}: what the daily run of {@code madeOn} expects to
 * come in during each of the next {@value #WEEKS} weeks in one currency, week 1 starting on that
 * date, as {@link CashForecastWeeks} made it; read by {@link CashForecasts#latest}.
 *
 * @param weeks the {@value #WEEKS} weeks in order, an empty week with nothing expected
 * @param later what is expected after the last week
 * @param accuracy {@link CollectionsFigures.Figure#FORECAST_ACCURACY} of the forecast made 13 weeks
 *     before; empty when undefined
 */
public record CashForecast(
    LocalDate madeOn,
    Currency currency,
    List<Week> weeks,
    Week later,
    Optional<BigDecimal> accuracy) {

  /** How many weeks ahead the forecast looks. */
  public static final int WEEKS = 13;

  /**
   * One week of the forecast, or what is expected after them.
   *
   * @param number 1 to {@value #WEEKS}; {@link CashForecastWeeks#LATER} for what comes after
   * @param starts its first day
   * @param items how many open items (invoices, instalments) are expected in it
   */
  public record Week(int number, LocalDate starts, Money amount, int items) {}

  /**
   * One open item behind a week of the forecast, as the forecast expects it.
   *
   * @param invoiceNumber null for an instalment of a payment arrangement
   * @param instalment the instalment's number on the invoice or arrangement; 0 for a whole invoice
   * @param caseId the arrangement's case; null for an invoice
   * @param basis how its date was found: {@code DUE} (due date plus the customer's delay), {@code
   *     PROMISED}, {@code INSTALMENT} (of the invoice), {@code ARRANGED}
   */
  public record Expected(
      String invoiceNumber,
      int instalment,
      Long caseId,
      String customer,
      Money amount,
      LocalDate expectedOn,
      String basis) {}
}
