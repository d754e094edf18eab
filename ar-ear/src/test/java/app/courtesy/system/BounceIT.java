package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An email goes out, and later the customer's mail server sends it back: whether the report lands
 * in the bounce mailbox or is handed in through the API, the address is marked, the case shows it,
 * and it is logged once.
 */
class BounceIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aBounceInTheMailboxMarksTheAddressAndShowsOnTheCase() throws Exception {
    String email = "olive." + tag + "@example.org";
    MimeMessage reminder = remindedCustomer("BO-" + tag, email);

    GreenMailUser bounces =
        MAIL.setUser("receivables@courtesy.example", Mailbox.BOUNCE_USER, Mailbox.BOUNCE_PASSWORD);
    bounces.deliver(mime(report(reminder.getMessageID(), email)));
    bounces.deliver(
        mime(
            "To: receivables@courtesy.example\r\nSubject: Re: your reminder\r\n\r\n"
                + "The payment is on its way.\r\n"));
    HttpResponse<String> read =
        api.postJson("/api/v1/bounces/mailbox", "", "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> byCollector =
        api.postJson("/api/v1/bounces/mailbox", "", "collector", Courtesy.COLLECTOR_PASSWORD);

    // The server's minute may have read it first: either way the report is gone, the reply stays.
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(byCollector.statusCode()).isEqualTo(403);
    assertThat(MAIL.getReceivedMessagesForDomain("courtesy.example"))
        .extracting(MimeMessage::getSubject)
        .containsExactly("Re: your reminder");
    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + customer.caseId());
      assertThat(collector.text("#case-why")).contains("an email bounced");
      assertThat(collector.text("#contacts")).contains("Bounced");
      assertThat(collector.text("#timeline"))
          .contains("bounced", "5.1.1", "marked as bounced: no more email goes to it");
      collector.screenshot("case-bounced");
      collector.screenshot("case-bounced-timeline", "#timeline");
    }
  }

  @Test
  void aBounceHandedInThroughTheApiIsRecordedOnce() throws Exception {
    String email = "nell." + tag + "@example.org";
    MimeMessage reminder = remindedCustomer("BN-" + tag, email);
    String report = report(reminder.getMessageID(), email);

    HttpResponse<String> first =
        api.post(
            "/api/v1/bounces",
            "message/rfc822",
            report,
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    HttpResponse<String> again =
        api.post("/api/v1/bounces", "message/rfc822", report, "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> reply =
        api.post(
            "/api/v1/bounces",
            "message/rfc822",
            "Subject: Re: your reminder\r\n\r\nPaid today.\r\n",
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    HttpResponse<String> byCollector =
        api.post(
            "/api/v1/bounces", "message/rfc822", report, "collector", Courtesy.COLLECTOR_PASSWORD);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("{\"results\":[\"RECORDED\"]}");
    assertThat(again.body()).isEqualTo("{\"results\":[\"ALREADY_RECORDED\"]}");
    assertThat(reply.statusCode()).isEqualTo(422);
    assertThat(reply.body()).contains("Not a delivery status notification");
    assertThat(byCollector.statusCode()).isEqualTo(403);
    assertThat(
            api.get(
                    "/api/v1/customers/BN-" + tag + "/timeline?channel=EMAIL",
                    "collector",
                    Courtesy.COLLECTOR_PASSWORD)
                .body())
        .containsOnlyOnce("\"outcome\":\"BOUNCED\"");
  }

  private LondonCustomer customer;

  /**
   * A customer with an overdue invoice and an open case, and the email their collector sent from
   * the case (sent as it is written, so no business date is claimed for it).
   */
  private MimeMessage remindedCustomer(String number, String email) {
    customer =
        new LondonCustomer(number, "Bramble Oaks " + tag, "Olive Hart", email)
            .invoice("I" + number, LocalDate.now(LONDON).minusDays(20), "420.00");
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + customer.caseId());
      collector.press("actions:send-email");
      collector.await("#email-form\\:email-body", Duration.ofSeconds(5));
      collector.choose("email-form:email-template", "FRIENDLY");
      collector.press("email-form:save");
      collector.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
    }
    ServerDays.dispatch();
    return Mailbox.await(MAIL, email, "");
  }

  /** The report a Postfix server writes when the address is unknown there. */
  private static String report(String messageId, String address) {
    return """
        From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
        To: receivables@courtesy.example
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b-1"

        --b-1
        Content-Type: text/plain

        Your message could not be delivered to %1$s.

        --b-1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org

        Final-Recipient: rfc822; %1$s
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <%1$s>: Recipient address rejected: User unknown

        --b-1
        Content-Type: text/rfc822-headers

        From: receivables@courtesy.example
        To: %1$s
        Message-ID: %2$s
        Subject: A reminder

        --b-1--
        """
        .formatted(address, messageId)
        .replace("\n", "\r\n");
  }

  private static MimeMessage mime(String text) throws Exception {
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
