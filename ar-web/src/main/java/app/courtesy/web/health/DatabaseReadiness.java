package app.courtesy.web.health;

import app.courtesy.database.DatabaseSchema;
import app.courtesy.database.DatabaseSchema.SchemaStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and every migration has been applied. A database that cannot be
 * reached can hold a connection attempt far longer than a load balancer waits, so the answer is
 * DOWN after three seconds without one.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject private DatabaseSchema schema;
  @Resource private ManagedExecutorService executor;

  private TimedQuestion<SchemaStatus> schemaStatus;

  @PostConstruct
  void ready() {
    schemaStatus = new TimedQuestion<>(executor, schema::status, Duration.ofSeconds(3));
  }

  @Override
  public HealthCheckResponse call() {
    try {
      SchemaStatus status = schemaStatus.ask();
      return HealthCheckResponse.named("database")
          .status(status.isCurrent())
          .withData("schemaVersion", status.version())
          .withData("pendingMigrations", status.pending())
          .build();
    } catch (TimeoutException silent) {
      return down("no answer within " + schemaStatus.within().toSeconds() + " s");
    } catch (ExecutionException unreachable) {
      return down(String.valueOf(unreachable.getCause().getMessage()));
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      return down("interrupted");
    }
  }

  private static HealthCheckResponse down(String error) {
    return HealthCheckResponse.named("database").down().withData("error", error).build();
  }
}
