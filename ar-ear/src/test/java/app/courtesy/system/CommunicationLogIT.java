package app.courtesy.system;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The communication log as evidence: an administrator verifies every customer's log over the API
 * and on the Administration page; collectors read a customer's contact history and export the
 * customer's dossier; other roles are refused.
 */
class CommunicationLogIT {

  @Test
  void anAdministratorVerifiesEveryLogAndACollectorMayNot() {
    Courtesy api = Courtesy.anonymous();
    String path = "/api/v1/communication-log/verification";

    HttpResponse<String> verified = api.get(path, "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> byCollector = api.get(path, "collector", Courtesy.COLLECTOR_PASSWORD);

    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(verified.body())
        .matches("\\{\"broken\":\\[],\"customers\":\\d+,\"entries\":\\d+,\"intact\":true}");
    assertThat(byCollector.statusCode()).isEqualTo(403);
    assertThat(byCollector.body()).contains("does not have a role");
  }

  @Test
  void aCollectorReadsTheContactHistoryWithItsIntegrity() {
    String customer = "/api/v1/customers/" + customerWithAnInvoice();
    Courtesy api = Courtesy.anonymous();

    HttpResponse<String> timeline =
        api.get(
            customer + "/timeline?channel=email&limit=10",
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> unknownChannel =
        api.get(customer + "/timeline?channel=pigeon", "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> byIntegration =
        api.get(customer + "/timeline", "integration", Courtesy.INTEGRATION_PASSWORD);

    assertThat(timeline.statusCode()).isEqualTo(200);
    assertThat(timeline.body())
        .isEqualTo(
            "{\"customer\":\""
                + customer.substring(customer.lastIndexOf('/') + 1)
                + "\",\"entries\":[],\"intact\":true}");
    assertThat(unknownChannel.statusCode()).isEqualTo(400);
    assertThat(unknownChannel.body()).contains("channel is one of [EMAIL, SMS, PHONE");
    assertThat(byIntegration.statusCode()).isEqualTo(403);
  }

  @Test
  void aCollectorExportsTheDossierAsPdfOrCsv() {
    String number = customerWithAnInvoice();
    Courtesy api = Courtesy.anonymous();
    String path = "/api/v1/customers/" + number + "/dossier";

    HttpResponse<String> pdf =
        api.get(path, "application/pdf", "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> csv = api.get(path, "text/csv", "approver", Courtesy.APPROVER_PASSWORD);
    HttpResponse<String> csvByParameter =
        api.get(path + "?format=csv", "admin", Courtesy.ADMIN_PASSWORD);

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"dossier-" + number + ".pdf\"");
    assertThat(pdf.body()).startsWith("%PDF-");
    for (HttpResponse<String> response : List.of(csv, csvByParameter)) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv").contains("UTF-8"));
      assertThat(response.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"dossier-" + number + ".csv\"");
      assertThat(response.body())
          .startsWith("record,number,name,country,time_zone,")
          .contains("\r\ncustomer," + number + ",Weber & Söhne AG,CH,Europe/Zurich,")
          .contains(
              "\r\ninvoice,I-%s,%s,%s,480.50,480.50,CHF,OPEN,"
                  .formatted(number, DUE.minusDays(30), DUE))
          .contains("\r\nverification,intact,,0,");
    }
  }

  @Test
  void theDossierIsNotForTheIntegrationAccountNorForUnknownCustomers() {
    String dossier = "/api/v1/customers/" + customerWithAnInvoice() + "/dossier";
    Courtesy api = Courtesy.anonymous();

    HttpResponse<String> byIntegration =
        api.get(dossier, "integration", Courtesy.INTEGRATION_PASSWORD);
    HttpResponse<String> unknown =
        api.get(
            "/api/v1/customers/NO-SUCH-CUSTOMER/dossier?format=pdf",
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> wrongFormat =
        api.get(dossier + "?format=docx", "collector", Courtesy.COLLECTOR_PASSWORD);

    assertThat(byIntegration.statusCode()).isEqualTo(403);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Customer NO-SUCH-CUSTOMER does not exist");
    assertThat(wrongFormat.statusCode()).isEqualTo(400);
    assertThat(wrongFormat.body()).contains("format is pdf or csv");
  }

  @Test
  void theAdministratorVerifiesTheLogOnTheAdministrationPage() {
    try (Browser admin = Browser.open()) {
      admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
      admin.go("/admin/");

      admin.press("log-form:verify-log");
      admin.await("#log-verdict", Duration.ofSeconds(30));

      assertThat(admin.text("#log-verdict")).startsWith("Intact: ");
      assertThat(admin.has("#broken-logs")).isFalse();
      admin.screenshot("admin-log-verified", "#communication-log");
    }
  }

  @Test
  void theCustomerPageOffersTheDossier() throws Exception {
    String number = customerWithAnInvoice();
    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/customers/view.xhtml?number=" + number);

      assertThat(collector.text("#contact-history"))
          .contains("Export dossier (PDF)", "Export dossier (CSV)");
      collector.screenshot("customer-dossier-export", "#contact-history");

      collector.press("dossier-form:dossier-csv");
      assertThat(Files.readString(collector.downloaded("dossier-" + number + ".csv")))
          .startsWith("record,number,name,country,time_zone,")
          .contains("\r\ncustomer," + number + ",Weber & Söhne AG,CH,Europe/Zurich,");
      collector.press("dossier-form:dossier-pdf");
      assertThat(Files.readString(collector.downloaded("dossier-" + number + ".pdf"), ISO_8859_1))
          .startsWith("%PDF-");
    }
  }

  /** Falls due in a year: no reminder run will contact the customer before the tests end. */
  private static final LocalDate DUE = LocalDate.now().plusYears(1);

  /** A new customer in Switzerland with one open invoice, as an ERP would send them. */
  @Test
  void theDossierCsvNeverHandsASpreadsheetAFormula() {
    String number = "F-" + UUID.randomUUID().toString().substring(0, 8);
    integration(
        "/api/v1/customers",
        "{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"=HYPERLINK(\\\"http://pay.example\\\";\\\"Pay here\\\")\",\"country\":\"GB\",\"timeZone\":\"Europe/London\",\"locale\":\"en-GB\",\"currency\":\"GBP\"}"
            .formatted(number, number));

    HttpResponse<String> csv =
        Courtesy.anonymous()
            .get(
                "/api/v1/customers/" + number + "/dossier?format=csv",
                "collector",
                Courtesy.COLLECTOR_PASSWORD);

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body())
        .contains(
            "customer,"
                + number
                + ",\"'=HYPERLINK(\"\"http://pay.example\"\";\"\"Pay here\"\")\",GB,")
        .doesNotContain("," + "=HYPERLINK");
  }

  private static String customerWithAnInvoice() {
    String number = "D-" + UUID.randomUUID().toString().substring(0, 8);
    integration(
        "/api/v1/customers",
        "{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"Weber & Söhne AG\",\"country\":\"CH\",\"timeZone\":\"Europe/Zurich\",\"locale\":\"de-CH\",\"currency\":\"CHF\"}"
            .formatted(number, number));
    integration(
        "/api/v1/invoices",
        "{\"externalId\":\"I-%s\",\"number\":\"I-%s\",\"customerNumber\":\"%s\",\"issueDate\":\"%s\",\"dueDate\":\"%s\",\"currency\":\"CHF\",\"amount\":\"480.50\"}"
            .formatted(number, number, number, DUE.minusDays(30), DUE));
    return number;
  }

  private static void integration(String path, String json) {
    HttpResponse<String> response =
        Courtesy.anonymous().postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }
}
