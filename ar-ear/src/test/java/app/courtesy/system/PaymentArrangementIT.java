package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A payment plan from proposal to default, in the browser and the customer's mailbox: a collector
 * proposes three monthly instalments from the case page and can approve it neither on a page nor
 * through the API; an approver approves it; the customer gets the confirmation with the schedule;
 * the reminders ahead follow the instalments instead of the overdue invoice; the first instalment
 * passes unpaid and the customer gets one gentle note; still unpaid a week later, the plan defaults
 * and the case is back with its collector, ranked higher, with the usual reminders.
 */
class PaymentArrangementIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private LocalDate today;
  private final String email = "iris." + tag + "@example.org";

  /** Pemberton Mills, with £900.00 overdue for 45 days. */
  private LondonCustomer customer;

  @BeforeEach
  void aCustomerAskedToSpreadTheirOverdueBalance() {
    // The days ahead are days no run has claimed (other tests run dates ahead): the server's today
    // is the day before the first of them, and the reminders ahead are planned from there.
    today = ServerDays.unrunDate().minusDays(1);
    customer =
        new LondonCustomer("PM-" + tag, "Pemberton Mills " + tag, "Iris Lowe", email)
            .invoice("PA-" + tag, today.minusDays(45), "900.00");
    review();
  }

  @AfterEach
  void theServerKeepsTheSystemsTimeAgain() {
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void aPlanIsProposedApprovedConfirmedMissedAndDefaults() {
    long caseId = customer.caseId();
    LocalDate first = today.plusDays(7);
    long plan;

    // The collector proposes the plan the dialog offers: three monthly instalments from a week on.
    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + caseId);
      collector.press("actions:propose-arrangement");
      collector.await("#arrangement-form\\:arrangement-reason", Duration.ofSeconds(5));
      collector.type(
          "arrangement-form:arrangement-reason",
          "Their largest client pays late this quarter; they asked to spread the balance.");
      collector.press("arrangement-form:check");
      assertThat(collector.text("#draft-text"))
          .contains("Dear Iris Lowe", "PA-" + tag, "£900.00", "£300.00");
      collector.screenshot("arrangement-walk-letter", "#arrangement-form\\:draft");
      collector.press("arrangement-form:submit");
      collector.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
      assertThat(collector.text("#arrangement-list-form\\:arrangement-list"))
          .contains("Instalment plan", "£900.00", "Awaiting approval");
      plan = arrangementOf("PM-" + tag);

      // Nothing lets the proposer decide: the proposal page is not theirs to open.
      collector.go("/approvals/view.xhtml?id=" + plan);
      assertThat(collector.has("#decision-form\\:approve")).isFalse();
      assertThat(collector.text("#error-403")).contains("does not have a role");
    }
    HttpResponse<String> byProposer =
        api.postJsonIfMatch(
            "/api/v1/arrangements/" + plan + "/approve",
            "{\"note\":\"Approving my own plan.\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            version(plan));
    assertThat(byProposer.statusCode()).isEqualTo(403);

    try (Browser approver = Browser.open()) {
      approver.signIn("approver", Courtesy.APPROVER_PASSWORD);
      approver.go("/approvals/view.xhtml?id=" + plan);
      approver.type("decision-form:note", "Reasonable: they have always paid in the end.");
      approver.press("decision-form:approve");
      approver.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
      assertThat(approver.text("#arrangement-status")).isEqualTo("Active");
      approver.screenshot("arrangement-walk-approved", ".app-header");
    }

    // The reminders ahead: a note before the first instalment, no overdue reminder.
    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + caseId);
      assertThat(collector.text("#case-status")).isEqualTo("On an arrangement");
      assertThat(collector.text("#schedule-messages"))
          .contains("Note before instalment 1")
          .doesNotContain(" · ");
      assertThat(collector.text("#schedule-held")).contains("on an active payment arrangement");
      collector.screenshot("arrangement-walk-reminders-ahead", "#schedule");
    }

    // The confirmation goes out in the customer's office hours, with the whole schedule.
    ServerDays.moveToOfficeHours(today.plusDays(1), LONDON, "GB");
    ServerDays.dispatch();
    MimeMessage confirmation = Mailbox.await(MAIL, email, "is confirmed");
    assertThat(Mailbox.text(confirmation))
        .contains("Dear Iris Lowe", "PA-" + tag, "£300.00", String.valueOf(first.getYear()));

    // The first instalment passes unpaid beyond its grace: one gentle note.
    LocalDate noticedOn = ServerDays.moveToOfficeHours(first.plusDays(4), LONDON, "GB");
    review();
    review();
    ServerDays.dispatch();
    MimeMessage weNoticed = Mailbox.await(MAIL, email, "Checking in about instalment 1");
    assertThat(Mailbox.text(weNoticed)).contains("Dear Iris Lowe", "£300.00");
    assertThat(Mailbox.count(MAIL, email, "Checking in")).isEqualTo(1);

    // A week after the note, still unpaid: the plan defaults, the case comes back.
    ServerDays.moveToOfficeHours(noticedOn.plusDays(8), LONDON, "GB");
    review();
    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + caseId);
      assertThat(collector.text("#case-status")).isEqualTo("Arrangement defaulted");
      assertThat(collector.text("#case-why")).contains("arrangement defaulted on");
      assertThat(collector.text("#arrangement-list-form\\:arrangement-list")).contains("Defaulted");
      assertThat(collector.text("#schedule")).doesNotContain("on an active payment arrangement");
      assertThat(collector.text("#schedule-messages"))
          .contains("PA-" + tag, " · ")
          .doesNotContain("Note before instalment");
      collector.screenshot("arrangement-walk-defaulted", "#case-header");
    }
  }

  /** The id of the customer's pending arrangement, as an approver's inbox lists it. */
  private long arrangementOf(String customerNumber) {
    String body =
        api.get(
                "/api/v1/arrangements?status=PENDING&limit=500",
                "approver",
                Courtesy.APPROVER_PASSWORD)
            .body();
    int at = body.indexOf("\"customerNumber\":\"" + customerNumber + "\"");
    assertThat(at).as("a pending arrangement of %s in %s", customerNumber, body).isNotNegative();
    Matcher id = ID.matcher(body.substring(body.lastIndexOf('{', at)));
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  private String version(long arrangement) {
    return api.version(
        "/api/v1/arrangements/" + arrangement, "collector", Courtesy.COLLECTOR_PASSWORD);
  }

  /** The daily case review, as of the server's today. */
  private void review() {
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
  }
}
