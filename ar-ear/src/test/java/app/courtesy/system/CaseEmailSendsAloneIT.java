package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collector's email goes out as they send it, and nothing else does: the day's reminders, due in
 * the same minute, wait for the dispatcher. Checked where the customer would see it, on the mail
 * server.
 */
class CaseEmailSendsAloneIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void theServerKeepsTheSystemsTimeAgain() {
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void theCollectorsEmailGoesOutAloneWhileTheDaysRemindersWaitForTheDispatcher() {
    // A date's run queues a reminder for Hazel's invoice, falling due that day, and the clock
    // moves into London's office hours: the reminder is due now.
    LocalDate date = ServerDays.unrunDate();
    String hazel = "hazel." + tag + "@example.org";
    new LondonCustomer("HZ-" + tag, "Hazel Mills " + tag, "Hazel Moss", hazel)
        .invoice("HZI-" + tag, date, "300.00");
    String ivy = "ivy." + tag + "@example.org";
    LondonCustomer ours =
        new LondonCustomer("IV-" + tag, "Ivy Lane " + tag, "Ivy Moss", ivy)
            .invoice("IVI-" + tag, date.minusDays(45), "700.00");
    HttpResponse<String> run =
        api.postJson("/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
    ServerDays.moveToOfficeHours(date, LONDON, "GB");
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);

    // The collector writes to Ivy from her case.
    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + ours.caseId());
      collector.press("actions:send-email");
      collector.await("#email-form\\:email-body", Duration.ofSeconds(5));
      collector.choose("email-form:email-template", "FRIENDLY");
      collector.press("email-form:save");
      collector.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
      assertThat(collector.text("#page-messages")).contains("Email sent to " + ivy + ".");
    }

    // Ivy has exactly the collector's email; Hazel's due reminder has not gone out with it.
    assertThat(Mailbox.count(MAIL, ivy, "")).isEqualTo(1);
    assertThat(Mailbox.count(MAIL, hazel, "")).isZero();

    // The dispatcher's round sends it: it was due all along.
    ServerDays.dispatch();
    assertThat(Mailbox.await(MAIL, hazel, "")).isNotNull();
  }
}
