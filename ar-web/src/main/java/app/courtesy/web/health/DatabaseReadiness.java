package app.courtesy.web.health;

import app.courtesy.database.DatabaseSchema;
import app.courtesy.database.DatabaseSchema.SchemaStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and every migration has been applied. An unreachable database can
 * take a connection attempt far longer than a load balancer waits, so the question is asked on
 * another thread and the answer is DOWN after {@value #ANSWER_SECONDS} seconds without one. While a
 * question is still unanswered, the next check waits for it rather than asking again, so a database
 * that hangs holds one thread, not one per check.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final int ANSWER_SECONDS = 3;

  @Inject private DatabaseSchema schema;
  @Resource private ManagedExecutorService executor;

  private Future<SchemaStatus> asked;

  @Override
  public HealthCheckResponse call() {
    try {
      SchemaStatus status = ask().get(ANSWER_SECONDS, TimeUnit.SECONDS);
      return HealthCheckResponse.named("database")
          .status(status.isCurrent())
          .withData("schemaVersion", status.version())
          .withData("pendingMigrations", status.pending())
          .build();
    } catch (TimeoutException silent) {
      return down("no answer within " + ANSWER_SECONDS + " s");
    } catch (ExecutionException unreachable) {
      return down(String.valueOf(unreachable.getCause().getMessage()));
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      return down("interrupted");
    }
  }

  /** The question still being answered, or a new one. */
  private synchronized Future<SchemaStatus> ask() {
    if (asked == null || asked.isDone()) {
      asked = executor.submit(schema::status);
    }
    return asked;
  }

  private static HealthCheckResponse down(String error) {
    return HealthCheckResponse.named("database").down().withData("error", error).build();
  }
}
