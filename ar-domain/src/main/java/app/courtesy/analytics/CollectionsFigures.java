package app.courtesy.analytics;

import app.courtesy.invoice.DaysSalesOutstanding;
import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The collections figures and their definitions, in one place: each {@link Figure} says in one
 * sentence what it means and gives its formula, so a page shows the very words the numbers are
 * computed by. Every figure is of one currency; amounts of two currencies are never added. Days and
 * percentages have one decimal, rounded half up. A figure whose formula divides by nothing is
 * undefined ({@link Optional#empty()}), never shown as 0 or 100.
 */
public final class CollectionsFigures {

  /** Each figure with its definition and formula, as a page shows them. */
  public enum Figure {
    DSO(
        "Days sales outstanding: how many days of the most recent credit sales the open balance"
            + " amounts to, counted back day by day from the end of the period.",
        "DSO = days counted back from the last day until their credit sales add up to the open"
            + " balance (a part day as the fraction needed)"),
    BEST_POSSIBLE_DSO(
        "Best possible DSO: the DSO the team would have if every overdue invoice had been paid, that"
            + " is, if only what is not yet due were open.",
        "Best possible DSO = current receivables ÷ credit sales of the period × days in the period"),
    AVERAGE_DAYS_DELINQUENT(
        "Average days delinquent: how many days of sales the overdue part adds to DSO, the days"
            + " customers pay late on average.",
        "ADD = DSO − best possible DSO"),
    COLLECTION_EFFECTIVENESS(
        "Collection effectiveness index: the share of what could be collected in a month that was"
            + " collected.",
        "CEI = (receivables at the start + credit sales of the month − receivables at the end) ÷"
            + " (receivables at the start + credit sales of the month − current receivables at the"
            + " end) × 100"),
    PROMISE_KEPT_RATE(
        "Promise-kept rate: the share of decided promises to pay that were kept; undefined while"
            + " none was kept or broken.",
        "Promise-kept rate = kept ÷ (kept + broken) × 100"),
    ARRANGEMENTS_APPROVED(
        "Arrangements approved: the instalment plans, extensions and early-payment discounts an"
            + " approver approved in the period.",
        "Approved = arrangements whose approval date falls in the period"),
    ARRANGEMENTS_COMPLETED(
        "Arrangements completed: the arrangements that ended paid as agreed in the period.",
        "Completed = arrangements closed as completed in the period"),
    ARRANGEMENTS_DEFAULTED(
        "Arrangements defaulted: the instalment plans that ended in the period because an"
            + " instalment was still missing after the note and both graces.",
        "Defaulted = arrangements closed as defaulted in the period"),
    RECOVERED_THROUGH_ARRANGEMENTS(
        "Recovered through arrangements: what customers paid in the period on the invoices an"
            + " arrangement covered, while it was active.",
        "Recovered = payments dated in the period, from the approval to the close of the"
            + " arrangement, allocated to its invoices"),
    CASES_WORKED(
        "Cases worked: the collector's cases that were open on at least one day of the period.",
        "Cases worked = cases assigned to the collector, opened on or before the last day and not"
            + " closed before the first"),
    CONTACTS_MADE(
        "Contacts made: the calls, visits and emails the collector made themselves in the period,"
            + " as the communication log has them (reminders and notes not counted).",
        "Contacts made = outgoing log entries by the collector, sent or recorded, on any channel"
            + " but notes"),
    PROMISES_OBTAINED(
        "Promises obtained: the promises to pay recorded in the period on the collector's cases.",
        "Promises obtained = promises recorded in the period"),
    PROMISES_KEPT(
        "Promises kept: the promises on the collector's cases that payments decided as kept in the"
            + " period.",
        "Promises kept = promises decided as kept in the period"),
    COLLECTED_ON_CASES(
        "Collected on cases: the payments dated in the period that went to invoices of a customer"
            + " whose case was open that day, counted for the collector the case was assigned to"
            + " then.",
        "Collected = payments dated in the period, allocated while the case was open"),
    DAYS_TO_CLOSE(
        "Days from open to close: for the collector's cases that closed in the period, the median"
            + " number of days from the day the case opened to the day it closed (nothing was"
            + " overdue any more); undefined when none closed.",
        "Median of (closed on − opened on), the middle value, or the mean of the two middle values"
            + " for an even count"),
    DISPUTES_OPENED(
        "Disputes opened: the disputes opened in the period, by a collector, by the customer or by"
            + " the ERP.",
        "Opened = disputes whose opening falls in the period"),
    DISPUTES_RESOLVED(
        "Disputes resolved: the disputes that ended in the period, upheld, rejected or cleared by"
            + " the ERP.",
        "Resolved = disputes whose resolution falls in the period"),
    DISPUTES_OPEN(
        "Disputes open now: the disputes not yet resolved today, whenever they were opened.",
        "Open now = disputes without a resolution"),
    DISPUTE_RESOLUTION_DAYS(
        "Resolution time: for the disputes resolved in the period, the days from the day each was"
            + " opened to the day it was resolved, as the median and as the mean; undefined when"
            + " none was resolved.",
        "Median and mean of (resolved on − opened on)"),
    CASH_FORECAST(
        "Cash-in forecast: what is expected to be paid in each of the next 13 weeks: each open"
            + " invoice at its due date plus its customer's average delay (the book's average for a"
            + " customer without payment history), promises and instalments at their own dates.",
        "Expected date = promised or instalment date, else due date + customer's average days"
            + " late");

    private final String definition;
    private final String formula;

    Figure(String definition, String formula) {
      this.definition = definition;
      this.formula = formula;
    }

    public String definition() {
      return definition;
    }

    public String formula() {
      return formula;
    }
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int WORKING_SCALE = 10;

  private CollectionsFigures() {}

  /**
   * {@link Figure#DSO}: by the countback of {@link DaysSalesOutstanding#countback}; zero when
   * nothing is open.
   *
   * @param salesByDay credit sales of the currency of {@code open} by day
   */
  public static BigDecimal dso(Money open, Map<LocalDate, BigDecimal> salesByDay, LocalDate asOf) {
    return DaysSalesOutstanding.countback(open.amount(), salesByDay, asOf);
  }

  /**
   * {@link Figure#BEST_POSSIBLE_DSO}, in days: the current receivables (open and not yet due) at
   * the end of the period, divided by the credit sales (invoices issued) of the period, times the
   * days in the period; zero when nothing current is open; undefined when the period had no credit
   * sales and something current is open.
   *
   * @param days the days in the period, first and last included
   */
  public static Optional<BigDecimal> bestPossibleDso(Money current, Money creditSales, int days) {
    if (!current.currency().equals(creditSales.currency())) {
      throw new IllegalArgumentException(
          "one currency only: " + current.currency() + ", " + creditSales.currency());
    }
    if (current.amount().signum() == 0) {
      return Optional.of(BigDecimal.ZERO.setScale(1));
    }
    if (creditSales.amount().signum() <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        current
            .amount()
            .multiply(BigDecimal.valueOf(days))
            .divide(creditSales.amount(), 1, RoundingMode.HALF_UP));
  }

  /**
   * {@link Figure#AVERAGE_DAYS_DELINQUENT}, in days: DSO less best possible DSO; undefined when
   * best possible DSO is. Not floored at zero: DSO by countback and best possible DSO by the
   * period's average may differ a little the other way when hardly anything is overdue.
   */
  public static Optional<BigDecimal> averageDaysDelinquent(
      BigDecimal dso, Optional<BigDecimal> bestPossibleDso) {
    return bestPossibleDso.map(best -> dso.subtract(best).setScale(1, RoundingMode.HALF_UP));
  }

  /**
   * {@link Figure#COLLECTION_EFFECTIVENESS} of one month, in per cent; undefined when nothing could
   * be collected (the divisor is zero or less: nothing open at the start, no sales, or all of it
   * still current at the end).
   *
   * @param start the receivables open at the end of the day before the month
   * @param creditSales the invoices issued in the month
   * @param end the receivables open at the end of the month's last day
   * @param currentEnd of {@code end}, what was not yet due
   */
  public static Optional<BigDecimal> collectionEffectiveness(
      Money start, Money creditSales, Money end, Money currentEnd) {
    Money collectible = start.plus(creditSales);
    BigDecimal divisor = collectible.minus(currentEnd).amount();
    if (divisor.signum() <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        collectible
            .minus(end)
            .amount()
            .multiply(HUNDRED)
            .divide(divisor, WORKING_SCALE, RoundingMode.HALF_UP)
            .setScale(1, RoundingMode.HALF_UP));
  }

  /**
   * The median of whole days, with one decimal: the middle value of an odd count, the mean of the
   * two middle values of an even one (so 2, 3, 7, 10 gives 5.0); undefined for none ({@link
   * Figure#DAYS_TO_CLOSE}, {@link Figure#DISPUTE_RESOLUTION_DAYS}).
   */
  public static Optional<BigDecimal> median(List<Long> days) {
    if (days.isEmpty()) {
      return Optional.empty();
    }
    List<Long> sorted = days.stream().sorted().toList();
    int middle = sorted.size() / 2;
    long sum =
        sorted.size() % 2 == 1
            ? 2 * sorted.get(middle)
            : sorted.get(middle - 1) + sorted.get(middle);
    return Optional.of(
        BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP));
  }

  /** The mean of whole days, with one decimal, rounded half up; undefined for none. */
  public static Optional<BigDecimal> mean(List<Long> days) {
    if (days.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(days.stream().mapToLong(Long::longValue).sum())
            .divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP));
  }

  /**
   * {@link Figure#PROMISE_KEPT_RATE}, in per cent; undefined while no promise was kept or broken
   * (promises still running count neither way).
   */
  public static Optional<BigDecimal> promiseKeptRate(long kept, long broken) {
    if (kept < 0 || broken < 0) {
      throw new IllegalArgumentException("counts cannot be negative: " + kept + ", " + broken);
    }
    if (kept + broken == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(kept)
            .multiply(HUNDRED)
            .divide(BigDecimal.valueOf(kept + broken), 1, RoundingMode.HALF_UP));
  }
}
