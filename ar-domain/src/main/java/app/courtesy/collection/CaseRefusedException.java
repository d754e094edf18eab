package app.courtesy.collection;

import app.courtesy.shared.BusinessException;

/** An action on a case broke one of its rules; the message says which. Nothing was written. */
public class CaseRefusedException extends BusinessException {

  public CaseRefusedException(String message) {
    super(message);
  }
}
