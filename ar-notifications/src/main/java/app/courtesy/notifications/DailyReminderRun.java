package app.courtesy.notifications;

import app.courtesy.collection.CaseReview;
import app.courtesy.dunning.DunningRuns;
import app.courtesy.dunning.RunClaimedException;
import app.courtesy.dunning.RunFailedException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reviews the collection cases and starts today's dunning run once the configured time has passed
 * (the review first: a promise broken overnight resumes its reminders in the same morning's run).
 * Today and the time are the organisation's ({@code AR_TIME_ZONE}), whatever zone the node is in.
 * The timer only asks the database: it looks every five minutes, and the run's claim makes sure a
 * date runs once, whichever node looks first, and that a node started late in the day still runs
 * it. A run that failed is recorded as failed and tried again at the next look; a later date that
 * already ran (by hand) covers today. Before the run's time, the first look of a day on each node
 * reviews the cases, so a worklist is current within five minutes of a start or of midnight
 * (reviewing is idempotent, so two nodes doing it cost time, not correctness). A run the database
 * lost half-way (it restarted) left nothing claimed: the next look runs the date again, on any
 * node, and a look that cannot reach the database at all keeps the timer for the next.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DailyReminderRun {

  private static final Logger LOG = Logger.getLogger(DailyReminderRun.class.getName());

  @Inject private DunningRuns runs;
  @Inject private CaseReview cases;
  @Inject private Clock clock;

  /** The day this node last reviewed the cases. */
  private LocalDate casesReviewedOn;

  /** Off where runs and sending happen only when asked, as in the benchmark. */
  @Inject
  @ConfigProperty(name = "ar.reminder-timers", defaultValue = "true")
  private boolean enabled;

  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void look() {
    if (!enabled) {
      return;
    }
    try {
      lookNow();
    } catch (RuntimeException unreachable) {
      // The database is away (restarting): the timer stays, and the next look tries again.
      LOG.log(
          Level.SEVERE,
          "The daily run could not look at the database; the next look retries",
          unreachable);
    }
  }

  private void lookNow() {
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDate today = now.toLocalDate();
    if (now.toLocalTime().isBefore(runs.settings().getRunTime()) || runs.dates().covers(today)) {
      if (!today.equals(casesReviewedOn)) {
        try {
          review(today);
        } catch (RuntimeException e) {
          LOG.log(
              Level.SEVERE,
              "The cases of " + today + " were not reviewed; the next look retries",
              e);
        }
      }
      return;
    }
    try {
      review(today);
      DunningRuns.Outcome outcome = runs.run(today, "daily run");
      LOG.info(
          () ->
              "Reminders of "
                  + today
                  + ": "
                  + outcome.run().getMessages()
                  + " queued, "
                  + outcome.run().getSuppressed()
                  + " suppressed");
    } catch (RunClaimedException elsewhere) {
      LOG.fine(() -> "Reminders of " + today + " run on another node");
    } catch (RunFailedException failed) {
      LOG.warning(() -> failed.getMessage() + " The next look retries.");
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The reminders of " + today + " failed; the next look retries", e);
    }
  }

  private void review(LocalDate today) {
    CaseReview.Reviewed reviewed = cases.review(today);
    casesReviewedOn = today;
    LOG.info(() -> "Cases of " + today + ": " + reviewed);
  }
}
