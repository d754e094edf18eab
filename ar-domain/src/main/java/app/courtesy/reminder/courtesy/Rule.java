package app.courtesy.reminder.courtesy;

/** What the courtesy check looks for in a message: elements it needs and content it refuses. */
public enum Rule {
  GREETING_BY_NAME(true, "Greet the person by name in the first line"),
  THANKS(true, "Thank them, for example for their business"),
  AMOUNT(true, "State the exact amount with its currency"),
  DUE_DATE(true, "State the exact due date"),
  OFFER_OF_HELP(true, "Offer help: a payment plan, more time, a reply or a call"),
  CONTACT_CHANNELS(true, "Give at least two ways to reach us (email, phone, link)"),
  SIGN_OFF(true, "Sign off with a named person or team"),
  THREAT(false, "No threats: legal action, courts, collection agencies, credit reporting"),
  BLAME(false, "No blame: say what is open, not what they failed to do"),
  PRESSURE(false, "No pressure words such as \"immediately\" or \"no excuses\""),
  SHOUTING(false, "No shouting: no words in capitals, no \"!!\""),
  UNKNOWN_LANGUAGE(
      false,
      "Write in English, German, French, Spanish, Italian or Dutch: the check cannot read this"
          + " message's language, so it cannot vouch for it"),
  TOO_LONG(
      false,
      "Shorten the message: the check reads at most "
          + String.format("%,d", CourtesyCheck.MAX_LENGTH)
          + " characters");

  private final boolean required;
  private final String advice;

  Rule(boolean required, String advice) {
    this.required = required;
    this.advice = advice;
  }

  /** Whether a message needs this element; otherwise the rule forbids something. */
  public boolean isRequired() {
    return required;
  }

  /** What the author should do, in a sentence. */
  public String advice() {
    return advice;
  }
}
