package app.courtesy.notifications;

import app.courtesy.dispatch.Dispatcher;
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
 * Drains the outbox and posts the due webhook deliveries every minute on every node; the claims
 * ({@code FOR UPDATE SKIP LOCKED}, under a lease) let drains on one node or several (and an admin's
 * {@code POST /api/v1/outbox/dispatch} or {@code /webhooks/deliveries/send}) share the work without
 * sending anything twice at once. A failure of one does not hold up the other.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatch {

  private static final Logger LOG = Logger.getLogger(OutboxDispatch.class.getName());

  @Inject private Dispatcher dispatcher;
  @Inject private WebhookDispatcher webhooks;

  /** Off where runs and sending happen only when asked, as in the benchmark. */
  @Inject
  @ConfigProperty(name = "ar.reminder-timers", defaultValue = "true")
  private boolean enabled;

  @Schedule(hour = "*", minute = "*", persistent = false)
  void everyMinute() {
    if (!enabled) {
      return;
    }
    try {
      Dispatcher.Round round = dispatcher.dispatch(5_000);
      if (round.claimed() > 0) {
        LOG.info(
            () ->
                "Outbox: "
                    + round.delivered()
                    + " delivered, "
                    + round.failed()
                    + " failed, of "
                    + round.claimed()
                    + " claimed");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Sending the outbox failed; the next minute tries again", e);
    }
    try {
      WebhookDispatcher.Round round = webhooks.deliver(5_000);
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
