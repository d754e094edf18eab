package app.courtesy.invoice;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * Days sales outstanding by the countback method: starting on the as-of date and going back one day
 * at a time, how many days of invoiced sales it takes to add up to what is open today. A day that
 * more than covers the rest counts as the fraction needed. Unlike average-based DSO it is not
 * distorted by sales that grow or shrink over the period.
 */
public final class DaysSalesOutstanding {

  /** How far back the count goes; an open balance older than that reports this many days. */
  public static final int HORIZON_DAYS = 365;

  private DaysSalesOutstanding() {}

  /**
   * @param open the open balance as of {@code asOf}, in one currency
   * @param salesByDay invoiced amounts of that currency by issue date
   * @return days, one decimal; zero when nothing is open
   */
  public static BigDecimal countback(
      BigDecimal open, Map<LocalDate, BigDecimal> salesByDay, LocalDate asOf) {
    BigDecimal remaining = open;
    BigDecimal days = BigDecimal.ZERO;
    for (int back = 0; back < HORIZON_DAYS && remaining.signum() > 0; back++) {
      BigDecimal sales = salesByDay.getOrDefault(asOf.minusDays(back), BigDecimal.ZERO);
      if (sales.compareTo(remaining) >= 0) {
        days = days.add(remaining.divide(sales, MathContext.DECIMAL64));
        remaining = BigDecimal.ZERO;
      } else {
        days = days.add(BigDecimal.ONE);
        remaining = remaining.subtract(sales);
      }
    }
    return days.setScale(1, RoundingMode.HALF_UP);
  }
}
