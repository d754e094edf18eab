package app.courtesy.invoice;

import app.courtesy.shared.BusinessException;

/** Chasing one invoice cannot be stopped, resumed or moved as asked; nothing was written. */
public class ChasingRefusedException extends BusinessException {

  public ChasingRefusedException(String message) {
    super(message);
  }
}
