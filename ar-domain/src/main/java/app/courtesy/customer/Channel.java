package app.courtesy.customer;

/** The ways we can reach a contact. */
public enum Channel {
  EMAIL,
  SMS,
  PHONE,
  LETTER,
  VISIT
}
