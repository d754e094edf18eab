package app.courtesy.reminder;

/** Which of a template experiment's two templates a customer gets. */
public enum Variant {
  A,
  B
}
