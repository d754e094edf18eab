package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daily run makes the cash-in forecast, and approvers and integrations read it per currency: a
 * customer in Thai baht (no other test invoices in it, and nobody ever paid in it, so nothing is
 * expected late) with one invoice due three days after the run's date, in week 1. The date is the
 * next one no run claimed (ServerDays moves the server's clock to the day before when it lies
 * ahead).
 */
class ForecastReportIT {

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private Browser approver;
  private Browser collector;

  @AfterEach
  void theServerKeepsTheSystemsTimeAgain() {
    ServerDays.moveClock(Instant.now());
    Browser.closeAll(approver, collector);
  }

  @Test
  void theLatestRunsForecastIsShownPerCurrencyToTheTeamsLeadsOnly() {
    LocalDate date = ServerDays.unrunDate();
    String customer = "C-" + tag;
    feed(
        "/api/v1/customers",
        "{\"externalId\":\"ERP-"
            + customer
            + "\",\"number\":\""
            + customer
            + "\",\"name\":\"Siam Orchids Co., Ltd.\",\"country\":\"TH\","
            + "\"timeZone\":\"Asia/Bangkok\",\"locale\":\"th-TH\",\"currency\":\"THB\"}");
    feed(
        "/api/v1/invoices/batch",
        "[{\"externalId\":\"I-"
            + tag
            + "\",\"number\":\"F-"
            + tag
            + "\",\"customerNumber\":\""
            + customer
            + "\",\"issueDate\":\""
            + date.minusDays(27)
            + "\",\"dueDate\":\""
            + date.plusDays(3)
            + "\",\"currency\":\"THB\",\"amount\":\"12345.50\"}]");
    assertThat(
            api.postJson("/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD)
                .statusCode())
        .isEqualTo(201);

    HttpResponse<String> asApprover =
        api.get("/api/v1/reports/forecast?currency=THB", "approver", Courtesy.APPROVER_PASSWORD);
    HttpResponse<String> asIntegration =
        api.get(
            "/api/v1/reports/forecast?currency=THB", "integration", Courtesy.INTEGRATION_PASSWORD);
    HttpResponse<String> asCollector =
        api.get("/api/v1/reports/forecast?currency=THB", "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> noCurrency =
        api.get("/api/v1/reports/forecast?currency=baht", "approver", Courtesy.APPROVER_PASSWORD);

    assertThat(asApprover.statusCode()).isEqualTo(200);
    assertThat(asApprover.body())
        .contains(
            "\"madeOn\":\"" + date + "\"",
            "{\"expected\":{\"amount\":\"12345.50\",\"currency\":\"THB\"},\"items\":1,"
                + "\"starts\":\""
                + date
                + "\",\"week\":1}",
            "\"starts\":\"" + date.plusWeeks(13) + "\",\"week\":14}",
            "\"FORECAST_ACCURACY\":\"Forecast accuracy:");
    assertThat(asApprover.body()).doesNotContain("\"accuracy\":");
    assertThat(asIntegration.statusCode()).isEqualTo(200);
    assertThat(asCollector.statusCode()).isEqualTo(403);
    assertThat(noCurrency.statusCode()).isEqualTo(400);

    // The dashboard in baht: the weeks, the accuracy (undefined: no forecast 13 weeks before) and
    // the invoice behind week 1.
    approver = Browser.open();
    approver.signIn("approver", Courtesy.APPROVER_PASSWORD).go("/dashboard/index.xhtml");
    approver.choose("dashboard:currency", "THB");
    approver.press("dashboard:show");
    assertThat(approver.text("#forecast"))
        .contains("Cash-in forecast", "Week 1", "Later", "Forecast accuracy:")
        .containsPattern("12\\D?345\\D50");
    assertThat(approver.text("#forecast-accuracy")).isEqualTo("—");
    approver.screenshot("dashboard-forecast", "#forecast");
    approver.follow("#dashboard\\:forecast-weeks a", "Show");
    assertThat(approver.text("body"))
        .contains("Expected in THB in week 1 of the forecast made on " + date, "F-" + tag);

    collector = Browser.open();
    collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD).go("/dashboard/index.xhtml");
    assertThat(collector.text("h1")).isNotEmpty();
    assertThat(collector.has("#forecast")).isFalse();
  }

  private void feed(String path, String json) {
    assertThat(api.postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD).statusCode())
        .isBetween(200, 201);
  }
}
