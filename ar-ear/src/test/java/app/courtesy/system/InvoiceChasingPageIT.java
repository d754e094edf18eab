package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ERP sends an invoice paid in instalments; a collector sees its schedule, stops chasing it for
 * a while and resumes it; an administrator gives a policy's last step a minimum of its own.
 */
class InvoiceChasingPageIT {

  private Browser collector;
  private Browser admin;

  @BeforeEach
  void open() {
    collector = Browser.open();
    collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
  }

  @AfterEach
  void close() {
    Browser.closeAll(collector, admin);
  }

  @Test
  void aScheduledInvoiceShowsItsInstalmentsAndItsChasingStopsAndResumes() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String customer = "SCH-" + suffix;
    String number = "INV-S-" + suffix;
    LocalDate issued = LocalDate.now().minusDays(20);
    assertThat(
            Courtesy.anonymous()
                .postJson(
                    "/api/v1/customers",
                    ("{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"Nordlicht Verlag GmbH\","
                            + "\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\","
                            + "\"locale\":\"de-DE\",\"currency\":\"EUR\"}")
                        .formatted(customer, customer),
                    "integration",
                    Courtesy.INTEGRATION_PASSWORD)
                .statusCode())
        .isEqualTo(201);
    String invoice =
        ("{\"externalId\":\"%s\",\"number\":\"%s\",\"customerNumber\":\"%s\","
                + "\"issueDate\":\"%s\",\"dueDate\":\"%s\",\"currency\":\"EUR\","
                + "\"amount\":\"1000.00\",\"schedule\":[{\"days\":10,\"percent\":\"50\"},"
                + "{\"days\":40,\"percent\":\"%s\"}]}")
            .formatted(number, number, customer, issued, issued.plusDays(40), "%s");

    // percentages that do not add up are refused, naming the field; nothing is written
    var refused =
        Courtesy.anonymous()
            .postJson(
                "/api/v1/invoices",
                invoice.formatted("40"),
                "integration",
                Courtesy.INTEGRATION_PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"schedule\"", "percentages add up to 90, not 100");
    var created =
        Courtesy.anonymous()
            .postJson(
                "/api/v1/invoices",
                invoice.formatted("50"),
                "integration",
                Courtesy.INTEGRATION_PASSWORD);
    assertThat(created.statusCode()).isEqualTo(201);

    collector.go("/customers/view.xhtml?number=" + customer);
    assertThat(collector.text("#open-instalments"))
        .contains(number, "1 of 2", "2 of 2")
        .containsPattern("500[.,]00");
    collector.screenshot("customer-open-instalments", "#open-instalments");

    collector.go("/invoices/view.xhtml?number=" + number);
    assertThat(collector.text("#schedule"))
        .contains("1 of 2", "2 of 2", issued.plusDays(10).getYear() + "")
        .containsPattern("500[.,]00");
    assertThat(collector.text("#chasing")).contains("Stop chasing");
    collector.screenshot("invoice-schedule");

    collector.type("chasing:reason", "Corrected delivery note on its way");
    collector.date("chasing:until", LocalDate.now().plusDays(14));
    collector.press("chasing:stop");

    assertThat(collector.text("#chasing"))
        .contains(
            "Chasing stopped", "Corrected delivery note on its way", "chased again the day after");
    collector.screenshot("invoice-chasing-stopped", "#chasing");
    var read =
        Courtesy.anonymous()
            .get(
                "/api/v1/invoices/" + number + "/chasing",
                "collector",
                Courtesy.COLLECTOR_PASSWORD);
    assertThat(read.body())
        .contains("\"reason\":\"Corrected delivery note on its way\"", "\"by\":\"collector\"")
        .containsPattern("\"open\":\"?500");

    collector.press("chasing:resume");
    assertThat(collector.text("#chasing"))
        .contains("Chasing resumed")
        .doesNotContain("Corrected delivery note");
    var stale =
        Courtesy.anonymous()
            .postJsonIfMatch(
                "/api/v1/invoices/" + number + "/chasing/stop",
                "{\"reason\":\"Waiting for the council\"}",
                "collector",
                Courtesy.COLLECTOR_PASSWORD,
                "0");
    assertThat(stale.statusCode()).isEqualTo(412);
  }

  @Test
  void aPolicysLastStepGetsAMinimumOfItsOwn() {
    collector.close();
    collector = null;
    admin = Browser.open();
    admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
    admin.go("/admin/policies.xhtml");
    String name = "Letters from 250 " + UUID.randomUUID().toString().substring(0, 6);
    admin.type("policy:new-name", name);
    admin.press("policy:create");
    assertThat(admin.text("#policy h2")).isEqualTo(name);

    admin.press("policy:add-step-minimum");
    admin.choose("policy:step-minimums:0:step", "5");
    admin.type("policy:step-minimums:0:step-currency", "EUR");
    admin.number("policy:step-minimums:0:step-amount", "250");
    admin.press("policy:save");

    assertThat(admin.text("#policy\\:messages")).contains("Saved.");
    assertThat(admin.value("policy:step-minimums:0:step-amount_input")).isEqualTo("250.00");
    admin.screenshot("policy-step-minimum", "#policy\\:step-minimums");
  }
}
