package app.courtesy.arrangement;

import app.courtesy.shared.Money;
import app.courtesy.shared.validation.Plausible;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The arithmetic and the limits of an arrangement, kept apart from storage so the dialog, the
 * service and the tests all agree: how a total splits into instalments that add up to the cent,
 * whether a hand-edited plan, a new due date or a discount stays within the administrators' {@link
 * ArrangementLimits}, and what a discount takes off.
 *
 * <p>The checks return every problem at once, each as {@code "<field>: <message>"} with the field
 * named as in the proposal form ({@code instalments[2].amount}, {@code newDueDate}), so a collector
 * can put all of them right in one go. An empty list means the proposal is fine. Amounts are
 * checked as entered, before they become {@link Money}, because Money would quietly round away
 * decimal places the currency does not have.
 */
public final class ArrangementRules {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int PERCENT_PLACES = 2;

  private ArrangementRules() {}

  /**
   * {@code count} equal instalments of {@code total}, the first on {@code first} and the others
   * following at {@code frequency}. Each is the total divided by the count, rounded down to the
   * currency's minor unit; the last takes what is left, so the plan adds up to the total exactly
   * (100.00 EUR in three: 33.33, 33.33, 33.34). A total smaller than one minor unit per instalment
   * leaves the early ones at zero, which {@link #checkPlan} refuses.
   *
   * @throws IllegalArgumentException when {@code count} is below 1 or {@code total} is not positive
   */
  public static List<PlannedInstalment> split(
      Money total, int count, LocalDate first, Frequency frequency) {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(frequency, "frequency");
    if (count < 1) {
      throw new IllegalArgumentException("A plan has at least one instalment, not " + count);
    }
    if (!total.isPositive()) {
      throw new IllegalArgumentException("Only a positive amount can be split, not " + total);
    }
    Currency currency = total.currency();
    BigDecimal each =
        total.amount().divide(BigDecimal.valueOf(count), places(currency), RoundingMode.DOWN);
    BigDecimal last = total.amount().subtract(each.multiply(BigDecimal.valueOf(count - 1L)));
    List<PlannedInstalment> plan = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      BigDecimal amount = i == count - 1 ? last : each;
      plan.add(new PlannedInstalment(i + 1, frequency.nth(first, i), new Money(amount, currency)));
    }
    return List.copyOf(plan);
  }

  /**
   * What is wrong with an instalment plan as entered, to cover {@code covered} from {@code today}:
   * two instalments at least (one is an extension) and at most the limit; every date present, not
   * in the past, later than the one before, and none beyond the plan's longest duration; every
   * amount present, above zero and in the currency's minor unit; and the amounts adding up to the
   * covered amount exactly. A missing list counts as empty.
   */
  public static List<String> checkPlan(
      List<InstalmentLine> lines, Money covered, LocalDate today, ArrangementLimits limits) {
    Objects.requireNonNull(covered, "covered");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(limits, "limits");
    List<InstalmentLine> plan = lines == null ? List.of() : lines;
    List<String> problems = new ArrayList<>();
    if (plan.isEmpty()) {
      problems.add("instalments: a plan needs at least two instalments");
    } else if (plan.size() == 1) {
      problems.add(
          "instalments: a plan needs at least two instalments; for a single new date, propose an"
              + " extension instead");
    }
    if (plan.size() > limits.maxInstalments()) {
      problems.add(
          "instalments: "
              + plan.size()
              + " instalments are more than the "
              + limits.maxInstalments()
              + " a plan may have");
    }
    Currency currency = covered.currency();
    LocalDate latest = today.plusDays(limits.maxPlanDays());
    LocalDate previous = null;
    BigDecimal sum = BigDecimal.ZERO;
    boolean sumKnown = !plan.isEmpty();
    for (int i = 0; i < plan.size(); i++) {
      InstalmentLine line = plan.get(i);
      LocalDate dueOn = line == null ? null : line.dueOn();
      BigDecimal amount = line == null ? null : line.amount();
      String field = "instalments[" + i + "].";
      if (dueOn == null) {
        problems.add(field + "dueOn: please enter the date this instalment is due");
      } else {
        if (dueOn.isBefore(today)) {
          problems.add(field + "dueOn: " + inThePast(dueOn, today));
        }
        if (previous != null && !dueOn.isAfter(previous)) {
          problems.add(
              field
                  + "dueOn: "
                  + dueOn
                  + " should be later than the instalment before it, due "
                  + previous);
        }
        if (dueOn.isAfter(latest)) {
          problems.add(
              field
                  + "dueOn: "
                  + tooFar(dueOn, limits.maxPlanDays())
                  + "; the last instalment is due by "
                  + latest
                  + " at the latest");
        }
        previous = dueOn;
      }
      if (amount == null) {
        problems.add(field + "amount: please enter the amount of this instalment");
        sumKnown = false;
        continue;
      }
      if (amount.signum() <= 0) {
        problems.add(
            field + "amount: an instalment must be more than zero, not " + amount.toPlainString());
      }
      Optional<String> tooPrecise = Plausible.decimals(amount, currency);
      if (tooPrecise.isPresent()) {
        problems.add(field + "amount: " + tooPrecise.get());
        sumKnown = false;
      } else {
        sum = sum.add(amount);
      }
    }
    if (sumKnown) {
      Money total = new Money(sum, currency);
      if (total.compareTo(covered) < 0) {
        problems.add(
            "instalments: the amounts add up to "
                + total
                + ", "
                + covered.minus(total)
                + " short of the "
                + covered
                + " covered");
      } else if (total.compareTo(covered) > 0) {
        problems.add(
            "instalments: the amounts add up to "
                + total
                + ", "
                + total.minus(covered)
                + " more than the "
                + covered
                + " covered");
      }
    }
    return List.copyOf(problems);
  }

  /**
   * The instalments of a plan {@link #checkPlan} found fine, numbered from 1 in the order entered.
   *
   * @throws IllegalArgumentException when a line lacks a date or an amount, or has more decimal
   *     places than {@code currency} allows: the plan was not checked
   */
  public static List<PlannedInstalment> schedule(List<InstalmentLine> lines, Currency currency) {
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(currency, "currency");
    List<PlannedInstalment> plan = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      InstalmentLine line = lines.get(i);
      if (line == null
          || line.dueOn() == null
          || line.amount() == null
          || Plausible.decimals(line.amount(), currency).isPresent()) {
        throw new IllegalArgumentException(
            "Instalment " + (i + 1) + " is incomplete or not in " + currency + "; check the plan");
      }
      plan.add(new PlannedInstalment(i + 1, line.dueOn(), new Money(line.amount(), currency)));
    }
    return List.copyOf(plan);
  }

  /**
   * What is wrong with {@code newDueDate} for an extension proposed on {@code today}: it is needed,
   * falls after today, and at most the longest extension after it.
   */
  public static List<String> checkExtension(
      LocalDate newDueDate, LocalDate today, ArrangementLimits limits) {
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(limits, "limits");
    List<String> problems = new ArrayList<>();
    LocalDate latest = today.plusDays(limits.maxExtensionDays());
    if (newDueDate == null) {
      problems.add("newDueDate: please enter the new due date");
    } else if (!newDueDate.isAfter(today)) {
      problems.add(
          "newDueDate: "
              + newDueDate
              + (newDueDate.isBefore(today) ? " is in the past" : " is today")
              + "; the new due date is after today, "
              + today);
    } else if (newDueDate.isAfter(latest)) {
      problems.add(
          "newDueDate: "
              + tooFar(newDueDate, limits.maxExtensionDays())
              + "; the latest new due date is "
              + latest);
    }
    return List.copyOf(problems);
  }

  /**
   * What is wrong with an early-payment discount of {@code percent} if paid by {@code payBy},
   * proposed on {@code today}: the percentage is needed, above zero, at most the largest allowed
   * and has at most two decimal places; the date is needed, not in the past, and at most the
   * longest discount period after today.
   */
  public static List<String> checkDiscount(
      BigDecimal percent, LocalDate payBy, LocalDate today, ArrangementLimits limits) {
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(limits, "limits");
    List<String> problems = new ArrayList<>();
    if (percent == null) {
      problems.add("discountPercent: please enter the discount as a percentage");
    } else {
      if (percent.signum() <= 0) {
        problems.add("discountPercent: a discount must be more than 0 %, not " + percent(percent));
      } else if (percent.compareTo(limits.maxDiscountPercent()) > 0) {
        problems.add(
            "discountPercent: "
                + percent(percent)
                + " is more than the largest discount allowed, "
                + percent(limits.maxDiscountPercent()));
      }
      if (places(percent) > PERCENT_PLACES) {
        problems.add(
            "discountPercent: "
                + percent.toPlainString()
                + " has "
                + places(percent)
                + " decimal places; a percentage has at most "
                + PERCENT_PLACES);
      }
    }
    LocalDate latest = today.plusDays(limits.maxDiscountDays());
    if (payBy == null) {
      problems.add("payBy: please enter the date to pay by");
    } else if (payBy.isBefore(today)) {
      problems.add("payBy: " + inThePast(payBy, today));
    } else if (payBy.isAfter(latest)) {
      problems.add(
          "payBy: "
              + tooFar(payBy, limits.maxDiscountDays())
              + "; the latest date to pay by is "
              + latest);
    }
    return List.copyOf(problems);
  }

  /**
   * What {@code percent} takes off {@code covered}, rounded half up to the currency's minor unit
   * (2.5 % of 1001 JPY is 25 JPY; 3 % of 333.33 EUR is 10.00 EUR).
   *
   * @throws IllegalArgumentException when {@code percent} is below 0 or above 100
   */
  public static Money discount(Money covered, BigDecimal percent) {
    Objects.requireNonNull(covered, "covered");
    Objects.requireNonNull(percent, "percent");
    if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException(
          "A discount is between 0 % and 100 %, not " + percent(percent));
    }
    BigDecimal off =
        covered
            .amount()
            .multiply(percent)
            .movePointLeft(2)
            .setScale(places(covered.currency()), RoundingMode.HALF_UP);
    return new Money(off, covered.currency());
  }

  /** What the customer pays by the date with the discount: {@code covered} less its discount. */
  public static Money payable(Money covered, BigDecimal percent) {
    return covered.minus(discount(covered, percent));
  }

  private static int places(Currency currency) {
    return Plausible.decimalsOf(currency);
  }

  private static int places(BigDecimal value) {
    return Math.max(value.stripTrailingZeros().scale(), 0);
  }

  private static String inThePast(LocalDate date, LocalDate today) {
    return date + " is in the past; the earliest date is today, " + today;
  }

  private static String tooFar(LocalDate date, int days) {
    return date + " is more than " + days + (days == 1 ? " day" : " days") + " from today";
  }

  private static String percent(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString() + " %";
  }
}
