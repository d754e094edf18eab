package app.courtesy.outbox;

/** Where an outbound message is on its way to the recipient. */
public enum MessageStatus {
  /** Waiting for its send window (or for a retry after a failure). */
  QUEUED,
  /** Claimed by a dispatcher that has not yet confirmed the send. */
  SENDING,
  SENT,
  /** Not sent, for the recorded reason. */
  SUPPRESSED,
  /** Given up after a permanent failure or too many attempts. */
  FAILED,
  /**
   * A dispatcher claimed it and never confirmed: it may have gone out. Never sent again on its own;
   * a collector checks with the customer.
   */
  UNCONFIRMED
}
