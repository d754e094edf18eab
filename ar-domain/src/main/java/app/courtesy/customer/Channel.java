package app.courtesy.customer;

/**
 * The ways we can reach a contact, and, for the communication log, {@link #NOTE}: what a collector
 * or Courtesy noted about the customer (a promise, a dispute, a hold) rather than a contact.
 */
public enum Channel {
  EMAIL,
  SMS,
  PHONE,
  LETTER,
  VISIT,
  NOTE
}
