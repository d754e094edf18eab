package app.courtesy.dispatch;

/**
 * A courier could not deliver. Permanent when trying again cannot help (the address does not exist,
 * the mailbox refuses us); otherwise the message is retried later.
 */
public class DeliveryException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  public DeliveryException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean isPermanent() {
    return permanent;
  }
}
