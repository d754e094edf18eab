package app.courtesy.analytics;

import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link CollectionsFigures.Figure#CASH_FORECAST}: what is expected to come in during each of the
 * next {@value #WEEKS} weeks, per currency. Week 1 starts on the as-of date. Each open item is
 * expected on its agreed date (a promise to pay or an instalment) when it has one; otherwise on its
 * due date plus its customer's average days late, rounded half up to whole days, or the book's
 * average for a customer without payment history. An item expected before the as-of date (later
 * than its customer usually pays) is expected in week 1; one expected after week {@value #WEEKS}
 * counts as later.
 */
public final class CashForecast {

  /** How many weeks ahead the forecast looks. */
  public static final int WEEKS = 13;

  /**
   * What is open on an invoice or on one of its instalments.
   *
   * @param agreed the promised date or the instalment's due date; {@code null} when none
   */
  public record Item(long customerId, LocalDate dueDate, Money open, LocalDate agreed) {}

  /** One currency's forecast: {@value #WEEKS} weekly amounts, and what is expected after them. */
  public record Weeks(List<Money> weeks, Money later) {}

  private CashForecast() {}

  /**
   * @param averageDaysLate each customer's average days from due date to payment, over the invoices
   *     they paid; a customer without history is missing
   * @param bookDaysLate the average over every paid invoice of the book; zero when nothing was ever
   *     paid
   * @return per currency, by currency code
   */
  public static Map<Currency, Weeks> forecast(
      LocalDate asOf,
      List<Item> items,
      Map<Long, BigDecimal> averageDaysLate,
      BigDecimal bookDaysLate) {
    Map<Currency, List<Money>> weeks =
        new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    Map<Currency, Money> later = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    for (Item item : items) {
      Currency currency = item.open().currency();
      List<Money> line =
          weeks.computeIfAbsent(
              currency, c -> new ArrayList<>(Collections.nCopies(WEEKS, Money.zero(c))));
      later.putIfAbsent(currency, Money.zero(currency));
      long week =
          Math.max(
              0, ChronoUnit.DAYS.between(asOf, expected(item, averageDaysLate, bookDaysLate)) / 7);
      if (week < WEEKS) {
        line.set((int) week, line.get((int) week).plus(item.open()));
      } else {
        later.merge(currency, item.open(), Money::plus);
      }
    }
    Map<Currency, Weeks> forecast = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    weeks.forEach(
        (currency, line) ->
            forecast.put(currency, new Weeks(List.copyOf(line), later.get(currency))));
    return forecast;
  }

  /** When {@code item} is expected to be paid. */
  static LocalDate expected(
      Item item, Map<Long, BigDecimal> averageDaysLate, BigDecimal bookDaysLate) {
    if (item.agreed() != null) {
      return item.agreed();
    }
    BigDecimal late = averageDaysLate.getOrDefault(item.customerId(), bookDaysLate);
    return item.dueDate().plusDays(late.setScale(0, RoundingMode.HALF_UP).longValueExact());
  }
}
