package app.courtesy.testing;

import app.courtesy.database.DatabaseSchema;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Brings the test database's schema up to date on deploy, as the application's start-up does. */
@Singleton
@Startup
public class TestStartup {

  @Inject private DatabaseSchema schema;

  @PostConstruct
  void migrate() {
    schema.migrate();
  }
}
