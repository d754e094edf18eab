package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.notifications.FaultySmtpServer;
import app.courtesy.notifications.FaultySmtpServer.Drop;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail server that stored a reminder and hung up before its "250 OK": the reminder is not sent
 * twice on its own. The collector sees on the case what is known (which server, when, the
 * Message-ID to search for) and sends it again, with a line that says so; an approver only looks.
 */
class UnconfirmedMessageIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final int SMTP_PORT = Integer.getInteger("smtp.port", 20025);
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void theServerKeepsTheSystemsTimeAgain() {
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void aReminderTheServerNeverAnsweredWaitsForTheCollectorWhoSendsItAgainSayingSo()
      throws Exception {
    LocalDate date = ServerDays.unrunDate();
    String hazel = "hazel." + tag + "@example.org";
    LondonCustomer customer =
        new LondonCustomer("UC-" + tag, "Hazel Mills " + tag, "Hazel Moss", hazel)
            .invoice("UCI-" + tag, date.minusDays(20), "640.00");
    HttpResponse<String> run =
        api.postJson("/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
    ServerDays.moveToOfficeHours(date, LONDON, "GB");
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);

    // The mail server keeps the reminder and hangs up before answering it.
    MAIL.stop();
    try (FaultySmtpServer server = new FaultySmtpServer(Drop.AFTER_THE_FINAL_DOT, SMTP_PORT)) {
      ServerDays.dispatch();
      assertThat(server.kept()).anyMatch(kept -> kept.contains(hazel));
    }
    MAIL.start();
    ServerDays.dispatch();
    assertThat(Mailbox.count(MAIL, hazel, "")).as("not sent again on its own").isZero();

    HttpResponse<String> listed =
        api.get(
            "/api/v1/outbox/unconfirmed?customer=" + customer.number(),
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    Matcher id = ID.matcher(listed.body());
    assertThat(id.find()).as(listed.body()).isTrue();
    String messageId = "<outbox-" + id.group(1) + "@courtesy>";
    assertThat(listed.body())
        .contains("\"status\":\"UNCONFIRMED\"")
        .contains("\"handedTo\":\"127.0.0.1:" + SMTP_PORT + "\"")
        .contains("\"mailMessageId\":\"" + messageId + "\"");

    HttpResponse<String> byApprover =
        api.postJson(
            "/api/v1/outbox/" + id.group(1) + "/mark-sent",
            "",
            "approver",
            Courtesy.APPROVER_PASSWORD);
    assertThat(byApprover.statusCode()).as("an approver only looks").isEqualTo(403);
    try (Browser approver = Browser.open()) {
      approver.signIn("approver", Courtesy.APPROVER_PASSWORD);
      approver.go("/customers/view.xhtml?number=" + customer.number());
      approver.await("#unconfirmed-messages", Duration.ofSeconds(5));
      assertThat(approver.has(".unconfirmed-send-again")).isFalse();
    }

    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + customer.caseId());
      collector.await("#unconfirmed-messages", Duration.ofSeconds(5));
      assertThat(collector.text("#unconfirmed-messages"))
          .contains("Messages to check")
          .contains("Handed to 127.0.0.1:" + SMTP_PORT)
          .contains(messageId)
          .contains("did not answer after the whole email was sent");
      collector.screenshot("unconfirmed-message", "#unconfirmed-messages");

      collector.pressCss(".unconfirmed-send-again");
      collector.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
      assertThat(collector.text("#page-messages")).contains("sent again, with a line saying so");
      assertThat(collector.has("#unconfirmed-messages")).isFalse();
    }

    MimeMessage again = Mailbox.await(MAIL, hazel, "");
    assertThat(again.getMessageID()).isEqualTo(messageId);
    assertThat(Mailbox.text(again))
        .startsWith("We are sending this message again because we could not confirm");
    assertThat(Mailbox.count(MAIL, hazel, "")).isEqualTo(1);
  }
}
