package app.courtesy.charge;

import static app.courtesy.shared.SqlValues.date;
import static app.courtesy.shared.SqlValues.instant;

import app.courtesy.shared.validation.Plausible;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference rates an administrator keeps, each with the date from which it is in force: there
 * is no outside feed. A rate recorded again for the same kind and date replaces it (a typo put
 * right); interest already charged keeps the rate it was charged at until its invoice's next
 * charge, which corrects it.
 */
@ApplicationScoped
@Transactional
public class ReferenceRates {

  /** A rate as recorded, and who recorded it when. */
  public record Rate(
      ReferenceRateKind kind,
      LocalDate validFrom,
      BigDecimal rate,
      String note,
      String updatedBy,
      OffsetDateTime updatedAt) {}

  /** A rate's lowest and highest plausible value, in percent a year (both excluded). */
  private static final BigDecimal LOWEST = new BigDecimal("-10");

  private static final BigDecimal HIGHEST = new BigDecimal("100");

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /** Every rate, by kind, newest first. */
  public List<Rate> list() {
    List<Rate> rates = new ArrayList<>();
    for (Object found :
        em.createNativeQuery(
                "select kind, valid_from, rate, note, updated_by, updated_at from reference_rate"
                    + " order by kind, valid_from desc")
            .getResultList()) {
      Object[] row = (Object[]) found;
      rates.add(
          new Rate(
              ReferenceRateKind.valueOf((String) row[0]),
              date(row[1]),
              new BigDecimal(row[2].toString()),
              (String) row[3],
              (String) row[4],
              OffsetDateTime.ofInstant(instant(row[5]), ZoneOffset.UTC)));
    }
    return rates;
  }

  /** Every rate, as the arithmetic reads them. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public RateTable table() {
    return RateTable.of(
        list().stream().map(r -> new RateTable.Entry(r.kind(), r.validFrom(), r.rate())).toList());
  }

  /**
   * Records the rate of {@code kind} in force from {@code validFrom} (percent a year, up to four
   * decimals), or replaces the one recorded for that day.
   *
   * @throws ChargesRefusedException naming each field that makes no sense
   */
  public Rate record(
      ReferenceRateKind kind, LocalDate validFrom, BigDecimal rate, String note, String by) {
    List<String> problems = new ArrayList<>();
    if (kind == null) {
      problems.add("kind: must be EU_REFERENCE or UK_BASE");
    }
    if (validFrom == null) {
      problems.add("validFrom: must be given, the first day the rate is in force");
    } else {
      Plausible.date(validFrom, LocalDate.now(clock))
          .ifPresent(p -> problems.add("validFrom: " + p));
    }
    if (rate == null) {
      problems.add("rate: must be given, in percent a year such as 2.15");
    } else if (rate.compareTo(LOWEST) <= 0 || rate.compareTo(HIGHEST) >= 0) {
      problems.add("rate: must be a percentage a year between -10 and 100, such as 2.15");
    } else if (Math.max(rate.stripTrailingZeros().scale(), 0) > 4) {
      problems.add("rate: has more than four decimal places");
    }
    String plain = note == null || note.isBlank() ? null : note.strip();
    if (plain != null && plain.length() > 200) {
      problems.add("note: must be at most 200 characters");
    }
    Optional.ofNullable(plain).flatMap(Plausible::text).ifPresent(p -> problems.add("note: " + p));
    if (!problems.isEmpty()) {
      throw new ChargesRefusedException(problems);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    em.createNativeQuery("delete from reference_rate where kind = ?1 and valid_from = ?2")
        .setParameter(1, kind.name())
        .setParameter(2, validFrom)
        .executeUpdate();
    em.createNativeQuery(
            "insert into reference_rate (kind, valid_from, rate, note, updated_by, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, kind.name())
        .setParameter(2, validFrom)
        .setParameter(3, rate)
        .setParameter(4, plain)
        .setParameter(5, by)
        .setParameter(6, now)
        .executeUpdate();
    return new Rate(kind, validFrom, rate, plain, by, now);
  }

  /**
   * Which rate a law applies for a half-year: the Directive's for the half-year's days, the UK
   * Act's for debts that became late in it.
   *
   * @param rate the reference rate, or null when none was in force on {@code inForceOn}
   */
  public record Applies(
      ReferenceRateKind kind, LocalDate from, LocalDate to, LocalDate inForceOn, BigDecimal rate) {}

  /** The rates that apply in the half-year of {@code today} and the next. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Applies> applicable(LocalDate today) {
    RateTable table = table();
    List<Applies> applies = new ArrayList<>();
    for (LocalDate start : List.of(RateTable.halfYearStart(today), RateTable.nextHalfYear(today))) {
      LocalDate end = RateTable.nextHalfYear(start).minusDays(1);
      applies.add(
          new Applies(
              ReferenceRateKind.EU_REFERENCE,
              start,
              end,
              start,
              table.euRateFor(start).orElse(null)));
      applies.add(
          new Applies(
              ReferenceRateKind.UK_BASE,
              start,
              end,
              RateTable.ukReferenceDay(start),
              table.ukRateFor(start).orElse(null)));
    }
    return applies;
  }

  /** What interest waited for at the latest charged date, if it waited. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> waitingFor() {
    List<?> latest =
        em.createNativeQuery(
                "select waiting_for from charge_run order by business_date desc"
                    + " fetch first 1 rows only")
            .getResultList();
    return latest.isEmpty() ? Optional.empty() : Optional.ofNullable((String) latest.get(0));
  }

  /** Removes the rate of {@code kind} recorded from {@code validFrom}; true when there was one. */
  public boolean remove(ReferenceRateKind kind, LocalDate validFrom) {
    return em.createNativeQuery("delete from reference_rate where kind = ?1 and valid_from = ?2")
            .setParameter(1, kind.name())
            .setParameter(2, validFrom)
            .executeUpdate()
        > 0;
  }
}
