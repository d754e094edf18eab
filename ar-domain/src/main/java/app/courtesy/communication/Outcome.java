package app.courtesy.communication;

/** What came of a contact. */
public enum Outcome {
  SENT,
  FAILED,
  /** Not sent; the entry's detail says why. */
  SUPPRESSED,
  /** Handed to a collector as a task (a call instead of a message). */
  TASK,
  /** A dispatcher claimed the message and never confirmed it; it may have gone out. */
  UNCONFIRMED,
  /** Noted by a person: a call, a visit, a letter received. */
  RECORDED,
  /** The mail system returned a message that had gone out: the address does not take it. */
  BOUNCED,
  /** A customer's own words reached us: a reply by email or SMS. */
  RECEIVED,
  /** A customer's mail program answered by itself (an out-of-office). */
  AUTOMATIC
}
