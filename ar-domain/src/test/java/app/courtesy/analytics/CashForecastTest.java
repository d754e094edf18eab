package app.courtesy.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.analytics.CashForecast.Item;
import app.courtesy.analytics.CashForecast.Weeks;
import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 13-week forecast on a small book worked out by hand; week 1 starts on Monday 7 January. */
class CashForecastTest {

  private static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");
  private static final long PUNCTUAL = 1;
  private static final long LATE_TEN_DAYS = 2;
  private static final long NEW_CUSTOMER = 3;

  private static final Map<Long, BigDecimal> HISTORY =
      Map.of(PUNCTUAL, BigDecimal.ZERO, LATE_TEN_DAYS, new BigDecimal("10"));

  private static Item item(long customer, LocalDate due, String amount, String currency) {
    return new Item(customer, due, Money.of(amount, currency), null);
  }

  private static List<Money> weeks(Currency currency, String... amounts) {
    return java.util.Arrays.stream(amounts)
        .map(a -> new Money(new BigDecimal(a), currency))
        .toList();
  }

  @Test
  void eachInvoiceIsExpectedAtItsDueDatePlusItsCustomersDelay() {
    Map<Currency, Weeks> forecast =
        CashForecast.forecast(
            MONDAY,
            List.of(
                // due Tuesday 8 Jan, punctual: week 1
                item(PUNCTUAL, MONDAY.plusDays(1), "100", "EUR"),
                // due Tuesday 8 Jan, ten days late: Friday 18 Jan, week 2
                item(LATE_TEN_DAYS, MONDAY.plusDays(1), "200", "EUR"),
                // due 31 March + 0 days = day 83: week 12
                item(PUNCTUAL, LocalDate.of(2030, 3, 31), "300", "EUR"),
                // due 7 April = day 90: week 13, the last
                item(PUNCTUAL, LocalDate.of(2030, 4, 7), "400", "EUR"),
                // due 8 April = day 91: after the 13 weeks
                item(PUNCTUAL, LocalDate.of(2030, 4, 8), "500", "EUR")),
            HISTORY,
            new BigDecimal("5"));

    assertThat(forecast).containsOnlyKeys(EUR);
    assertThat(forecast.get(EUR).weeks())
        .containsExactlyElementsOf(
            weeks(EUR, "100", "200", "0", "0", "0", "0", "0", "0", "0", "0", "0", "300", "400"));
    assertThat(forecast.get(EUR).later()).isEqualTo(Money.of("500", "EUR"));
  }

  @Test
  void aCustomerWithoutHistoryIsExpectedToPayAsLateAsTheBookOnAverage() {
    // The book pays 3.5 days late on average, rounded to 4: due Thursday 10 Jan → Monday 14, week
    // 2.
    Map<Currency, Weeks> forecast =
        CashForecast.forecast(
            MONDAY,
            List.of(item(NEW_CUSTOMER, MONDAY.plusDays(3), "80", "EUR")),
            HISTORY,
            new BigDecimal("3.5"));

    assertThat(forecast.get(EUR).weeks().get(1)).isEqualTo(Money.of("80", "EUR"));
  }

  @Test
  void whatIsLaterThanItsCustomerUsuallyPaysIsExpectedInTheFirstWeek() {
    // Due 1 December, ten days late would be 11 December: already past, so week 1.
    Map<Currency, Weeks> forecast =
        CashForecast.forecast(
            MONDAY,
            List.of(item(LATE_TEN_DAYS, LocalDate.of(2029, 12, 1), "70", "EUR")),
            HISTORY,
            BigDecimal.ZERO);

    assertThat(forecast.get(EUR).weeks().get(0)).isEqualTo(Money.of("70", "EUR"));
  }

  @Test
  void promisesAndInstalmentsAreExpectedAtTheirOwnDates() {
    Map<Currency, Weeks> forecast =
        CashForecast.forecast(
            MONDAY,
            List.of(
                // overdue, but promised for Monday 21 January: week 3, whatever the delay
                new Item(
                    LATE_TEN_DAYS,
                    LocalDate.of(2029, 12, 1),
                    Money.of("50", "EUR"),
                    LocalDate.of(2030, 1, 21)),
                // an instalment due Monday 28 January: week 4, not ten days later
                new Item(
                    LATE_TEN_DAYS,
                    LocalDate.of(2030, 1, 28),
                    Money.of("60", "EUR"),
                    LocalDate.of(2030, 1, 28))),
            HISTORY,
            BigDecimal.ZERO);

    assertThat(forecast.get(EUR).weeks().get(2)).isEqualTo(Money.of("50", "EUR"));
    assertThat(forecast.get(EUR).weeks().get(3)).isEqualTo(Money.of("60", "EUR"));
  }

  @Test
  void currenciesAreForecastApartAndNeverAdded() {
    Map<Currency, Weeks> forecast =
        CashForecast.forecast(
            MONDAY,
            List.of(item(PUNCTUAL, MONDAY, "100", "EUR"), item(PUNCTUAL, MONDAY, "250", "USD")),
            HISTORY,
            BigDecimal.ZERO);

    assertThat(forecast).containsOnlyKeys(EUR, USD);
    assertThat(forecast.get(EUR).weeks().get(0)).isEqualTo(Money.of("100", "EUR"));
    assertThat(forecast.get(USD).weeks().get(0)).isEqualTo(Money.of("250", "USD"));
    assertThat(forecast.get(USD).later()).isEqualTo(Money.of("0", "USD"));
  }

  @Test
  void nothingOpenForecastsNothing() {
    assertThat(CashForecast.forecast(MONDAY, List.of(), HISTORY, BigDecimal.ZERO)).isEmpty();
  }
}
