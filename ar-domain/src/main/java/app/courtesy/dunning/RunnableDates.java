package app.courtesy.dunning;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which business dates may be run, as of the organisation's today (a date on its clock, {@code
 * AR_TIME_ZONE}):
 *
 * <ul>
 *   <li>none after tomorrow: a run claims its date for good and moves invoices a step on, so a date
 *       run far ahead would be spent before it came;
 *   <li>none before the latest completed run: that run already planned everything due by its date,
 *       so an earlier one would remind out of order;
 *   <li>but a date whose run failed may always be run again, however many dates ran since.
 * </ul>
 *
 * A date that already completed is not refused: running it again finds the run and adds nothing.
 * Previews are not runs and may look at any dates.
 *
 * @param today the organisation's business date now
 * @param zone the organisation's time zone, to name it when a date is refused
 * @param latestCompleted the latest date whose run completed, if any
 */
public record RunnableDates(LocalDate today, ZoneId zone, Optional<LocalDate> latestCompleted) {

  /** The dates as they stand: today on {@code clock}, the latest completed run in the database. */
  static RunnableDates read(Clock clock, EntityManager em) {
    return new RunnableDates(
        LocalDate.now(clock),
        clock.getZone(),
        Optional.ofNullable(
            em.createNamedQuery(DunningRun.LATEST_COMPLETED, LocalDate.class).getSingleResult()));
  }

  /** The last date that may be run: tomorrow. */
  public LocalDate last() {
    return today.plusDays(1);
  }

  /**
   * True when {@code date} needs no run of its own: it completed, or a later date did and caught up
   * everything due by then.
   */
  public boolean covers(LocalDate date) {
    return latestCompleted.filter(latest -> !latest.isBefore(date)).isPresent();
  }

  /**
   * Checks that {@code date} may be run.
   *
   * @param failedBefore whether the date's run failed before (then it may be run again, even before
   *     the latest completed run)
   * @throws RunDateRefusedException with the reason when it may not
   */
  public void check(LocalDate date, boolean failedBefore) {
    if (date.isAfter(last())) {
      throw new RunDateRefusedException(
          date,
          date
              + " is after tomorrow ("
              + last()
              + ") on the organisation's clock ("
              + zone.getId()
              + "). A run claims its date for good and moves invoices a step on, so a date can"
              + " be run at most one day ahead.");
    }
    if (!failedBefore && latestCompleted.filter(date::isBefore).isPresent()) {
      throw new RunDateRefusedException(
          date,
          date
              + " is before the latest completed run ("
              + latestCompleted.get()
              + "), which already planned everything due by then. Only a date whose run failed"
              + " can be run again.");
    }
  }
}
