package app.courtesy.webhook;

/** Where a delivery of an event to a subscription stands. */
public enum DeliveryStatus {
  /** Not yet answered with 2xx: due at its next attempt. */
  PENDING,
  /** The receiver answered 2xx. */
  DELIVERED,
  /** Every attempt failed; an administrator may send it again. */
  FAILED
}
