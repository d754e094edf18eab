package app.courtesy.reminder;

import app.courtesy.shared.BusinessException;

/** A template experiment that cannot start or stop as asked; nothing was saved. */
public class ExperimentRefusedException extends BusinessException {

  public ExperimentRefusedException(String message) {
    super(message);
  }
}
