package app.courtesy.dunning;

import app.courtesy.shared.ConcurrentChangeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Runs business dates, each once, and keeps their history and the run's settings. */
@ApplicationScoped
@Transactional
public class DunningRuns {

  /** A date's run, and whether this call ran it or found it already run. */
  public record Outcome(DunningRun run, boolean ranNow) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private DunningPlanner planner;
  @Inject private Clock clock;

  /**
   * Runs {@code date} unless it already ran: claims the date, plans its reminders and records the
   * counts, all in one transaction, so a failure leaves the date unclaimed and a retry starts
   * clean.
   *
   * @throws RunClaimedException while another node runs the same date
   */
  public Outcome run(LocalDate date, String by) {
    DunningRun existing = em.find(DunningRun.class, date);
    if (existing != null) {
      return new Outcome(existing, false);
    }
    DunningRun run = new DunningRun(date, by, OffsetDateTime.now(clock));
    em.persist(run);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new RunClaimedException(date);
    }
    DunningPlanner.Planned planned = planner.plan(date, settings().isPausedOn(date));
    int overdue = planned.messages() == 0 ? planner.unremindedOverdue(date) : 0;
    run.finish(planned, overdue, OffsetDateTime.now(clock));
    return new Outcome(run, true);
  }

  public Optional<DunningRun> find(LocalDate date) {
    return Optional.ofNullable(em.find(DunningRun.class, date));
  }

  /** The latest runs, newest first. */
  public List<DunningRun> history(int limit) {
    return em.createQuery(
            "select r from DunningRun r order by r.businessDate desc", DunningRun.class)
        .setMaxResults(limit)
        .getResultList();
  }

  public ReminderSettings settings() {
    return em.find(ReminderSettings.class, ReminderSettings.ID);
  }

  /**
   * Pauses the reminders for everyone until a date (null: no pause) and moves the daily run.
   *
   * @throws ConcurrentChangeException when someone changed them since {@code readVersion}
   */
  public ReminderSettings revise(LocalDate pausedUntil, LocalTime runTime, long readVersion) {
    ReminderSettings settings = settings();
    if (settings.getVersion() != readVersion) {
      throw new ConcurrentChangeException("The reminder settings", null, null);
    }
    settings.revise(pausedUntil, runTime);
    return settings;
  }
}
