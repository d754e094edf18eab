package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A late-payment charge waived with four eyes, in the browser: the collector proposes waiving
 * contractual interest on the customer's page with a reason; the approver finds it in their inbox
 * under "Charges to waive", reads it and waives it; the customer's page then shows the charge as
 * waived, with who and why, and nothing open. The API tells the ERP the same.
 */
class ChargeWaiverPageIT {

  private Browser admin;
  private Browser collector;
  private Browser approver;

  @AfterEach
  void closeAndPutTheClockBack() {
    Browser.closeAll(admin, collector, approver);
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void aCollectorProposesWaivingAFeeAndTheApproverWaivesIt() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    LocalDate date = ServerDays.unrunDate();
    String policy = "Fees " + tag;
    String number = "WV-" + tag;
    String name = "Keel & Anchor Chandlers " + tag;
    Courtesy api = Courtesy.anonymous();

    admin = Browser.open();
    admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
    admin.go("/admin/policies.xhtml");
    admin.type("policy:new-name", policy);
    admin.press("policy:create");
    HttpResponse<String> terms =
        api.putJsonIfMatch(
            "/api/v1/reminder-policies/" + policy.replace(" ", "%20") + "/charges",
            "{\"interest\":\"CONTRACTUAL\",\"monthlyRate\":\"1.00\",\"compensation\":false,"
                + "\"showInReminders\":false,\"fees\":[]}",
            "admin",
            Courtesy.ADMIN_PASSWORD,
            "0");
    assertThat(terms.statusCode()).as(terms.body()).isEqualTo(200);

    create(
        "/api/v1/customers",
        "{\"externalId\":\"ERP-"
            + number
            + "\",\"number\":\""
            + number
            + "\",\"name\":\""
            + name
            + "\",\"country\":\"IE\",\"timeZone\":\"Europe/Dublin\",\"locale\":\"en-IE\","
            + "\"currency\":\"EUR\",\"collector\":\"collector\",\"reminderPolicy\":\""
            + policy
            + "\"}");
    create(
        "/api/v1/contacts",
        "{\"externalId\":\"P-"
            + number
            + "\",\"customerNumber\":\""
            + number
            + "\",\"name\":\"Aoife Byrne\",\"salutation\":\"Ms\",\"email\":\"ap."
            + tag
            + "@keel.example\",\"preferredChannel\":\"EMAIL\"}");
    create(
        "/api/v1/invoices",
        "{\"externalId\":\"I-"
            + number
            + "\",\"number\":\"INV-"
            + number
            + "\",\"customerNumber\":\""
            + number
            + "\",\"issueDate\":\""
            + date.minusDays(40)
            + "\",\"dueDate\":\""
            + date.minusDays(10)
            + "\",\"currency\":\"EUR\",\"amount\":\"800.00\"}");
    HttpResponse<String> run =
        api.postJson("/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);

    collector = Browser.open();
    collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
    collector.go("/customers/view.xhtml?number=" + number);
    assertThat(collector.text("#charges"))
        .contains("Interest · INV-" + number, "10 days on €800.00 at 12 %", "€2.63", "Open");
    collector.pressCss(".waive-button");
    collector.await("#waiver-dialog", Duration.ofSeconds(5));
    collector.type("waiver-form:waiver-reason", "The invoice reached them a week late.");
    collector.screenshot("waiver-proposal", "#waiver-dialog");
    collector.press("waiver-form:propose-waiver");
    assertThat(collector.text("#page-messages")).contains("proposed", "waits for an approver");
    assertThat(collector.text("#charges"))
        .contains("waiver proposed by Casey Morgan: The invoice reached them a week late.");
    assertThat(collector.has(".waive-button")).isFalse();

    approver = Browser.open();
    approver.signIn("approver", Courtesy.APPROVER_PASSWORD);
    approver.go("/approvals/index.xhtml");
    assertThat(approver.text("#waivers-awaiting"))
        .contains(name, "€2.63", "The invoice reached them a week late.");
    approver.screenshot("approvals-waivers", "#waivers-awaiting");
    approver.follow(".waiver-link", name);
    assertThat(approver.text("#proposal"))
        .contains("€2.63", "The invoice reached them a week late.");
    assertThat(approver.text("#charge-lines")).contains("Interest", "€2.63");
    approver.screenshot("waiver-decision");
    approver.type("decision-form:note", "Agreed, the delay was ours.");
    approver.press("decision-form:approve");
    assertThat(approver.text("#decided")).contains("Waived", "Avery Lindqvist");

    collector.go("/customers/view.xhtml?number=" + number);
    assertThat(collector.text("#charges"))
        .contains("Waived", "waived by Avery Lindqvist: The invoice reached them a week late.")
        .contains("Nothing is open.");
    collector.screenshot("charge-waived", "#charges");

    HttpResponse<String> waivers =
        api.get(
            "/api/v1/charge-waivers?customer=" + number, "approver", Courtesy.APPROVER_PASSWORD);
    assertThat(waivers.statusCode()).as(waivers.body()).isEqualTo(200);
    assertThat(waivers.body())
        .contains(
            "\"status\":\"APPROVED\"",
            "\"proposedBy\":\"collector\"",
            "\"decidedBy\":\"approver\"",
            "\"decisionNote\":\"Agreed, the delay was ours.\"");
  }

  private static void create(String path, String json) {
    HttpResponse<String> created =
        Courtesy.anonymous().postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(created.statusCode()).as(path + ": " + created.body()).isEqualTo(201);
  }
}
