package app.courtesy.shared;

/**
 * A rule of the business was not met. Unchecked, so the surrounding transaction rolls back; the web
 * layer maps every subclass to one message for the user in one place.
 */
public abstract class BusinessException extends RuntimeException {

  protected BusinessException(String message) {
    super(message);
  }
}
