package app.courtesy.reply;

/** Where a message from a customer stands. */
public enum ReplyState {
  /** Not matched to a customer: waits on the Unmatched replies list for a collector. */
  UNMATCHED,
  /** A person's words no one has answered yet: the case rises and, by policy, chasing waits. */
  TO_ANSWER,
  /** A collector read it and marked it handled. */
  HANDLED,
  /** A collector answered it by email. */
  ANSWERED,
  /**
   * A mail program answered by itself (an out-of-office): logged on its customer's history, never
   * answered; one that matched no customer is kept, and nobody is asked to assign it.
   */
  AUTOMATIC,
  /** Not about any customer (spam, a newsletter): set aside by a collector, with the reason. */
  DISCARDED
}
