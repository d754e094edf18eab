package app.courtesy.shared;

/** What was asked for does not exist (or is not visible to the caller). */
public class NotFoundException extends BusinessException {

  public NotFoundException(String what, Object key) {
    super(what + " " + key + " does not exist");
  }
}
