package app.courtesy.dispatch;

import java.io.InputStream;
import java.util.List;

/**
 * Bounces that come back by email after a message went out: a report handed in through the API, or
 * the bounce mailbox read. Implemented where the mail code lives (ar-notifications).
 */
public interface BounceIntake {

  /** What a read of the bounce mailbox found. */
  record MailboxRead(int reports, int recorded, int unknown, int leftForAPerson) {}

  /**
   * Records what one delivery status notification (RFC 3464, the whole email as MIME) reports.
   *
   * @return what became of each recipient it reports failed; none for a delay or a success
   * @throws UnreadableReportException when the email is not such a report or names no Message-ID
   */
  List<Bounces.Result> accept(InputStream email);

  /** Whether a bounce mailbox is configured ({@code AR_BOUNCE_HOST}). */
  boolean hasMailbox();

  /**
   * Reads the bounce mailbox now, as its timer does every minute: each report is recorded and
   * removed, any other email is left in it, marked read, for a person.
   *
   * @throws IllegalStateException when {@link #hasMailbox()} is false
   * @throws MailboxUnavailableException when the mailbox cannot be reached or read
   */
  MailboxRead readMailbox();
}
