package app.courtesy.credit;

import app.courtesy.shared.BusinessException;

/** A refund or a settlement from credit that cannot be done; nothing was written. */
public class CreditRefusedException extends BusinessException {

  public CreditRefusedException(String message) {
    super(message);
  }
}
