package app.courtesy.dispatch;

/**
 * A courier could not deliver, or cannot tell whether it did. Permanent when trying again cannot
 * help (the address does not exist, the mailbox refuses us); unknown when the message was handed
 * over and the answer never came (the connection dropped after the end of SMTP DATA): it may have
 * arrived, so it is not sent again on its own. Otherwise the message is retried later.
 */
public class DeliveryException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean permanent;
  private final boolean unknown;

  public DeliveryException(String message, boolean permanent, Throwable cause) {
    this(message, permanent, false, cause);
  }

  private DeliveryException(String message, boolean permanent, boolean unknown, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
    this.unknown = unknown;
  }

  /** The message was handed over and no answer came: it may or may not have arrived. */
  public static DeliveryException unknownOutcome(String message, Throwable cause) {
    return new DeliveryException(message, false, true, cause);
  }

  public boolean isPermanent() {
    return permanent;
  }

  public boolean isUnknown() {
    return unknown;
  }
}
