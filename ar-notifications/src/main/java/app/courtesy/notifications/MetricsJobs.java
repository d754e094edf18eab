package app.courtesy.notifications;

import app.courtesy.dispatch.OutboxQueries;
import app.courtesy.monitoring.Meters;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Reads what waits in the outbox every 30 seconds on every node, so that a scrape of {@code
 * /metrics} never asks the database. Runs whatever {@code AR_REMINDER_TIMERS} says: it sends
 * nothing. While the database is away the gauge keeps its last reading.
 */
@Singleton
public class MetricsJobs {

  private static final Logger LOG = Logger.getLogger(MetricsJobs.class.getName());

  @Inject private OutboxQueries outbox;
  @Inject private Meters meters;

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  void everyHalfMinute() {
    try {
      meters.waiting(outbox.waitingByChannel());
    } catch (RuntimeException unreachable) {
      LOG.warning(() -> "The outbox could not be counted for the metrics: " + unreachable);
    }
  }
}
