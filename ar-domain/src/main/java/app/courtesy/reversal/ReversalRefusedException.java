package app.courtesy.reversal;

import app.courtesy.shared.BusinessException;

/** A reversal, cancellation, refund or settlement that cannot be done; nothing was written. */
public class ReversalRefusedException extends BusinessException {

  public ReversalRefusedException(String message) {
    super(message);
  }
}
