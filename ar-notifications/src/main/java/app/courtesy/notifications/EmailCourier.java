package app.courtesy.notifications;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.Courier;
import app.courtesy.dispatch.DeliveryException;
import app.courtesy.dispatch.HandOver;
import app.courtesy.dispatch.MailMessageId;
import app.courtesy.dispatch.Outgoing;
import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends reminder emails (plain text and HTML) over SMTP, or writes them to the pickup folder as
 * {@code .eml} files when no server is configured. Each email's Message-ID is made from the outbox
 * message ({@link MailMessageId}), so a bounce or a reply finds its message again; its Reply-To
 * names it too where the mailbox takes sub-addresses, and an answer to a customer's email carries
 * In-Reply-To and References to thread under it.
 *
 * <p>Each email is handed over (see {@link HandOver}) just before its DATA command. A failure
 * before the end of its DATA is a failure to deliver, tried again later; a connection that drops
 * after the end (the server may have stored it and its answer never came) leaves it unconfirmed,
 * never sent again on its own.
 *
 * <p>Connections to the server are kept open between emails (one per lane of a dispatcher at a
 * time), so a round of reminders costs one SMTP conversation per email rather than a connection,
 * greeting and login each; one idle for longer than a few seconds is checked before it is used
 * again, and one the server dropped meanwhile is replaced at once.
 */
public class EmailCourier implements Courier, AutoCloseable {

  /**
   * How long an idle connection is trusted without asking the server (a NOOP round trip); servers
   * keep idle connections for minutes, and a connection that did drop fails before anything is
   * sent, so the email is simply tried again later.
   */
  private static final long TRUSTED_NANOS = 10_000_000_000L;

  private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
  private static final String EIGHT_BIT = "8bit";
  private static final String QUOTED_PRINTABLE = "quoted-printable";

  /**
   * Jakarta Mail looks its stream provider up each time it encodes a header or writes a body part
   * (jakartaee/mail-api#861). Without a class name to go by, every lookup searches the server's
   * class path for service files, which costs more than the rest of composing and sending the
   * email; with the name of the implementation the server ships, it finds the loaded class.
   */
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  private final MailSettings settings;
  private final Session session;
  private final Queue<Idle> idle = new ConcurrentLinkedQueue<>();

  /** A connection waiting for the next email, and since when. */
  private record Idle(HandingOverTransport transport, long since) {}

  public EmailCourier(MailSettings settings) {
    System.getProperties()
        .putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    this.settings = settings;
    this.session =
        settings.host().isEmpty()
            ? Session.getInstance(new Properties())
            : Session.getInstance(
                settings.sessionProperties(),
                settings.user().isEmpty()
                    ? null
                    : new Authenticator() {
                      @Override
                      protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(
                            settings.user().get(), settings.password().orElse(""));
                      }
                    });
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public String deliver(Outgoing message, HandOver handOver) throws DeliveryException {
    Email mail = compose(message);
    if (settings.host().isEmpty()) {
      // The folder's files go on through a mail server of whatever kind: in 7 bits, as any takes.
      return new PickupFolder(settings.pickup())
          .deliver(
              "mail",
              message.messageId(),
              "eml",
              file -> {
                mail.sevenBit();
                mail.writeTo(file);
              },
              handOver);
    }
    String server = settings.host().get() + ":" + settings.port();
    HandingOverTransport transport = null;
    try {
      Idle kept = idle.poll();
      transport = kept == null ? null : reusable(kept);
      if (transport == null) {
        transport = open();
        transport.send(mail, server, handOver);
      } else {
        try {
          transport.send(mail, server, handOver);
        } catch (MessagingException dropped) {
          if (transport.ended()
              || dropped instanceof SendFailedException refused && answered(refused)) {
            throw dropped;
          }
          // The server dropped the connection while it waited (restarted, timed out): the first
          // command fails, with an I/O error or no reply at all, before the email is handed over,
          // so it goes once over a new one.
          closeQuietly(transport);
          transport = open();
          transport.send(mail, server, handOver);
        }
      }
      idle.add(new Idle(transport, System.nanoTime()));
      return "Accepted by " + server + " as " + mail.getMessageID();
    } catch (SendFailedException refused) {
      closeQuietly(transport);
      if (transport != null && transport.ended() && !answered(refused)) {
        throw unknown(server, refused);
      }
      boolean permanent =
          refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0;
      throw new DeliveryException(refused.getMessage(), permanent, refused);
    } catch (MessagingException e) {
      closeQuietly(transport);
      if (transport != null && transport.ended()) {
        throw unknown(server, e);
      }
      throw new DeliveryException(
          "The mail server " + server + " is not reachable: " + e.getMessage(), false, e);
    } catch (RuntimeException notHandedOver) {
      // The hand-over was refused or could not be recorded: nothing was sent, the connection is
      // mid-conversation and is dropped.
      closeQuietly(transport);
      throw notHandedOver;
    }
  }

  /** Whether the server answered the refusal with a reply code (rather than hanging up). */
  private static boolean answered(SendFailedException refused) {
    return refused instanceof SMTPSendFailedException smtp && smtp.getReturnCode() >= 200;
  }

  private static DeliveryException unknown(String server, MessagingException e) {
    return DeliveryException.unknownOutcome(
        "The mail server "
            + server
            + " did not answer after the whole email was sent ("
            + e.getMessage()
            + ")",
        e);
  }

  /** Closes the connections kept open. */
  @Override
  public void close() {
    for (Idle connection = idle.poll(); connection != null; connection = idle.poll()) {
      closeQuietly(connection.transport());
    }
  }

  /** A kept connection used moments ago or that still answers; otherwise null, and closed. */
  private HandingOverTransport reusable(Idle kept) {
    HandingOverTransport transport = kept.transport();
    if (System.nanoTime() - kept.since() < TRUSTED_NANOS || transport.isConnected()) {
      return transport;
    }
    closeQuietly(transport);
    return null;
  }

  private HandingOverTransport open() throws MessagingException {
    HandingOverTransport transport = new HandingOverTransport(session);
    transport.connect();
    return transport;
  }

  private static void closeQuietly(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      // the connection is being dropped either way
    }
  }

  /**
   * How a body part is written: 7bit when it is printable ASCII, 8bit when it also holds letters
   * beyond ASCII (UTF-8 as it is), each in lines SMTP takes as they are (998 octets); else
   * quoted-printable. Left to Jakarta Mail, each part is written once more to find that out, which
   * costs as much as writing the email to the server. An 8bit part goes as it is only to a server
   * that takes 8BITMIME (RFC 6152), as quoted-printable to any other ({@link Email#sevenBit}).
   */
  static String transferEncoding(String body) {
    int line = 0;
    boolean ascii = true;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\r' || c == '\n') {
        line = 0;
        continue;
      }
      if (c == 127 || c < ' ' && c != '\t') {
        return QUOTED_PRINTABLE;
      }
      ascii &= c < 128;
      // Octets in UTF-8: a surrogate pair's two chars make four.
      line += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
      if (line > 998) {
        return QUOTED_PRINTABLE;
      }
    }
    return ascii ? "7bit" : EIGHT_BIT;
  }

  private Email compose(Outgoing message) throws DeliveryException {
    Email mail = new Email(session, MailMessageId.of(message.messageId()));
    try {
      mail.setFrom(new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
      mail.setRecipient(
          MimeMessage.RecipientType.TO,
          new InternetAddress(message.address(), message.recipientName(), "UTF-8"));
      mail.setReplyTo(
          new InternetAddress[] {
            new InternetAddress(
                settings.replyTo(message.replyToken()), settings.fromName(), "UTF-8")
          });
      if (message.inReplyTo() != null) {
        // An answer to the customer's email shows under it in their mail program's thread.
        mail.setHeader("In-Reply-To", message.inReplyTo());
        mail.setHeader("References", message.references());
      }
      mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mail.setSentDate(new Date());
      if (message.unsubscribe() != null) {
        // RFC 8058: the mail program offers "unsubscribe" and posts to the link in one click.
        mail.setHeader("List-Unsubscribe", "<" + message.unsubscribe() + ">");
        mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      mail.setContent(body(message.text(), "plain"), body(message.html(), "html"));
      mail.saveChanges();
      return mail;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new DeliveryException("Cannot write the email: " + e.getMessage(), true, e);
    }
  }

  /**
   * A body of {@code text/subtype}, held as its UTF-8 bytes. Given as a string, Jakarta Mail's text
   * handler writes it through a stream that passes it on a byte at a time, each byte a call down to
   * the connection's buffer (a tenth of the server's time while it sends reminders); as bytes, it
   * goes in blocks.
   */
  private static MimeBodyPart body(String body, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(
                body.getBytes(StandardCharsets.UTF_8), "text/" + subtype + "; charset=UTF-8")));
    part.setHeader(TRANSFER_ENCODING, transferEncoding(body));
    return part;
  }

  /**
   * A reminder email: its Message-ID the outbox message's, its two bodies (plain text and HTML) at
   * hand to write them in 7 bits for a server that needs it.
   */
  static final class Email extends SMTPMessage {

    private final String messageId;
    private final List<MimeBodyPart> bodies = new ArrayList<>();

    Email(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }

    /**
     * Makes {@code alternatives} its content; when one of them is in 8 bits, the envelope says so
     * (RFC 6152).
     */
    void setContent(MimeBodyPart... alternatives) throws MessagingException {
      bodies.addAll(List.of(alternatives));
      setContent(new MimeMultipart("alternative", alternatives));
      for (MimeBodyPart body : bodies) {
        if (EIGHT_BIT.equals(body.getEncoding())) {
          setMailExtension("BODY=8BITMIME");
        }
      }
    }

    /**
     * Makes it fit for a server that does not take 8BITMIME: its 8bit bodies become
     * quoted-printable, and its envelope no longer announces 8-bit content.
     */
    void sevenBit() throws MessagingException {
      for (MimeBodyPart body : bodies) {
        if (EIGHT_BIT.equals(body.getEncoding())) {
          body.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
        }
      }
      setMailExtension(null);
    }
  }
}
