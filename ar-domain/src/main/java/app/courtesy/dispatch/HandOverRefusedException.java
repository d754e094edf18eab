package app.courtesy.dispatch;

/**
 * A message's claim ran out and another dispatcher claimed it before it was handed over: it is that
 * dispatcher's to send now, and this one leaves it alone.
 */
public class HandOverRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public HandOverRefusedException(long messageId) {
    super("Message " + messageId + " is claimed by another dispatcher now");
  }
}
