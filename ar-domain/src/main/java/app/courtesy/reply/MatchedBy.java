package app.courtesy.reply;

/** How a message found its customer, in the order they are tried. */
public enum MatchedBy {
  /** Its In-Reply-To or References name an email Courtesy sent. */
  THREAD,
  /** It was sent to the reply address of one of Courtesy's emails ({@code ar+<token>@…}). */
  ADDRESS,
  /** Its sender's address belongs to exactly one customer's contact. */
  SENDER,
  /** An SMS from the mobile number of exactly one customer's contact. */
  PHONE,
  /** A collector assigned it from the Unmatched replies list. */
  COLLECTOR
}
