package app.courtesy.database;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's database and its schema. The data source is defined here once for every
 * deployment (the EAR and the test archives); its URL and credentials come from MicroProfile Config
 * ({@code AR_DB_URL}, {@code AR_DB_USER}, {@code AR_DB_PASSWORD}), and its pool validates each
 * connection before use, so it recovers by itself when the database restarts. The schema is owned
 * by the versioned Flyway scripts (see {@link #flyway()}); nothing else creates or alters tables.
 */
@DataSourceDefinition(
    name = DatabaseSchema.DATA_SOURCE,
    className = "app.courtesy.database.CourtesyDataSource",
    url = "${MPCONFIG=ar.db.url}",
    user = "${MPCONFIG=ar.db.user}",
    password = "${MPCONFIG=ar.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    // A connection is checked (Connection.isValid) before it is handed out, and one found dead
    // drops every connection of the pool: after a database restart the next request gets a new
    // one instead of "This connection has been closed", with no restart of the node.
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class DatabaseSchema {

  public static final String DATA_SOURCE = "java:app/jdbc/courtesy";
  private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

  @Resource(lookup = DATA_SOURCE)
  private DataSource dataSource;

  private String vendor;

  /** Applies every pending migration; a no-op when the schema is current. */
  public synchronized void migrate() {
    MigrateResult result = flyway().migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info(
          () ->
              "Database schema migrated to version "
                  + result.targetSchemaVersion
                  + " ("
                  + result.migrationsExecuted
                  + " migrations)");
    }
  }

  /** Where the schema stands: the version applied and how many migrations are still pending. */
  public SchemaStatus status() {
    MigrationInfoService info = flyway().info();
    MigrationInfo current = info.current();
    return new SchemaStatus(
        current == null ? "none" : current.getVersion().getVersion(), info.pending().length);
  }

  /**
   * @param version the version of the newest applied migration, {@code none} before the first
   * @param pending migrations known to the application but not yet applied
   */
  public record SchemaStatus(String version, int pending) {

    public boolean isCurrent() {
      return pending == 0;
    }
  }

  /**
   * The migrations: {@code db/migration} for every database, plus {@code db/postgresql} or {@code
   * db/h2} for what each database spells its own way (triggers, partial indexes).
   */
  private Flyway flyway() {
    return Flyway.configure(DatabaseSchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/" + vendor())
        .load();
  }

  /** Whether the database is PostgreSQL (otherwise H2), for what the two spell differently. */
  public boolean isPostgreSql() {
    return vendor().equals("postgresql");
  }

  /** {@code postgresql} or {@code h2}; asked of the database once, not on every health check. */
  private synchronized String vendor() {
    if (vendor == null) {
      try (Connection connection = dataSource.getConnection()) {
        String product = connection.getMetaData().getDatabaseProductName();
        vendor = product.equalsIgnoreCase("PostgreSQL") ? "postgresql" : "h2";
      } catch (SQLException e) {
        throw new IllegalStateException("The database does not answer: " + e.getMessage(), e);
      }
    }
    return vendor;
  }
}
