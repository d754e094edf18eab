package app.courtesy.dunning;

import app.courtesy.monitoring.Meters;
import app.courtesy.shared.BusinessException;
import app.courtesy.shared.ConcurrentChangeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs business dates, each once, and keeps their history and the run's settings. Which dates may
 * be run is {@link RunnableDates}' rule, the same for the daily run, the page and the API.
 */
@ApplicationScoped
@Transactional
public class DunningRuns {

  private static final Logger LOG = Logger.getLogger(DunningRuns.class.getName());

  /** A date's run, and whether this call ran it or found it already run. */
  public record Outcome(DunningRun run, boolean ranNow) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private RunAttempts attempts;
  @Inject private Clock clock;
  @Inject private Meters meters;

  /**
   * Runs {@code date} unless it already completed: checks the date, claims it, plans its reminders
   * and records the counts, all in one transaction of its own. A run that goes wrong plans nothing
   * and is written down as {@link RunStatus#FAILED} (who, when, why) in another, so the history
   * shows it and the date can be run again.
   *
   * @throws RunDateRefusedException when the date may not be run (see {@link RunnableDates});
   *     nothing is written
   * @throws RunClaimedException while another node runs the same date
   * @throws RunFailedException when the run went wrong (logged here, with its cause)
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Outcome run(LocalDate date, String by) {
    OffsetDateTime startedAt = OffsetDateTime.now(clock);
    try {
      Outcome outcome = attempts.run(date, by, startedAt);
      DunningRun run = outcome.run();
      if (outcome.ranNow()) {
        meters.ran(run.getDuration(), run.getMessages(), run.getHeldBack());
      }
      return outcome;
    } catch (BusinessException refused) {
      throw refused;
    } catch (RuntimeException e) {
      meters.runFailed();
      String why = why(e);
      LOG.log(Level.SEVERE, "The reminders of " + date + " failed (run by " + by + ")", e);
      try {
        attempts.recordFailure(date, by, startedAt, why);
      } catch (RuntimeException notRecorded) {
        LOG.log(
            Level.WARNING, "The failure of the run of " + date + " was not recorded", notRecorded);
        throw new RunFailedException(
            date, "The reminders of " + date + " failed and nothing was planned: " + why + ".", e);
      }
      throw new RunFailedException(
          date,
          "The reminders of "
              + date
              + " failed and nothing was planned: "
              + why
              + ". The date is recorded as failed and can be run again once that is put right.",
          e);
    }
  }

  /** The date's run, completed or failed. */
  public Optional<DunningRun> find(LocalDate date) {
    return Optional.ofNullable(em.find(DunningRun.class, date));
  }

  /** Which dates may be run now, and which need no run of their own. */
  public RunnableDates dates() {
    return RunnableDates.read(clock, em);
  }

  /** The latest runs, completed and failed, newest first. */
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
   * Pauses the reminders for everyone until a date (null: no pause), moves the daily run, and says
   * whether a customer's reply waiting for an answer holds their reminders.
   *
   * @throws ConcurrentChangeException when someone changed them since {@code readVersion}
   */
  public ReminderSettings revise(
      LocalDate pausedUntil, LocalTime runTime, boolean pauseOnReply, long readVersion) {
    ReminderSettings settings = settings();
    if (settings.getVersion() != readVersion) {
      throw new ConcurrentChangeException("The reminder settings", null, null);
    }
    settings.revise(pausedUntil, runTime, pauseOnReply);
    return settings;
  }

  /** What went wrong, in the words of its innermost cause. */
  private static String why(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank()
        ? cause.getClass().getName()
        : cause.getClass().getSimpleName() + ": " + message.strip();
  }
}
