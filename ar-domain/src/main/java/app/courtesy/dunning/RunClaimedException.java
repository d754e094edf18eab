package app.courtesy.dunning;

import app.courtesy.shared.BusinessException;
import java.time.LocalDate;

/** Another node, or another request, is running the same business date right now. */
public class RunClaimedException extends BusinessException {

  public RunClaimedException(LocalDate date) {
    super("The reminders of " + date + " are being run elsewhere right now; look again shortly.");
  }
}
