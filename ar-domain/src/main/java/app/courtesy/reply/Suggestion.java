package app.courtesy.reply;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing a customer's reply seems to say, for a collector to confirm or dismiss.
 *
 * <p>Read it as: the customer says they have {@link Kind#ALREADY_PAID already paid} (on {@code
 * date}, with {@code reference}, when they gave them), {@link Kind#WILL_PAY will pay} on {@code
 * date}, {@link Kind#DISPUTE dispute} the invoice, are in {@link Kind#HARDSHIP hardship}, or want
 * an {@link Kind#INVOICE_COPY invoice copy}. Show {@code evidence} next to the suggestion so the
 * collector sees the customer's own words.
 *
 * @param kind what the customer seems to say
 * @param date for {@code ALREADY_PAID} the day they say they paid, if given; for {@code WILL_PAY}
 *     the day they say they will pay (always present); otherwise null
 * @param reference for {@code ALREADY_PAID} a payment reference or invoice number they quoted, if
 *     any; otherwise null
 * @param evidence the sentence of the reply that led to the suggestion, trimmed to at most 200
 *     characters
 */
public record Suggestion(Kind kind, LocalDate date, String reference, String evidence) {

  /** What a reply seems to say, in the order suggestions are listed. */
  public enum Kind {
    /** The customer says the invoice is paid. */
    ALREADY_PAID,
    /** The customer promises to pay on a date. */
    WILL_PAY,
    /** The customer contests the invoice or the goods or service behind it. */
    DISPUTE,
    /** The customer cannot pay because of money, work, health or bereavement. */
    HARDSHIP,
    /** The customer asks for the invoice (again). */
    INVOICE_COPY
  }

  /**
   * Creates a suggestion; {@code kind} and {@code evidence} are required, and a {@code WILL_PAY}
   * suggestion needs its date.
   *
   * @throws NullPointerException when {@code kind} or {@code evidence} is null
   * @throws IllegalArgumentException when a {@code WILL_PAY} suggestion has no date
   */
  public Suggestion {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(evidence, "evidence");
    if (kind == Kind.WILL_PAY && date == null) {
      throw new IllegalArgumentException("A promise to pay needs the date the customer named");
    }
  }
}
