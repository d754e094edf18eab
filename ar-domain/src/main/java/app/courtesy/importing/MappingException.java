package app.courtesy.importing;

import app.courtesy.shared.BusinessException;

/** The column mapping does not fit the file (a column it names is not there, a bad pattern). */
public class MappingException extends BusinessException {

  public MappingException(String message) {
    super(message);
  }
}
