package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An approver's inbox and one proposal, in the browser: the collector's plan waits in the inbox
 * with how long it has waited; opened, it shows its terms, schedule, invoices, the customer's
 * letter and history; a rejection needs a note and then shows who decided, when and why. The
 * approver's own proposal is marked in the inbox and offers no buttons; a decision on a proposal
 * the collector withdrew meanwhile says so and keeps the note.
 */
class ApprovalsPageIT {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final LocalDate today = LocalDate.now();

  /** The collector's plan for Harbour Ceramics, pending. */
  private long plan;

  /** The approver's own extension for Lantern Books, pending. */
  private long ownExtension;

  @BeforeEach
  void aCollectorsPlanAndTheApproversOwnExtensionWait() {
    LondonCustomer harbour =
        customer("H", "Harbour Ceramics").invoice("HB-" + tag, today.minusDays(40), "2000.00");
    LondonCustomer lantern = customer("L", "Lantern Books");
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).isEqualTo(200);

    plan =
        propose(
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            "{\"caseId\":"
                + harbour.caseId()
                + ",\"kind\":\"INSTALMENTS\",\"invoices\":[\"HA-"
                + tag
                + "\",\"HB-"
                + tag
                + "\"],\"reason\":\"A flood closed their shop for a month; they asked to spread"
                + " it.\",\"count\":3,\"firstDate\":\""
                + today.plusDays(7)
                + "\",\"frequency\":\"MONTHLY\"}");
    ownExtension =
        propose(
            "approver",
            Courtesy.APPROVER_PASSWORD,
            "{\"caseId\":"
                + lantern.caseId()
                + ",\"kind\":\"EXTENSION\",\"invoices\":[\"LA-"
                + tag
                + "\"],\"reason\":\"Their year-end closing moved.\",\"newDueDate\":\""
                + today.plusDays(21)
                + "\"}");
  }

  /** What is still pending leaves the inbox: each proposer takes theirs back. */
  @AfterEach
  void theProposersTakeBackWhatIsStillPending() {
    withdraw(plan, "collector", Courtesy.COLLECTOR_PASSWORD);
    withdraw(ownExtension, "approver", Courtesy.APPROVER_PASSWORD);
  }

  private void withdraw(long arrangement, String username, String password) {
    if (api.get("/api/v1/arrangements/" + arrangement, username, password)
        .body()
        .contains("\"status\":\"PENDING\"")) {
      api.postJsonIfMatch(
          "/api/v1/arrangements/" + arrangement + "/withdraw",
          "{}",
          username,
          password,
          version(arrangement));
    }
  }

  @Test
  void anApproverReadsTheCollectorsPlanInFullAndRejectsItWithANote() {
    try (Browser browser = Browser.open()) {
      browser.signIn("approver", Courtesy.APPROVER_PASSWORD);

      // The inbox: both proposals wait; the approver's own is marked as such.
      assertThat(browser.awaitPath("/approvals/")).isEqualTo("/approvals/");
      browser.await(".inbox .proposal-link", Duration.ofSeconds(10));
      assertThat(browser.text("#inbox\\:table"))
          .contains("Harbour Ceramics " + tag, "Instalment plan", "Casey Morgan", "today")
          .contains("Lantern Books " + tag, "your proposal");
      browser.screenshot("approvals-inbox", ".app-header");

      // The plan in full.
      browser.follow(".inbox .proposal-link", "Harbour Ceramics " + tag);
      assertThat(browser.path()).isEqualTo("/approvals/view.xhtml?id=" + plan);
      assertThat(browser.text("#arrangement-status")).isEqualTo("Awaiting approval");
      assertThat(browser.text("#proposal-terms")).contains("3 instalments");
      assertThat(browser.text("#proposal-reason")).contains("A flood closed their shop");
      assertThat(browser.text("#proposal-by")).contains("Casey Morgan", "today");
      assertThat(browser.text("#instalments")).contains("£1,000.00", "£1,000.00", "£1,000.00");
      assertThat(browser.text("#invoices")).contains("HA-" + tag, "HB-" + tag, "£2,000.00");
      assertThat(browser.text("#letter-subject")).isNotBlank();
      assertThat(browser.text("#letter-text")).contains("Dear", "HA-" + tag, "£3,000.00");
      assertThat(browser.text("#history")).contains("proposed by collector");
      // Approving takes a limit that covers it; without one the page says so instead.
      assertThat(browser.has("#decision-form\\:approve"))
          .isNotEqualTo(browser.has("#why-not-approve"));
      browser.screenshot("approvals-proposal");
      browser.screenshot("approvals-letter", "#letter");
      browser.screenshot("approvals-history", "#history");

      // Rejecting needs a note; the page keeps the proposal until it has one.
      browser.press("decision-form:reject");
      assertThat(browser.text("#decision-form")).contains("Note");
      assertThat(browser.text("#arrangement-status")).isEqualTo("Awaiting approval");
      browser.screenshot("approvals-reject-needs-note", "#decision");

      browser.type("decision-form:note", "Three months is too long for this amount; try two.");
      browser.press("decision-form:reject");
      browser.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
      assertThat(browser.text("#page-messages")).contains("Rejected.");
      assertThat(browser.text("#arrangement-status")).isEqualTo("Rejected");
      assertThat(browser.text("#decided")).contains("Rejected by Avery Lindqvist");
      assertThat(browser.text("#decision-note"))
          .isEqualTo("Three months is too long for this amount; try two.");
      assertThat(browser.has("#decision-form")).isFalse();
      assertThat(browser.has("#letter")).isFalse();
      browser.screenshot("approvals-rejected", ".app-header");
    }

    assertThat(
            api.get("/api/v1/arrangements/" + plan, "collector", Courtesy.COLLECTOR_PASSWORD)
                .body())
        .contains("\"status\":\"REJECTED\"", "\"decidedBy\":\"approver\"");
  }

  @Test
  void anApproverCannotDecideTheirOwnProposal() {
    try (Browser browser = Browser.open()) {
      browser.signIn("approver", Courtesy.APPROVER_PASSWORD);
      browser.go("/approvals/view.xhtml?id=" + ownExtension);

      assertThat(browser.text("#proposal-terms")).contains("Everything covered by");
      assertThat(browser.text("#why-not-decide")).contains("four-eyes");
      assertThat(browser.has("#decision-form")).isFalse();
      browser.screenshot("approvals-own-proposal");
    }
  }

  @Test
  void aDecisionOnAProposalWithdrawnMeanwhileSaysSoAndKeepsTheNote() {
    try (Browser browser = Browser.open()) {
      browser.signIn("approver", Courtesy.APPROVER_PASSWORD);
      browser.go("/approvals/view.xhtml?id=" + plan);
      browser.await("#decision-form\\:note", Duration.ofSeconds(10));

      // While the approver reads, the collector takes the proposal back.
      HttpResponse<String> withdrawn =
          api.postJsonIfMatch(
              "/api/v1/arrangements/" + plan + "/withdraw",
              "{\"note\":\"The customer paid one invoice.\"}",
              "collector",
              Courtesy.COLLECTOR_PASSWORD,
              version(plan));
      assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);

      browser.type("decision-form:note", "Fine by me, but keep an eye on them.");
      browser.press("decision-form:reject");
      assertThat(browser.text("#decision-form"))
          .contains("Casey Morgan withdrew this proposal", "Nothing of yours was saved");
      assertThat(browser.value("decision-form:note"))
          .isEqualTo("Fine by me, but keep an eye on them.");
      browser.screenshot("approvals-withdrawn-meanwhile", "#decision");
    }
  }

  @Test
  void anUnknownProposalIsNotFound() {
    Courtesy approver = Courtesy.signedIn("approver", Courtesy.APPROVER_PASSWORD);

    assertThat(approver.get("/approvals/view.xhtml?id=999999999").statusCode()).isEqualTo(404);
    assertThat(approver.get("/approvals/view.xhtml?id=plan").statusCode()).isEqualTo(404);
  }

  /** A customer {@code CODE-tag} with a contact and an invoice of £1,000.00 overdue 60 days. */
  private LondonCustomer customer(String code, String name) {
    String number = code + "-" + tag;
    return new LondonCustomer(
            number, name + " " + tag, "Ada Quinn", "ada." + number + "@example.org")
        .invoice(code + "A-" + tag, today.minusDays(60), "1000.00");
  }

  private long propose(String username, String password, String json) {
    HttpResponse<String> proposed = api.postJson("/api/v1/arrangements", json, username, password);
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    Matcher id = ID.matcher(proposed.body());
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  private String version(long arrangement) {
    return api.version(
        "/api/v1/arrangements/" + arrangement, "collector", Courtesy.COLLECTOR_PASSWORD);
  }
}
