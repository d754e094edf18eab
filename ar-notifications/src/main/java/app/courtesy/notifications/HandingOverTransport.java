package app.courtesy.notifications;

import app.courtesy.dispatch.HandOver;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An SMTP connection that knows where a message stands: it hands the message over (see {@link
 * HandOver}) just before the DATA command, and tells whether the end of the message went out. A
 * failure before that end is a failure to deliver; one after it (the answer to the final dot never
 * came) leaves the message's fate unknown: the server may have stored it.
 */
final class HandingOverTransport extends SMTPTransport {

  private HandOver handOver;
  private String server;
  private boolean ended;

  HandingOverTransport(Session session) {
    super(session, new URLName("smtp", null, -1, null, null, null));
  }

  /**
   * Sends {@code mail} to its recipients, handing it over to {@code server} first; in 7 bits when
   * the server does not take 8BITMIME.
   *
   * @throws MessagingException when it failed; {@link #ended()} says whether the end of the message
   *     had gone out
   */
  void send(EmailCourier.Email mail, String server, HandOver handOver) throws MessagingException {
    this.server = server;
    this.handOver = handOver;
    ended = false;
    try {
      if (!supportsExtension("8BITMIME")) {
        mail.sevenBit();
      }
      sendMessage(mail, mail.getAllRecipients());
    } finally {
      this.handOver = null;
    }
  }

  /** Whether the last message's end (the final dot) went out: from then on it may have arrived. */
  boolean ended() {
    return ended;
  }

  @Override
  protected OutputStream data() throws MessagingException {
    handOver.handingTo(server);
    return super.data();
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    ended = true;
    super.finishData();
  }
}
