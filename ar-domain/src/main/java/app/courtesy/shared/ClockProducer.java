package app.courtesy.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that reads the system clock. Everything else injects {@link Clock}, so a run can be
 * made "as of" any date and tests can set the time.
 *
 * <p>Where {@code AR_CLOCK_ADJUSTABLE=true} (system tests, the benchmark; never production), an
 * admin can move this node's clock to another instant, from which it runs on: "the promise date has
 * passed", "it is Tuesday 14:00 UTC". The offset lives in memory, so a restart puts the clock back.
 */
@ApplicationScoped
public class ClockProducer {

  private final boolean adjustable;

  private final MovableClock clock =
      new MovableClock(ZoneId.systemDefault(), new AtomicReference<>(Duration.ZERO));

  /** For the container's client proxy. */
  protected ClockProducer() {
    this(false);
  }

  @Inject
  public ClockProducer(
      @ConfigProperty(name = "ar.clock-adjustable", defaultValue = "false") boolean adjustable) {
    this.adjustable = adjustable;
  }

  @Produces
  Clock clock() {
    return adjustable ? clock : Clock.systemDefaultZone();
  }

  public boolean isAdjustable() {
    return adjustable;
  }

  /**
   * Moves the clock so that it reads {@code now} at once and runs on from there.
   *
   * @throws IllegalStateException when this server's clock is not adjustable
   */
  public void moveTo(Instant now) {
    if (!adjustable) {
      throw new IllegalStateException(
          "This server keeps the system's time; only a server started with"
              + " AR_CLOCK_ADJUSTABLE=true lets its clock be moved.");
    }
    clock.offset.set(Duration.between(Instant.now(), now));
  }

  /**
   * The system clock, moved by an offset that can change while it is in use; the same clock in
   * another zone shares the offset.
   */
  private static final class MovableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    MovableClock(ZoneId zone, AtomicReference<Duration> offset) {
      this.zone = zone;
      this.offset = offset;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new MovableClock(zone, offset);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }
  }
}
