package app.courtesy.charge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Simple interest per day late on what is open on an invoice, worked out exactly, in segments over
 * which both the balance and the rate stay the same.
 *
 * <ul>
 *   <li>Interest starts to run on the day after the due date.
 *   <li>A day bears interest on what was open at the end of it: a payment (or credit note) dated D
 *       stops interest on its amount from D on, so D itself no longer bears interest on it.
 *   <li>A year has 365 days, in leap years too: a day's interest is {@code base × annual rate / 100
 *       / 365}; a contractual rate per month is {@code 12 ×} that rate a year.
 *   <li>Each segment's amount is exact to ten decimal places; the charge rounds it to the
 *       currency's minor unit, half up, once, at the end.
 * </ul>
 */
public final class LateInterest {

  private static final BigDecimal DAYS_BY_HUNDRED = BigDecimal.valueOf(36_500);
  private static final int EXACT_SCALE = 10;

  /** Money that reduced the invoice on a date: a payment's date, a credit note's issue date. */
  public record Reduction(LocalDate on, BigDecimal amount) {}

  /**
   * The rate of a day: the reference rate it comes from (null for a contractual rate) and the
   * annual rate applied, both in percent.
   */
  public record Rate(BigDecimal reference, BigDecimal annual) {}

  /**
   * Days {@code from..to} (both included) on which {@code base} was open at {@code annual} percent
   * a year: {@code exact} is their interest to ten places.
   */
  public record Segment(
      LocalDate from,
      LocalDate to,
      BigDecimal base,
      BigDecimal reference,
      BigDecimal annual,
      int days,
      BigDecimal exact) {}

  /**
   * What was worked out: the segments, and the last day worked out ({@code to}, unless a rate was
   * missing; then the day before the first day without one, named in {@code missing}).
   */
  public record Result(List<Segment> segments, LocalDate computedTo, String missing) {

    public BigDecimal exact() {
      return segments.stream().map(Segment::exact).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** Which rate applies on a day, and when it may change next. */
  public interface Terms {

    /**
     * The rate on {@code day} of a debt whose interest started to run on {@code start}; empty when
     * the reference rate it needs was not recorded.
     */
    Optional<Rate> rateOn(LocalDate day, LocalDate start);

    /** The first day after {@code day} on which the rate may differ; null when it never does. */
    LocalDate nextChange(LocalDate day);

    /** What is missing to work out {@code day}, in a sentence for the administrator. */
    String missing(LocalDate day, LocalDate start);
  }

  private LateInterest() {}

  /**
   * The terms of {@code basis}.
   *
   * @param margin the points above the EU reference rate (the Directive: at least 8)
   * @param monthlyRate a contractual rate, percent per month
   */
  public static Terms terms(
      InterestBasis basis, BigDecimal margin, BigDecimal monthlyRate, RateTable table) {
    return switch (basis) {
      case EU_DIRECTIVE ->
          new Terms() {
            @Override
            public Optional<Rate> rateOn(LocalDate day, LocalDate start) {
              return table.euRateFor(day).map(r -> new Rate(r, r.add(margin)));
            }

            @Override
            public LocalDate nextChange(LocalDate day) {
              return RateTable.nextHalfYear(day);
            }

            @Override
            public String missing(LocalDate day, LocalDate start) {
              return "the EU reference rate in force on " + RateTable.halfYearStart(day);
            }
          };
      case UK_ACT ->
          new Terms() {
            @Override
            public Optional<Rate> rateOn(LocalDate day, LocalDate start) {
              return table.ukRateFor(start).map(r -> new Rate(r, r.add(BigDecimal.valueOf(8))));
            }

            @Override
            public LocalDate nextChange(LocalDate day) {
              return null;
            }

            @Override
            public String missing(LocalDate day, LocalDate start) {
              return "the Bank of England base rate in force on " + RateTable.ukReferenceDay(start);
            }
          };
      case CONTRACTUAL ->
          new Terms() {
            @Override
            public Optional<Rate> rateOn(LocalDate day, LocalDate start) {
              return Optional.of(new Rate(null, monthlyRate.multiply(BigDecimal.valueOf(12))));
            }

            @Override
            public LocalDate nextChange(LocalDate day) {
              return null;
            }

            @Override
            public String missing(LocalDate day, LocalDate start) {
              return "";
            }
          };
      case NONE -> throw new IllegalArgumentException("No interest is charged on these terms");
    };
  }

  /**
   * The interest on an invoice of {@code amount} due on {@code dueDate} for the days {@code
   * from..to} (both included; days before interest starts to run are left out), given every
   * reduction known.
   */
  public static Result accrue(
      BigDecimal amount,
      LocalDate dueDate,
      List<Reduction> reductions,
      LocalDate from,
      LocalDate to,
      Terms terms) {
    LocalDate start = dueDate.plusDays(1);
    LocalDate day = from.isBefore(start) ? start : from;
    List<Reduction> sorted =
        reductions.stream().sorted(Comparator.comparing(Reduction::on)).toList();
    List<Segment> segments = new ArrayList<>();
    while (!day.isAfter(to)) {
      Optional<Rate> rate = terms.rateOn(day, start);
      if (rate.isEmpty()) {
        return new Result(List.copyOf(segments), day.minusDays(1), terms.missing(day, start));
      }
      LocalDate end = to;
      BigDecimal balance = amount;
      for (Reduction reduction : sorted) {
        if (!reduction.on().isAfter(day)) {
          balance = balance.subtract(reduction.amount());
        } else {
          LocalDate before = reduction.on().minusDays(1);
          if (before.isBefore(end)) {
            end = before;
          }
          break;
        }
      }
      LocalDate change = terms.nextChange(day);
      if (change != null && change.minusDays(1).isBefore(end)) {
        end = change.minusDays(1);
      }
      BigDecimal annual = rate.get().annual();
      if (balance.signum() > 0 && annual.signum() > 0) {
        int days = (int) ChronoUnit.DAYS.between(day, end) + 1;
        segments.add(
            new Segment(
                day,
                end,
                balance,
                rate.get().reference(),
                annual,
                days,
                exact(balance, annual, days)));
      }
      day = end.plusDays(1);
    }
    return new Result(List.copyOf(merge(segments)), to, null);
  }

  /** {@code base × annual / 100 × days / 365}, to ten places, half up. */
  public static BigDecimal exact(BigDecimal base, BigDecimal annual, int days) {
    return base.multiply(annual)
        .multiply(BigDecimal.valueOf(days))
        .divide(DAYS_BY_HUNDRED, EXACT_SCALE, RoundingMode.HALF_UP);
  }

  /** Neighbouring segments of the same balance and rate (a reduction of nothing) become one. */
  private static List<Segment> merge(List<Segment> segments) {
    List<Segment> merged = new ArrayList<>();
    for (Segment segment : segments) {
      Segment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null
          && last.to().plusDays(1).equals(segment.from())
          && last.base().compareTo(segment.base()) == 0
          && last.annual().compareTo(segment.annual()) == 0) {
        int days = last.days() + segment.days();
        merged.set(
            merged.size() - 1,
            new Segment(
                last.from(),
                segment.to(),
                last.base(),
                last.reference(),
                last.annual(),
                days,
                exact(last.base(), last.annual(), days)));
      } else {
        merged.add(segment);
      }
    }
    return merged;
  }
}
