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
import java.util.function.Supplier;
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
 *
 * <p>On any server, {@link #replaying} lets one thread act on a past day as if it were that day
 * (the demo history does, while the server starts), without moving the clock for anyone else.
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
            ? new MovableClock(zone, new AtomicReference<>(Duration.ZERO), new ThreadLocal<>())
            : new MovableClock(zone, null, new ThreadLocal<>());
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

  /**
   * Does {@code work} with the clock reading {@code now} on the calling thread only, running on
   * from there, and puts it back afterwards: what the work records (a call, a promise, a decision)
   * is dated as if done at {@code now}, while every other thread keeps the server's time. For
   * replaying past days, as the demo history does before the server serves; not for moving the
   * server's time (that is {@link #moveTo}, and only where the clock is adjustable).
   */
  public <T> T replaying(Instant now, Supplier<T> work) {
    ThreadLocal<Duration> replay = ((MovableClock) clock).replay;
    Duration before = replay.get();
    replay.set(Duration.between(Instant.now(), now));
    try {
      return work.get();
    } finally {
      if (before == null) {
        replay.remove();
      } else {
        replay.set(before);
      }
    }
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
   * The system clock, moved by an offset that can change while it is in use (none where the clock
   * is not adjustable), or on a thread that replays a day by that thread's own offset; the same
   * clock in another zone shares both.
   */
  private static final class MovableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;
    private final ThreadLocal<Duration> replay;

    MovableClock(ZoneId zone, AtomicReference<Duration> offset, ThreadLocal<Duration> replay) {
      this.zone = zone;
      this.offset = offset;
      this.replay = replay;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new MovableClock(zone, offset, replay);
    }

    @Override
    public Instant instant() {
      Duration replayed = replay.get();
      if (replayed != null) {
        return Instant.now().plus(replayed);
      }
      return offset == null ? Instant.now() : Instant.now().plus(offset.get());
    }
  }
}
