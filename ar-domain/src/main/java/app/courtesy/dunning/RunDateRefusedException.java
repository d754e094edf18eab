package app.courtesy.dunning;

import app.courtesy.shared.BusinessException;
import java.time.LocalDate;

/** A business date that may not be run, with the reason; nothing was written. */
public class RunDateRefusedException extends BusinessException {

  private final LocalDate date;

  public RunDateRefusedException(LocalDate date, String reason) {
    super(reason);
    this.date = date;
  }

  /** The date that was refused. */
  public LocalDate date() {
    return date;
  }
}
