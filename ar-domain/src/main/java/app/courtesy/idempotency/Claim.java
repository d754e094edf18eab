package app.courtesy.idempotency;

/**
 * What to do with a request carrying an idempotency key.
 *
 * @param kind {@code FIRST}: run it; {@code REPLAY}: answer {@code status} and {@code response}
 *     again; {@code IN_FLIGHT}: the first request still runs; {@code MISMATCH}: the key was used
 *     for a different request
 */
public record Claim(Kind kind, int status, String response) {

  public enum Kind {
    FIRST,
    REPLAY,
    IN_FLIGHT,
    MISMATCH
  }

  static Claim first() {
    return new Claim(Kind.FIRST, 0, null);
  }

  static Claim replay(int status, String response) {
    return new Claim(Kind.REPLAY, status, response);
  }

  static Claim inFlight() {
    return new Claim(Kind.IN_FLIGHT, 0, null);
  }

  static Claim mismatch() {
    return new Claim(Kind.MISMATCH, 0, null);
  }
}
