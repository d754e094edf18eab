package app.courtesy.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one place that reads the system clock. Everything else injects {@link Clock}, so a run can be
 * made "as of" any date and tests can set the time.
 */
@ApplicationScoped
public class ClockProducer {

  @Produces
  Clock systemClock() {
    return Clock.systemDefaultZone();
  }
}
