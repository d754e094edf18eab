package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collector's day on a case, in the browser: the worklist puts the largest, oldest, never
 * contacted balance on top and says why; a reached call records a promise, and the reminders ahead
 * wait for it; the promise date passes unpaid and the case comes back as "promise broken"; a
 * disputed invoice leaves the reminders ahead; a rude email is blocked and a polite one reaches the
 * customer's mailbox.
 */
class CaseWorkPageIT {

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 20025), "127.0.0.1", "smtp"));

  private static final Pattern CASE_ID = Pattern.compile("\"id\":(\\d+)");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String number = "K-" + tag;
  private final LocalDate today = LocalDate.now();

  @BeforeEach
  void aLargeOldBalanceNobodyHasCalledAbout() {
    integration(
        "/api/v1/customers",
        "{\"externalId\":\"ERP-"
            + number
            + "\",\"number\":\""
            + number
            + "\",\"name\":\"Zeppelin Works "
            + tag
            + "\",\"country\":\"GB\",\"timeZone\":\"Europe/London\",\"locale\":\"en-GB\","
            + "\"currency\":\"GBP\",\"collector\":\"collector\"}");
    integration(
        "/api/v1/contacts",
        "{\"externalId\":\"P-"
            + tag
            + "\",\"customerNumber\":\""
            + number
            + "\",\"name\":\"Nora Blake\",\"email\":\"nora."
            + tag
            + "@example.org\",\"phone\":\"+44 20 7946 0000\",\"preferredChannel\":\"EMAIL\"}");
    invoice("A", today.minusDays(150), "640000.00");
    invoice("B", today.minusDays(120), "310000.00");
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).isEqualTo(200);
  }

  @Test
  void aCollectorWorksTheTopCaseFromCallToPromiseToDisputeToEmail() throws Exception {
    try (Browser browser = Browser.open()) {
      browser.signIn("collector", Courtesy.COLLECTOR_PASSWORD);

      // The worklist: our customer is on top, with the reasons in plain words.
      browser.go("/cases/");
      browser.await(".worklist .case-link", Duration.ofSeconds(10));
      browser.typeAndAwait(
          "cases:search", tag, ".worklist tbody tr:first-child", "Zeppelin Works " + tag);
      assertThat(browser.text(".worklist tbody tr:first-child .why"))
          .contains("£950,000.00 overdue", "oldest 150 days", "never contacted");
      browser.screenshot("case-worklist");

      // The top case: log a reached call with a promise for the whole balance in three days.
      browser.click("cases:table:0:open-case");
      assertThat(browser.text("#case-why")).contains("oldest 150 days");
      browser.press("actions:log-call");
      browser.await("#call-form\\:call-note", Duration.ofSeconds(5));
      browser.type("call-form:call-note", "Nora says the transfer is booked for Friday.");
      browser.tick("call-form:with-promise");
      browser.await("#call-form\\:promise-date", Duration.ofSeconds(5));
      browser.number("call-form:promise-amount", "950000");
      browser.type("call-form:promise-date", today.plusDays(3).toString());
      browser.press("call-form:save");
      browser.await("#case-status", Duration.ofSeconds(5));
      assertThat(browser.text("#case-status")).isEqualTo("Promise pending");
      assertThat(browser.text("#schedule")).contains("open promise to pay");
      assertThat(browser.text("#timeline"))
          .contains(
              "Call: reached. Nora says the transfer is booked for Friday.", "Promise to pay");
      browser.screenshot("case-promise");

      // The promise date and its grace pass without a payment.
      HttpResponse<String> later =
          api.postJson(
              "/api/v1/cases/review?asOf=" + today.plusDays(10),
              "",
              "admin",
              Courtesy.ADMIN_PASSWORD);
      assertThat(later.body()).contains("\"promisesBroken\":");
      browser.go("/cases/view.xhtml?id=" + caseId());
      assertThat(browser.text("#case-status")).isEqualTo("Promise broken");
      assertThat(browser.text("#case-why")).contains("promise broken on");
      assertThat(browser.text("#schedule")).doesNotContain("open promise to pay");
      browser.screenshot("case-promise-broken");

      // A dispute on one invoice: it leaves the reminders ahead.
      browser.press("actions:dispute");
      browser.await("#dispute-form\\:dispute-invoices", Duration.ofSeconds(5));
      browser.checkByLabel("dispute-form:dispute-invoices", "RA-" + tag);
      browser.type("dispute-form:dispute-note", "Goods arrived damaged.");
      browser.press("dispute-form:save");
      browser.await("#dispute-list-form\\:dispute-list .resolve-dispute", Duration.ofSeconds(5));
      assertThat(browser.text("#schedule-messages")).doesNotContain("RA-" + tag);
      assertThat(browser.text("#schedule")).contains("invoice disputed");
      browser.screenshot("case-dispute");

      // A rude draft is blocked with its words marked; the polite template goes out.
      browser.press("actions:send-email");
      browser.await("#email-form\\:email-body", Duration.ofSeconds(5));
      browser.type("email-form:email-body", "Pay IMMEDIATELY or we take legal action.");
      browser.appendAndAwait("email-form:email-body", " ", "#email-form\\:check", "cannot go out");
      assertThat(browser.text("#highlighted")).contains("IMMEDIATELY");
      browser.press("email-form:save");
      assertThat(browser.text("#email-form")).contains("Not sent");
      browser.screenshot("case-email-blocked");
      browser.choose("email-form:email-template", "FRIENDLY");
      assertThat(browser.has("#blocked")).isFalse();
      browser.press("email-form:save");
      browser.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
      browser.screenshot("case-email-sent", "#timeline");

      assertThat(MAIL.waitForIncomingEmail(20_000, 1)).isTrue();
      MimeMessage mail =
          Arrays.stream(MAIL.getReceivedMessages())
              .filter(m -> recipient(m).equals("nora." + tag + "@example.org"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "No email to nora."
                              + tag
                              + " among "
                              + Arrays.stream(MAIL.getReceivedMessages())
                                  .map(CaseWorkPageIT::recipient)
                                  .toList()));
      assertThat(mail.getSubject()).contains("friendly reminder");
      assertThat(browser.text("#timeline")).contains("friendly reminder");
    }
  }

  @Test
  void aCollectorCannotLiftHardshipButAnApproverCan() {
    long id = caseId();
    String hardship =
        api.postJsonIfMatch(
                "/api/v1/cases/" + id + "/hardship",
                "{\"reason\":\"Lost their biggest client\"}",
                "collector",
                Courtesy.COLLECTOR_PASSWORD,
                version(id))
            .body();
    assertThat(hardship).contains("\"status\":\"HARDSHIP\"");

    HttpResponse<String> byCollector =
        api.postJsonIfMatch(
            "/api/v1/cases/" + id + "/hardship/lift",
            "{\"reason\":\"Doing better\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            version(id));
    HttpResponse<String> stale =
        api.postJsonIfMatch(
            "/api/v1/cases/" + id + "/hardship/lift",
            "{\"reason\":\"Doing better\"}",
            "approver",
            Courtesy.APPROVER_PASSWORD,
            "0");
    HttpResponse<String> byApprover =
        api.postJsonIfMatch(
            "/api/v1/cases/" + id + "/hardship/lift",
            "{\"reason\":\"Doing better\"}",
            "approver",
            Courtesy.APPROVER_PASSWORD,
            version(id));

    assertThat(byCollector.statusCode()).isEqualTo(403);
    assertThat(byCollector.body()).contains("Only an approver can lift hardship");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("while you were editing");
    assertThat(byApprover.statusCode()).isEqualTo(200);
    assertThat(byApprover.body()).doesNotContain("\"status\":\"HARDSHIP\"");
  }

  private long caseId() {
    HttpResponse<String> list =
        api.get(
            "/api/v1/cases?assignee=collector&limit=500", "collector", Courtesy.COLLECTOR_PASSWORD);
    String body = list.body();
    int at = body.indexOf("\"customerNumber\":\"" + number + "\"");
    Matcher id = CASE_ID.matcher(body.substring(body.lastIndexOf('{', at)));
    assertThat(id.find()).as("a case for %s in %s", number, body).isTrue();
    return Long.parseLong(id.group(1));
  }

  private String version(long id) {
    Matcher version =
        Pattern.compile("\"version\":(\\d+)")
            .matcher(
                api.get("/api/v1/cases/" + id, "collector", Courtesy.COLLECTOR_PASSWORD).body());
    assertThat(version.find()).isTrue();
    return version.group(1);
  }

  private void invoice(String n, LocalDate due, String amount) {
    integration(
        "/api/v1/invoices",
        "{\"externalId\":\"I"
            + n
            + "-"
            + tag
            + "\",\"number\":\"R"
            + n
            + "-"
            + tag
            + "\",\"customerNumber\":\""
            + number
            + "\",\"issueDate\":\""
            + due.minusDays(30)
            + "\",\"dueDate\":\""
            + due
            + "\",\"currency\":\"GBP\",\"amount\":\""
            + amount
            + "\"}");
  }

  private void integration(String path, String json) {
    HttpResponse<String> created =
        api.postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static String recipient(MimeMessage mail) {
    try {
      return ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
