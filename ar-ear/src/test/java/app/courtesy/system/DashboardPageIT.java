package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A customer owes NOK 1,500.00 (NOK 1,000.00 of it overdue), and the date after runs, writing the
 * day. The approver opens the dashboard on that day in NOK: the trend's table says what was open
 * and overdue, its line lists the overdue invoice behind it, the table downloads as CSV and the
 * page as a PDF. A collector sees their own figures only, and cannot open the team's drill-downs.
 */
class DashboardPageIT {

  private Browser approver;
  private Browser collector;

  @AfterEach
  void closeAndPutTheClockBack() {
    Browser.closeAll(approver, collector);
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void theApproverSeesTheDayInItsTrendDrillsDownAndExports() throws IOException {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    LocalDate date = ServerDays.unrunDate();
    LocalDate day = date.minusDays(1);
    String customer = "DASH-" + tag;
    Courtesy api = Courtesy.anonymous();
    create(
        "/api/v1/customers",
        ("{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"Fjord Tools %s AS\","
                + "\"country\":\"NO\",\"timeZone\":\"Europe/Oslo\",\"locale\":\"nb-NO\","
                + "\"currency\":\"NOK\"}")
            .formatted(customer, customer, tag));
    invoice(customer, "INV-" + tag + "-LATE", day.minusDays(40), day.minusDays(10), "1000.00");
    invoice(customer, "INV-" + tag + "-DUE", day.minusDays(5), day.plusDays(25), "500.00");
    HttpResponse<String> run =
        api.postJson("/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);

    HttpResponse<String> trend =
        api.get(
            "/api/v1/reports/trends?currency=NOK&granularity=DAY&from=" + day + "&to=" + day,
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(trend.statusCode()).as(trend.body()).isEqualTo(200);
    assertThat(trend.body())
        .contains("\"asOf\":\"" + day + "\"", "COLLECTION_EFFECTIVENESS")
        .containsPattern("\"open\":\\{\"amount\":\"1500\\.0*\",\"currency\":\"NOK\"")
        .containsPattern("\"overdue\":\\{\"amount\":\"1000\\.0*\"");
    assertThat(
            api.get("/api/v1/reports/trends?currency=NOK", "collector", Courtesy.COLLECTOR_PASSWORD)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> unknown =
        api.get(
            "/api/v1/reports/trends?currency=XQQ", "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("currency");
    HttpResponse<String> backwards =
        api.get(
            "/api/v1/reports/trends?currency=NOK&from=" + day + "&to=" + day.minusDays(1),
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("from");

    approver = Browser.open();
    approver.signIn("approver", Courtesy.APPROVER_PASSWORD);
    approver.go("/dashboard/");
    approver.await("#dashboard", Duration.ofSeconds(20)); // the page may still be arriving
    assertThat(approver.title()).startsWith("Dashboard");
    approver.date("dashboard:from", day.minusDays(2));
    approver.date("dashboard:to", day);
    approver.choose("dashboard:granularity", "DAY");
    approver.choose("dashboard:currency", "NOK");
    approver.press("dashboard:show");

    assertThat(approver.has("#dashboard\\:balance-chart canvas")).isTrue();
    assertThat(approver.text("#dashboard\\:balance"))
        .contains(day.toString(), "NOK", "1,500.00", "1,000.00");
    approver.screenshot("dashboard-trends", "#trends");

    approver.clickCss("#dashboard\\:balance_data tr:last-child td.drilldown a");
    assertThat(approver.title()).startsWith("Overdue in NOK at the end of " + day);
    assertThat(approver.text("#behind\\:items"))
        .contains("INV-" + tag + "-LATE", "Fjord Tools " + tag + " AS")
        .doesNotContain("INV-" + tag + "-DUE");

    approver.go("/dashboard/");
    approver.await("#dashboard", Duration.ofSeconds(20)); // the page may still be arriving
    approver.date("dashboard:from", day.minusDays(2));
    approver.date("dashboard:to", day);
    approver.choose("dashboard:granularity", "DAY");
    approver.choose("dashboard:currency", "NOK");
    approver.press("dashboard:show");
    approver.clickCss("#dashboard\\:balance-csv");
    List<String> csv =
        Files.readAllLines(approver.downloaded("balance.csv"), StandardCharsets.UTF_8);
    assertThat(csv.get(0)).contains("Period", "Open", "Overdue", "DSO");
    assertThat(csv).anyMatch(line -> line.contains(day.toString()) && line.contains("1,500.00"));

    approver.clickCss("#dashboard\\:pdf");
    try (PDDocument pdf =
        Loader.loadPDF(approver.downloaded("courtesy-dashboard-" + day + ".pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("The team · NOK · " + day.minusDays(2) + " to " + day)
          .contains(
              "Balance, aging and days sales outstanding", "Collection effectiveness by month");
    }
  }

  @Test
  void aCollectorSeesTheirOwnFiguresOnlyAndNotTheTeamsDrilldowns() {
    collector = Browser.open();
    collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
    collector.go("/dashboard/");
    collector.await("#dashboard", Duration.ofSeconds(20)); // the page may still be arriving

    assertThat(collector.title()).startsWith("My figures");
    assertThat(collector.has("#trends")).isFalse();
    assertThat(collector.has("#dashboard\\:collector")).isFalse();

    collector.go(
        "/dashboard/behind.xhtml?figure=open-at&currency=EUR&asOf=2026-01-05&part=overdue");
    assertThat(collector.title()).startsWith("Page not found");
  }

  private static void invoice(
      String customer, String number, LocalDate issued, LocalDate due, String amount) {
    create(
        "/api/v1/invoices",
        ("{\"externalId\":\"%s\",\"number\":\"%s\",\"customerNumber\":\"%s\",\"issueDate\":\"%s\","
                + "\"dueDate\":\"%s\",\"currency\":\"NOK\",\"amount\":\"%s\"}")
            .formatted(number, number, customer, issued, due, amount));
  }

  private static void create(String path, String json) {
    HttpResponse<String> created =
        Courtesy.anonymous().postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }
}
