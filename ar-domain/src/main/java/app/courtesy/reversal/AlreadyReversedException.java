package app.courtesy.reversal;

import app.courtesy.shared.BusinessException;

/** The receipt was reversed (or cancelled) before: a receipt is taken back once. */
public class AlreadyReversedException extends BusinessException {

  public AlreadyReversedException(String message) {
    super(message);
  }
}
