package app.courtesy.web.health;

import app.courtesy.database.DatabaseSchema;
import app.courtesy.database.DatabaseSchema.SchemaStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and every migration has been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject private DatabaseSchema schema;

  @Override
  public HealthCheckResponse call() {
    try {
      SchemaStatus status = schema.status();
      return HealthCheckResponse.named("database")
          .status(status.isCurrent())
          .withData("schemaVersion", status.version())
          .withData("pendingMigrations", status.pending())
          .build();
    } catch (RuntimeException unreachable) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", String.valueOf(unreachable.getMessage()))
          .build();
    }
  }
}
