package app.courtesy.invoice;

import app.courtesy.shared.RowError;
import app.courtesy.shared.validation.Plausible;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns the schedule an ERP sends with an invoice ({@link InstalmentData}) into its instalments, or
 * says what is wrong with it. A schedule has two to {@value #MOST} instalments in due-date order,
 * none before the issue date, the last on the invoice's due date; their amounts add up to the
 * invoice's amount exactly. Percentages are shares of the invoice: each rounded down to the
 * currency's smallest unit, the cents left over given one each to the instalments that lost most by
 * rounding (the earlier one first), so 100.00 in three thirds is 33.34, 33.33, 33.33.
 */
public final class PaymentSchedule {

  /** The most instalments one invoice has. */
  public static final int MOST = 60;

  private PaymentSchedule() {}

  /**
   * What is wrong with {@code data}'s schedule, as errors of batch row {@code row}; none if fine.
   */
  public static List<RowError> problems(int row, InvoiceData data) {
    List<RowError> errors = new ArrayList<>();
    List<InstalmentData> lines = data.schedule();
    if (lines == null || lines.isEmpty()) {
      return errors;
    }
    if (lines.size() < 2 || lines.size() > MOST) {
      errors.add(
          new RowError(
              row,
              "schedule",
              "has "
                  + lines.size()
                  + " instalment(s): a schedule has 2 to "
                  + MOST
                  + " (send none for an invoice paid at once)"));
      return errors;
    }
    Currency currency = Currency.getInstance(data.currency());
    long amounts = lines.stream().filter(l -> l != null && l.amount() != null).count();
    LocalDate before = null;
    for (int i = 0; i < lines.size(); i++) {
      InstalmentData line = lines.get(i);
      String field = "schedule[" + i + "]";
      if (line == null) {
        errors.add(new RowError(row, field, "is empty"));
        continue;
      }
      if ((line.dueDate() == null) == (line.days() == null)) {
        errors.add(
            new RowError(
                row, field, "give either dueDate or days (after the issue date), not both"));
      }
      if ((line.amount() == null) == (line.percent() == null)) {
        errors.add(
            new RowError(row, field, "give either amount or percent (of the invoice), not both"));
      }
      if (line.amount() != null) {
        Plausible.decimals(line.amount(), currency)
            .ifPresent(why -> errors.add(new RowError(row, field + ".amount", why)));
      }
      LocalDate due = dueDate(line, data.issueDate());
      if (due == null) {
        continue;
      }
      if (due.isBefore(data.issueDate())) {
        errors.add(
            new RowError(
                row, field, "falls due on " + due + ", before the issue date " + data.issueDate()));
      }
      if (before != null && !due.isAfter(before)) {
        errors.add(
            new RowError(
                row,
                field,
                "falls due on " + due + ": each instalment falls due after the one before"));
      }
      before = due;
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    if (!before.equals(data.dueDate())) {
      errors.add(
          new RowError(
              row,
              "schedule[" + (lines.size() - 1) + "]",
              "falls due on "
                  + before
                  + ": the last instalment falls due on the invoice's due date "
                  + data.dueDate()));
    }
    if (amounts != 0 && amounts != lines.size()) {
      errors.add(
          new RowError(row, "schedule", "give every instalment an amount, or every one a percent"));
    } else if (amounts == lines.size()) {
      BigDecimal sum =
          lines.stream().map(InstalmentData::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(data.amount()) != 0) {
        errors.add(
            new RowError(
                row,
                "schedule",
                "instalments add up to "
                    + sum.toPlainString()
                    + " "
                    + data.currency()
                    + ", the invoice to "
                    + data.amount().toPlainString()));
      }
    } else {
      BigDecimal sum =
          lines.stream().map(InstalmentData::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
        errors.add(
            new RowError(
                row,
                "schedule",
                "percentages add up to " + sum.stripTrailingZeros().toPlainString() + ", not 100"));
      } else if (shares(data.amount(), currency, lines).stream().anyMatch(s -> s.signum() == 0)) {
        errors.add(
            new RowError(
                row, "schedule", "an instalment of " + data.amount() + " would come to nothing"));
      }
    }
    return errors;
  }

  /**
   * The instalments of {@code data}'s schedule; empty when it has none.
   *
   * @throws IllegalArgumentException when the schedule has {@link #problems}
   */
  public static List<Instalment> instalments(InvoiceData data) {
    List<InstalmentData> lines = data.schedule() == null ? List.of() : data.schedule();
    if (lines.isEmpty()) {
      return List.of();
    }
    if (!problems(0, data).isEmpty()) {
      throw new IllegalArgumentException("Not a schedule: " + problems(0, data));
    }
    List<BigDecimal> amounts =
        lines.get(0).amount() != null
            ? lines.stream().map(InstalmentData::amount).toList()
            : shares(data.amount(), Currency.getInstance(data.currency()), lines);
    List<Instalment> instalments = new ArrayList<>();
    BigDecimal through = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      through = through.add(amounts.get(i));
      instalments.add(
          new Instalment(i + 1, dueDate(lines.get(i), data.issueDate()), amounts.get(i), through));
    }
    return instalments;
  }

  /** Each line's percentage of {@code amount}, the smallest units left over shared out exactly. */
  private static List<BigDecimal> shares(
      BigDecimal amount, Currency currency, List<InstalmentData> lines) {
    int scale = Plausible.decimalsOf(currency);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    List<BigDecimal> exact =
        lines.stream()
            .map(l -> amount.multiply(l.percent()).divide(BigDecimal.valueOf(100)))
            .toList();
    List<BigDecimal> shares =
        new ArrayList<>(exact.stream().map(e -> e.setScale(scale, RoundingMode.DOWN)).toList());
    BigDecimal left = amount.subtract(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    List<Integer> byLoss =
        IntStream.range(0, lines.size())
            .boxed()
            .sorted(
                Comparator.comparing((Integer i) -> exact.get(i).subtract(shares.get(i)))
                    .reversed()
                    .thenComparing(i -> i))
            .toList();
    for (int k = 0; left.signum() > 0; k++) {
      int i = byLoss.get(k % byLoss.size());
      shares.set(i, shares.get(i).add(unit));
      left = left.subtract(unit);
    }
    return shares;
  }

  private static LocalDate dueDate(InstalmentData line, LocalDate issueDate) {
    if (line.dueDate() != null) {
      return line.days() == null ? line.dueDate() : null;
    }
    return line.days() == null ? null : issueDate.plusDays(line.days());
  }
}
