package app.courtesy.notifications;

import app.courtesy.collection.CaseReview;
import app.courtesy.database.DatabaseSchema;
import app.courtesy.demo.DemoBook;
import app.courtesy.security.AccountBootstrap;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Runs once when the application starts, before it serves requests: brings the schema up to date,
 * then loads the demo book where configured, then creates the first administrator if the database
 * still has no users. The demo book goes first because it only loads into a database without users.
 * Last, the collection cases are reviewed for today, so the worklist is current from the first page
 * served rather than from the next daily run.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupJobs {

  @Inject private DatabaseSchema schema;
  @Inject private AccountBootstrap accounts;
  @Inject private DemoBook demoBook;
  @Inject private CaseReview cases;
  @Inject private Clock clock;

  @PostConstruct
  void start() {
    schema.migrate();
    demoBook.loadIfEmpty();
    accounts.createFirstAdmin();
    cases.review(LocalDate.now(clock));
  }
}
