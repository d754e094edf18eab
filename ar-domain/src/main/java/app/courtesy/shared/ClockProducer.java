package app.courtesy.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that reads the system clock. Everything else injects {@link Clock}, so a run can be
 * made "as of" any date and tests can set the time.
 *
 * <p>The clock runs in the organisation's time zone ({@code AR_TIME_ZONE}, default {@code UTC}),
 * whatever zone the server's operating system is set to: {@code LocalDate.now(clock)} is the
 * organisation's business date, the same on every node. A zone that does not exist stops the
 * deployment (the start-up job reads {@link #zone()} first) rather than letting each node fall back
 * to a date of its own.
 *
 * <p>Where {@code AR_CLOCK_ADJUSTABLE=true} (system tests, the benchmark; never production), an
 * admin can move this node's clock to another instant, from which it runs on: "the promise date has
 * passed", "it is Tuesday 14:00 UTC". The offset lives in memory, so a restart puts the clock back.
 */
@ApplicationScoped
public class ClockProducer {

  /** The organisation's time zone when {@code AR_TIME_ZONE} is not set. */
  public static final String DEFAULT_ZONE = "UTC";

  private final boolean adjustable;
  private final ZoneId zone;
  private final Clock clock;

  /** For the container's client proxy. */
  protected ClockProducer() {
    this(false, DEFAULT_ZONE);
  }

  /**
   * @throws IllegalStateException when {@code timeZone} names no time zone
   */
  @Inject
  public ClockProducer(
      @ConfigProperty(name = "ar.clock-adjustable", defaultValue = "false") boolean adjustable,
      @ConfigProperty(name = "ar.time-zone", defaultValue = DEFAULT_ZONE) String timeZone) {
    this.adjustable = adjustable;
    this.zone = organisationZone(timeZone);
    this.clock =
        adjustable
            ? new MovableClock(zone, new AtomicReference<>(Duration.ZERO))
            : Clock.system(zone);
  }

  @Produces
  Clock clock() {
    return clock;
  }

  /** The organisation's time zone: every business date is a date on its clock. */
  public ZoneId zone() {
    return zone;
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
    ((MovableClock) clock).offset.set(Duration.between(Instant.now(), now));
  }

  private static ZoneId organisationZone(String timeZone) {
    String id = timeZone == null ? "" : timeZone.strip();
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalStateException(
          "AR_TIME_ZONE (ar.time-zone) is \""
              + id
              + "\", which is not a time zone. Set it to the organisation's zone, such as"
              + " Europe/Berlin or America/New_York, or leave it out for "
              + DEFAULT_ZONE
              + ".",
          e);
    }
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
