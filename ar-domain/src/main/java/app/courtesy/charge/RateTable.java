package app.courtesy.charge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference rates as an administrator recorded them, each in force from its date until the next
 * of its kind, and the two laws' rules for which of them applies.
 */
public final class RateTable {

  /** One recorded rate: in force from {@code validFrom}, in percent a year. */
  public record Entry(ReferenceRateKind kind, LocalDate validFrom, BigDecimal rate) {}

  private final Map<ReferenceRateKind, NavigableMap<LocalDate, BigDecimal>> rates =
      new EnumMap<>(ReferenceRateKind.class);

  private RateTable() {}

  public static RateTable of(Collection<Entry> entries) {
    RateTable table = new RateTable();
    for (Entry entry : entries) {
      table
          .rates
          .computeIfAbsent(entry.kind(), k -> new TreeMap<>())
          .put(entry.validFrom(), entry.rate());
    }
    return table;
  }

  /** The rate of {@code kind} in force on {@code day}: the latest recorded on or before it. */
  public Optional<BigDecimal> inForceOn(ReferenceRateKind kind, LocalDate day) {
    NavigableMap<LocalDate, BigDecimal> byDate = rates.get(kind);
    if (byDate == null) {
      return Optional.empty();
    }
    Map.Entry<LocalDate, BigDecimal> found = byDate.floorEntry(day);
    return found == null ? Optional.empty() : Optional.of(found.getValue());
  }

  /**
   * The EU reference rate for {@code day}: the rate in force on the first calendar day of its
   * half-year (Directive 2011/7/EU, art. 2(7)), which applies for those six months.
   */
  public Optional<BigDecimal> euRateFor(LocalDate day) {
    return inForceOn(ReferenceRateKind.EU_REFERENCE, halfYearStart(day));
  }

  /**
   * The UK reference rate of a debt whose statutory interest starts to run on {@code start}: the
   * Bank of England rate in force on the 31 December (interest starting 1 January to 30 June) or 30
   * June (1 July to 31 December) immediately before (Late Payment of Commercial Debts (Rate of
   * Interest) (No. 3) Order 2002). It stays the debt's rate until it is paid.
   */
  public Optional<BigDecimal> ukRateFor(LocalDate start) {
    return inForceOn(ReferenceRateKind.UK_BASE, ukReferenceDay(start));
  }

  /** 1 January or 1 July: the first day of {@code day}'s half-year. */
  public static LocalDate halfYearStart(LocalDate day) {
    return LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
  }

  /** The first day of the half-year after {@code day}'s. */
  public static LocalDate nextHalfYear(LocalDate day) {
    return halfYearStart(day).plusMonths(6);
  }

  /** The day whose Bank of England rate fixes the rate of a debt starting to bear interest then. */
  public static LocalDate ukReferenceDay(LocalDate start) {
    return start.getMonthValue() <= 6
        ? LocalDate.of(start.getYear() - 1, Month.DECEMBER, 31)
        : LocalDate.of(start.getYear(), Month.JUNE, 30);
  }
}
