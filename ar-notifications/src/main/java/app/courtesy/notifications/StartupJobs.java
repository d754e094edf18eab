package app.courtesy.notifications;

import app.courtesy.database.DatabaseSchema;
import app.courtesy.demo.DemoBook;
import app.courtesy.demo.DemoHistory;
import app.courtesy.dispatch.CourierDesk;
import app.courtesy.dunning.FiguresThread;
import app.courtesy.monitoring.Meters;
import app.courtesy.security.AccountBootstrap;
import app.courtesy.shared.ClockProducer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.logging.Logger;

/**
 * Runs once when the application starts, before it serves requests: reads the organisation's time
 * zone (one that does not exist fails the deployment, naming {@code AR_TIME_ZONE}), registers the
 * application's metrics at zero, brings the schema up to date, then loads the demo book where
 * configured, then creates the first administrator if the database still has no users, then opens
 * the courier desk with the couriers set up from configuration, lends the dunning run a thread for
 * its figures ({@link FiguresWriting}), and, for a demo book just loaded, plays its past weeks
 * ({@link DemoHistory}). The demo book goes first because it only loads into a database without
 * users.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupJobs {

  private static final Logger LOG = Logger.getLogger(StartupJobs.class.getName());

  @Inject private ClockProducer clocks;
  @Inject private DatabaseSchema schema;
  @Inject private AccountBootstrap accounts;
  @Inject private DemoBook demoBook;
  @Inject private DemoHistory demoHistory;
  @Inject private Couriers couriers;
  @Inject private CourierDesk desk;
  @Inject private Meters meters;
  @Inject private FiguresThread figuresThread;
  @Inject private FiguresWriting figuresWriting;

  @PostConstruct
  void start() {
    ZoneId zone = clocks.zone();
    LOG.info(() -> "Business dates are dates in " + zone + " (AR_TIME_ZONE)");
    meters.register();
    schema.migrate();
    boolean demo = demoBook.loadIfEmpty();
    accounts.createFirstAdmin();
    desk.open(couriers.byChannel());
    figuresThread.lend(figuresWriting::write);
    if (demo) {
      demoHistory.play();
    }
  }
}
