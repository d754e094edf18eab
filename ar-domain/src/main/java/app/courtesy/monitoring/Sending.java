package app.courtesy.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How sending goes on this node: when a message last went out, and since when every attempt has
 * failed. A delivery ends a failing spell; a failure starts one or carries it on with its error.
 * Sending is {@link State#DEGRADED} once a spell has lasted the given threshold, however many
 * messages were tried in it.
 */
@ApplicationScoped
public class Sending {

  /** OK while messages go out, or failures are more recent than the threshold. */
  public enum State {
    OK,
    DEGRADED
  }

  /** Sending as of a moment, for the health check. */
  public record Look(
      State state, Optional<Instant> lastSent, Optional<Instant> failingSince, String lastError) {}

  private Instant lastSent;
  private Instant failingSince;
  private String lastError;

  /** A message went out at {@code at}: any failing spell is over. */
  public synchronized void delivered(Instant at) {
    lastSent = at;
    failingSince = null;
    lastError = null;
  }

  /** A message could not be sent at {@code at}, for {@code error}. */
  public synchronized void failed(Instant at, String error) {
    if (failingSince == null) {
      failingSince = at;
    }
    lastError = error;
  }

  /** Where sending stands at {@code now}, degraded once it has failed for {@code threshold}. */
  public synchronized Look look(Instant now, Duration threshold) {
    boolean degraded = failingSince != null && !failingSince.plus(threshold).isAfter(now);
    return new Look(
        degraded ? State.DEGRADED : State.OK,
        Optional.ofNullable(lastSent),
        Optional.ofNullable(failingSince),
        lastError);
  }
}
