package app.courtesy.webhook;

import java.time.Duration;

/**
 * When a delivery that failed is tried again: a minute after the first attempt, then twice as long
 * after each further one (2, 4, 8, 16, 32 minutes), at most an hour apart, until {@code
 * maxAttempts} attempts failed; then it is given up ({@code FAILED}) until an administrator sends
 * it again. With the default 30 attempts a receiver may be away for about a day.
 */
public record Backoff(int maxAttempts) {

  /** The wait after the first failed attempt. */
  static final Duration FIRST = Duration.ofMinutes(1);

  /** The longest wait between two attempts. */
  static final Duration LONGEST = Duration.ofHours(1);

  public Backoff {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("At least one attempt: " + maxAttempts);
    }
  }

  /** How long to wait after the {@code failed}-th failed attempt (1 for the first). */
  public Duration after(int failed) {
    if (failed >= 7) {
      return LONGEST;
    }
    Duration wait = FIRST.multipliedBy(1L << Math.max(0, failed - 1));
    return wait.compareTo(LONGEST) < 0 ? wait : LONGEST;
  }

  /** Whether a delivery whose {@code failed}-th attempt just failed is given up. */
  public boolean givesUpAfter(int failed) {
    return failed >= maxAttempts;
  }
}
