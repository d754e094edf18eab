package app.courtesy.demo;

import app.courtesy.collection.CaseReview;
import app.courtesy.dispatch.CourierDesk;
import app.courtesy.dispatch.Dispatcher;
import app.courtesy.dunning.DunningRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo book's last {@value #DAYS} days, played once on a new demo database before the server
 * serves: each weekday's cases reviewed, its reminders run and sent as of that afternoon, then
 * today's cases reviewed. So the quick start opens at any hour with a worklist, a communication log
 * of the past weeks, and reminder emails in the pickup folder whose links open the customers'
 * pages. {@code AR_DEMO_HISTORY=false} loads the book without it (the system tests run their own
 * dates).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class DemoHistory {

  static final int DAYS = 14;
  private static final String BY = "demo history";
  private static final Logger LOG = Logger.getLogger(DemoHistory.class.getName());

  @Inject
  @ConfigProperty(name = "ar.demo-history", defaultValue = "true")
  private boolean enabled;

  @Inject private CaseReview review;
  @Inject private DunningRuns runs;
  @Inject private Dispatcher dispatcher;
  @Inject private CourierDesk desk;
  @Inject private Clock clock;

  /** Plays the past weeks, if configured; the couriers must be open. */
  public void play() {
    if (!enabled) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    int sent = 0;
    for (LocalDate date = today.minusDays(DAYS); date.isBefore(today); date = date.plusDays(1)) {
      if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      review.review(date);
      runs.run(date, BY);
      // Late afternoon in Europe, morning in North America: every market's window is open.
      Clock afternoon = Clock.fixed(date.atTime(16, 0).toInstant(ZoneOffset.UTC), clock.getZone());
      sent += dispatcher.dispatch(afternoon, desk.couriers(), Dispatcher.BATCH, 10_000).delivered();
    }
    review.review(today);
    int messages = sent;
    LOG.info(
        () -> "Demo history: the last " + DAYS + " days played, " + messages + " messages sent");
  }
}
