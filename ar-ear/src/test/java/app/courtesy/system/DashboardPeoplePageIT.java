package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's sections on people: an approver sees promises and arrangements, every collector's
 * figures by name with the team's under them, and disputes by reason, and follows a reason to the
 * invoices behind it; a collector sees their own line only, and no disputes.
 */
class DashboardPeoplePageIT {

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private Browser approver;
  private Browser collector;
  private String disputed;

  @BeforeEach
  void aDisputedInvoiceAndADayWritten() {
    disputed = "DP-" + tag;
    LondonCustomer customer =
        new LondonCustomer(
                "KP-" + tag, "Penwright Ltd " + tag, "Ada Penwright", "ada." + tag + "@example.org")
            .invoice(disputed, LocalDate.now().minusDays(40), "480.00");
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
    long caseId = customer.caseId();
    HttpResponse<String> dispute =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/disputes",
            "{\"invoices\":[\"" + disputed + "\"],\"reason\":\"PRICING\",\"note\":\"Price\"}",
            "approver",
            Courtesy.APPROVER_PASSWORD,
            api.version("/api/v1/cases/" + caseId, "approver", Courtesy.APPROVER_PASSWORD));
    assertThat(dispute.statusCode()).as(dispute.body()).isEqualTo(201);
    // A run writes the days before it, so the dashboard has a currency to show.
    LocalDate date = ServerDays.unrunDate();
    HttpResponse<String> run =
        api.postJson("/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
  }

  @AfterEach
  void close() {
    ServerDays.moveClock(Instant.now());
    Browser.closeAll(approver, collector);
  }

  @Test
  void anApproverSeesTheTeamByNameAndACollectorTheirOwnLine() {
    approver = Browser.open().signIn("approver", Courtesy.APPROVER_PASSWORD);
    approver.go("/dashboard/");
    approver.await("#dashboard", Duration.ofSeconds(20)); // the page may still be arriving

    assertThat(approver.has("#promises")).isTrue();
    assertThat(approver.text("#promises")).contains("Promise-kept rate by collector");
    assertThat(approver.text("#dashboard\\:collector-figures_data")).contains("Team");
    assertThat(approver.text("#collectors")).contains("never a ranking");
    assertThat(approver.text("#dashboard\\:dispute-reasons_data")).contains("Pricing");
    approver.screenshot("dashboard-collectors", "#collectors");
    approver.screenshot("dashboard-disputes", "#disputes");

    approver.follow("#dashboard\\:dispute-reasons_data tr:first-child a", "Show");
    assertThat(approver.text("#behind\\:items")).contains(disputed, "Open since");

    collector = Browser.open().signIn("collector", Courtesy.COLLECTOR_PASSWORD);
    collector.go("/dashboard/");
    collector.await("#dashboard", Duration.ofSeconds(20)); // the page may still be arriving
    collector.screenshot("dashboard-my-figures");
    assertThat(collector.title()).startsWith("My figures");
    assertThat(collector.text("#collectors")).contains("My cases");
    assertThat(collector.text("#dashboard\\:collector-figures_data"))
        .doesNotContain("Team")
        .contains("Casey Morgan");
    assertThat(collector.has("#disputes")).isFalse();
  }
}
