package app.courtesy.system;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server the system tests' domain sends its email to (GreenMail on 127.0.0.1, port {@code
 * smtp.port}), as the customers' mailboxes; and over IMAP (port {@code imap.port}) the mailbox the
 * domain reads its bounces from.
 */
final class Mailbox {

  private static final long WAIT_MILLIS = 20_000;

  private Mailbox() {}

  /** The bounce mailbox's sign-in, as the build configures the domain with. */
  static final String BOUNCE_USER = "bounces";

  static final String BOUNCE_PASSWORD = "bounces-password";

  /** How long the server may take to start: a test may start it again on a busy machine. */
  private static final long STARTUP_MILLIS = 20_000;

  /** The server, for a test class's {@code @RegisterExtension}. */
  static GreenMailExtension server() {
    return new GreenMailExtension(
        new ServerSetup[] {
          patient(new ServerSetup(Integer.getInteger("smtp.port", 20025), "127.0.0.1", "smtp")),
          patient(new ServerSetup(Integer.getInteger("imap.port", 20143), "127.0.0.1", "imap"))
        });
  }

  private static ServerSetup patient(ServerSetup setup) {
    setup.setServerStartupTimeout(STARTUP_MILLIS);
    return setup;
  }

  /**
   * The first email to {@code address} whose subject contains {@code subject}, waiting for it as
   * long as emails keep arriving within 20 seconds of each other.
   */
  static MimeMessage await(GreenMailExtension mail, String address, String subject) {
    while (true) {
      MimeMessage[] received = mail.getReceivedMessages();
      for (MimeMessage message : received) {
        if (recipient(message).equals(address) && subjectOf(message).contains(subject)) {
          return message;
        }
      }
      if (!mail.waitForIncomingEmail(WAIT_MILLIS, received.length + 1)) {
        List<String> arrived =
            Arrays.stream(mail.getReceivedMessages())
                .map(m -> recipient(m) + ": " + subjectOf(m))
                .toList();
        throw new AssertionError(
            "No email to " + address + " about \"" + subject + "\" among " + arrived);
      }
    }
  }

  /** How many emails to {@code address} with {@code subject} in their subject arrived so far. */
  static long count(GreenMailExtension mail, String address, String subject) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> recipient(m).equals(address) && subjectOf(m).contains(subject))
        .count();
  }

  /** The plain-text part of an email, as a mail client shows it. */
  static String text(Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.isMimeType("multipart/*")) {
        Multipart parts = (Multipart) part.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
          String text = text(parts.getBodyPart(i));
          if (!text.isEmpty()) {
            return text;
          }
        }
      }
      return "";
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
