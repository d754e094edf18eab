package app.courtesy.testing;

import app.courtesy.dunning.DunningRun;
import app.courtesy.dunning.DunningRuns;
import app.courtesy.shared.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Runs business dates as the daily run does on the day: the test server's clock ({@code
 * AR_CLOCK_ADJUSTABLE=true}) is moved to 07:00 of the date on the organisation's clock, so the date
 * is today and may be run, and put back to the system's time afterwards, so no other test finds it
 * moved.
 */
@ApplicationScoped
public class TestRuns {

  @Inject private DunningRuns runs;
  @Inject private ClockProducer clocks;

  /** Runs {@code date} on its own morning, as {@code by}. */
  public DunningRuns.Outcome run(LocalDate date, String by) {
    return on(date, () -> runs.run(date, by));
  }

  /** Runs {@code date} with the clock at 07:00 on {@code today}. */
  public DunningRuns.Outcome run(LocalDate date, LocalDate today) {
    return on(today, () -> runs.run(date, "test"));
  }

  public Optional<DunningRun> find(LocalDate date) {
    return runs.find(date);
  }

  /** Does {@code work} with the clock at 07:00 on {@code today}, as a person would that day. */
  public void day(LocalDate today, Runnable work) {
    on(
        today,
        () -> {
          work.run();
          return null;
        });
  }

  private <T> T on(LocalDate today, java.util.function.Supplier<T> work) {
    clocks.moveTo(today.atTime(LocalTime.of(7, 0)).atZone(clocks.zone()).toInstant());
    try {
      return work.get();
    } finally {
      clocks.moveTo(Instant.now());
    }
  }
}
