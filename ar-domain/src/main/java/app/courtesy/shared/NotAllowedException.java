package app.courtesy.shared;

/** The person asking may not do this: their role or the rule says no. Nothing was written. */
public class NotAllowedException extends BusinessException {

  public NotAllowedException(String message) {
    super(message);
  }
}
