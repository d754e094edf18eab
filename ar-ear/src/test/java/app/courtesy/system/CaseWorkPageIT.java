package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
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

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  private final LocalDate today = LocalDate.now();

  /** Zeppelin Works, with £950,000.00 overdue for 150 and 120 days. */
  private LondonCustomer customer;

  @BeforeEach
  void aLargeOldBalanceNobodyHasCalledAbout() {
    customer =
        new LondonCustomer(
                "K-" + tag, "Zeppelin Works " + tag, "Nora Blake", "nora." + tag + "@example.org")
            .invoice("RA-" + tag, today.minusDays(150), "640000.00")
            .invoice("RB-" + tag, today.minusDays(120), "310000.00");
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
      // (Awaiting the search's own count: our customer may top the list before it answers.)
      browser.typeAndAwait("cases:search", tag, "#cases\\:table", "1–1 of 1");
      assertThat(browser.text(".worklist tbody tr:first-child")).contains("Zeppelin Works " + tag);
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
      // three days after the last date the runs claimed, so the reminders ahead show it
      LocalDate promised = ServerDays.latestRun().filter(today::isBefore).orElse(today).plusDays(3);
      browser.type("call-form:promise-date", promised.toString());
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
              "/api/v1/cases/review?asOf=" + promised.plusDays(7),
              "",
              "admin",
              Courtesy.ADMIN_PASSWORD);
      assertThat(later.body()).contains("\"promisesBroken\":");
      browser.go("/cases/view.xhtml?id=" + customer.caseId());
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
      // Each finding names its words, why they hurt and what to write instead.
      assertThat(browser.text("#findings"))
          .contains(
              "Announcing legal steps turns a reminder into a threat",
              "Words that rush the customer",
              "Try instead: by the due date, if you can");
      assertThat(browser.text("#findings")).contains("IMMEDIATELY", "legal");
      browser.press("email-form:save");
      assertThat(browser.text("#email-form")).contains("Not sent");
      browser.screenshot("case-email-blocked");
      browser.choose("email-form:email-template", "FRIENDLY");
      assertThat(browser.has("#blocked")).isFalse();
      browser.press("email-form:save");
      browser.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
      browser.screenshot("case-email-sent", "#timeline");

      // The page says "sent" only once the mail server has the email: it is there already.
      String nora = "nora." + tag + "@example.org";
      assertThat(browser.text("#page-messages")).contains("Email sent to " + nora + ".");
      assertThat(Mailbox.count(MAIL, nora, "friendly reminder")).isEqualTo(1);
      assertThat(browser.text("#timeline")).contains("friendly reminder");
    }
  }

  @Test
  void aCollectorCannotLiftHardshipButAnApproverCan() {
    long id = customer.caseId();
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
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.body()).contains("while you were editing");
    assertThat(byApprover.statusCode()).isEqualTo(200);
    assertThat(byApprover.body()).doesNotContain("\"status\":\"HARDSHIP\"");
  }

  private String version(long id) {
    return api.version("/api/v1/cases/" + id, "collector", Courtesy.COLLECTOR_PASSWORD);
  }
}
