package app.courtesy.customer;

/**
 * The ways we can reach a contact, and, for the communication log, {@link #NOTE}: what a collector
 * or Courtesy noted about the customer (a promise, a dispute, a hold) rather than a contact, and
 * {@link #SELF_SERVICE}: what the customer did on their own page.
 */
public enum Channel {
  EMAIL,
  SMS,
  PHONE,
  LETTER,
  VISIT,
  NOTE,
  /** What the customer did on their own page, reached by the link in a message: log only. */
  SELF_SERVICE
}
