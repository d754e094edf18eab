package app.courtesy.dunning;

import java.time.LocalDate;

/**
 * A run went wrong and planned nothing; the date is recorded as {@link RunStatus#FAILED} with the
 * reason, so it can be run again. The cause is what went wrong.
 */
public class RunFailedException extends RuntimeException {

  private final LocalDate date;

  RunFailedException(LocalDate date, String message, RuntimeException cause) {
    super(message, cause);
    this.date = date;
  }

  public LocalDate date() {
    return date;
  }
}
