package app.courtesy.outbox;

import app.courtesy.reminder.Tone;

/** What an outbox message is, and so how it is written and checked before it goes out. */
public enum MessageKind {
  /** A reminder a dunning run planned for a policy step, listing the invoices due for it. */
  REMINDER,
  /** Thanks for settling a reminded overdue balance, or for keeping a promise to pay. */
  THANK_YOU,
  /** An email a collector wrote, sent as written to the contact they chose. */
  PERSONAL,
  /** The confirmation of an approved payment arrangement. */
  AGREED,
  /**
   * A friendly note before an instalment (or an extension's new date, a discount's pay-by date).
   */
  INSTALMENT,
  /** The one gentle "we noticed" message about a missed instalment. */
  MISSED;

  /** A letter about a payment arrangement, naming its arrangement (and instalment). */
  public boolean isArrangementLetter() {
    return this == AGREED || this == INSTALMENT || this == MISSED;
  }

  /**
   * What a message of this kind is, in a collector's words: "2 · Friendly", "Thank you", …
   *
   * @param step the policy's step (1 for the first), for a reminder
   * @param instalment the instalment a note or "we noticed" message is about
   */
  public String label(int step, Tone tone, int instalment) {
    return switch (this) {
      case REMINDER -> step + " · " + tone.label();
      case THANK_YOU -> "Thank you";
      case PERSONAL -> "Collector's email";
      case AGREED -> "Arrangement confirmed";
      case INSTALMENT -> "Note before instalment " + instalment;
      case MISSED -> "Instalment " + instalment + " not received";
    };
  }
}
