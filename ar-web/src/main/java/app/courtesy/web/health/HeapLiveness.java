package app.courtesy.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application answers and its heap is not nearly exhausted; a process stuck at the
 * heap limit should be restarted rather than kept limping.
 */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

  private static final double MAX_USED_SHARE = 0.98;

  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    double share = (double) used / runtime.maxMemory();
    return HealthCheckResponse.named("heap")
        .status(share < MAX_USED_SHARE)
        .withData("usedMiB", used / (1024 * 1024))
        .withData("maxMiB", runtime.maxMemory() / (1024 * 1024))
        .build();
  }
}
