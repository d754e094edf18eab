package app.courtesy.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.dispatch.Bounce;
import app.courtesy.dispatch.UnreadableReportException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Reading the reports mail systems send back when they give up on an email (RFC 3464). */
class DeliveryReportTest {

  @Test
  void aPostfixBounceNamesTheMessageTheAddressAndWhatTheServerSaid() throws Exception {
    assertThat(DeliveryReport.bounces(resource("postfix-user-unknown.eml")))
        .containsExactly(
            new Bounce(
                "<outbox-42@courtesy>",
                "ap@weber.example",
                "5.1.1",
                "smtp; 550 5.1.1 <ap@weber.example>: Recipient address rejected:"
                    + " User unknown in local recipient table"));
  }

  @Test
  void aReportReturningTheWholeEmailIsReadForEachRecipientThatFailed() throws Exception {
    MimeMessage report =
        mime(
            """
            From: postmaster@relay.example
            To: receivables@courtesy.example
            Subject: Undeliverable: A friendly reminder
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="r-9"

            --r-9
            Content-Type: text/plain

            Delivery has failed to these recipients or groups.

            --r-9
            Content-Type: message/delivery-status

            Reporting-MTA: dns;relay.example


            Final-Recipient: rfc822;Iris.Lowe@Pemberton.example
            Action: failed
            Status: 5.2.1 (mailbox disabled)

            Final-Recipient: rfc822;accounts@pemberton.example
            Action: delivered
            Status: 2.0.0

            --r-9
            Content-Type: message/rfc822

            From: receivables@courtesy.example
            To: Iris.Lowe@Pemberton.example, accounts@pemberton.example
            Message-ID: <outbox-1234567@courtesy>
            Subject: A friendly reminder

            Dear Ms Lowe, thank you for your business.

            --r-9--
            """);

    assertThat(DeliveryReport.bounces(report))
        .containsExactly(
            new Bounce("<outbox-1234567@courtesy>", "Iris.Lowe@Pemberton.example", "5.2.1", ""));
  }

  @Test
  void aDelayIsNoBounce() throws Exception {
    assertThat(DeliveryReport.bounces(resource("delayed.eml"))).isEmpty();
  }

  @Test
  void aCustomersReplyIsNoReport() throws Exception {
    assertThatThrownBy(() -> DeliveryReport.bounces(resource("reply.eml")))
        .isInstanceOf(UnreadableReportException.class)
        .hasMessage(
            "Not a delivery status notification: a bounce is a multipart/report of report-type"
                + " delivery-status (RFC 3464); this email is text/plain.");
  }

  @Test
  void aReportThatDoesNotReturnTheHeadersNamesNoMessage() throws Exception {
    MimeMessage report =
        mime(
            """
            From: postmaster@relay.example
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="h"

            --h
            Content-Type: message/delivery-status

            Reporting-MTA: dns;relay.example

            Final-Recipient: rfc822;ap@weber.example
            Action: failed
            Status: 5.1.1

            --h--
            """);

    assertThatThrownBy(() -> DeliveryReport.bounces(report))
        .isInstanceOf(UnreadableReportException.class)
        .hasMessageContaining("names no Message-ID");
  }

  static MimeMessage resource(String name) throws Exception {
    try (InputStream in = DeliveryReportTest.class.getResourceAsStream("/bounces/" + name)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  private static MimeMessage mime(String text) throws Exception {
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
  }
}
