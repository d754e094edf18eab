package app.courtesy.dispatch;

import java.io.InputStream;
import java.util.List;

/**
 * What comes back by email after a message went out: bounces, handed in through the API or read
 * from the sender's mailbox, and customers' replies, read from the same mailbox. Implemented where
 * the mail code lives (ar-notifications).
 */
public interface BounceIntake {

  /**
   * What a read of the mailbox found.
   *
   * @param reports delivery status notifications read (and removed)
   * @param recorded bounces they reported that were recorded
   * @param unknown bounces of emails Courtesy did not send
   * @param replies customers' messages kept (and left in the mailbox, marked read)
   * @param unmatched of those, the ones left on the Unmatched replies list for a collector
   * @param failed emails that could not be taken in now, left unread for the next read
   */
  record MailboxRead(
      int reports, int recorded, int unknown, int replies, int unmatched, int failed) {}

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
   * Reads the mailbox now, as its timer does every minute: each report is recorded and removed, any
   * other email is kept as a customer's reply (see {@link app.courtesy.reply.Replies}) and left in
   * it, marked read.
   *
   * @throws IllegalStateException when {@link #hasMailbox()} is false
   * @throws MailboxUnavailableException when the mailbox cannot be reached or read
   */
  MailboxRead readMailbox();
}
