package app.courtesy.notifications;

import app.courtesy.webhook.WebhookDispatcher;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts the due webhook deliveries every minute on every node; the claims ({@code FOR UPDATE SKIP
 * LOCKED}, under a lease) let nodes share the work without posting a delivery twice at once.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookJobs {

  private static final Logger LOG = Logger.getLogger(WebhookJobs.class.getName());

  @Inject private WebhookDispatcher dispatcher;

  /** Off where sending happens only when asked, as in the system tests and the benchmark. */
  @Inject
  @ConfigProperty(name = "ar.reminder-timers", defaultValue = "true")
  private boolean enabled;

  @Schedule(hour = "*", minute = "*", persistent = false)
  void everyMinute() {
    if (!enabled) {
      return;
    }
    try {
      WebhookDispatcher.Round round = dispatcher.deliver(5_000);
      if (round.failed() > 0) {
        LOG.info(
            () ->
                "Webhooks: "
                    + round.delivered()
                    + " delivered, "
                    + round.failed()
                    + " failed ("
                    + round.givenUp()
                    + " given up), of "
                    + round.claimed()
                    + " claimed");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Posting webhooks failed; the next minute tries again", e);
    }
  }
}
