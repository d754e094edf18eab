package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator runs a business date over the API and on the page, sees it in the history, and
 * previews who gets what, when; running a date twice adds nothing; a date after tomorrow or before
 * the latest completed run is refused with the reason. The dates are the next ones no run claimed
 * (ServerDays moves the server's clock to the day before when they lie ahead).
 */
class ReminderRunsIT {

  private static final Pattern MESSAGES = Pattern.compile("\"messages\":(\\d+)");

  @AfterEach
  void theServerKeepsTheSystemsTimeAgain() {
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void aDateRunsOnceAndTheSecondRunSaysSo() {
    LocalDate date = ServerDays.unrunDate();
    String path = "/api/v1/dunning-runs?asOf=" + date;

    HttpResponse<String> first =
        Courtesy.anonymous().postJson(path, "", "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> again =
        Courtesy.anonymous().postJson(path, "", "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> collector =
        Courtesy.anonymous().postJson(path, "", "collector", Courtesy.COLLECTOR_PASSWORD);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body())
        .contains("\"businessDate\":\"" + date + "\"", "\"claimedBy\":\"admin\"");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(messages(again)).isEqualTo(messages(first));
    assertThat(collector.statusCode()).isEqualTo(403);
  }

  @Test
  void aDateAfterTomorrowOrBeforeTheLatestCompletedRunIsRefusedWithTheReason() {
    ServerDays.BackDated backDated = ServerDays.backDated();
    LocalDate tomorrow = ServerDays.today(ServerDays.zone()).plusDays(1);

    HttpResponse<String> ahead =
        Courtesy.anonymous()
            .postJson("/api/v1/dunning-runs?asOf=9999-12-31", "", "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> back =
        Courtesy.anonymous()
            .postJson(
                "/api/v1/dunning-runs?asOf=" + backDated.date(),
                "",
                "admin",
                Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> list =
        Courtesy.anonymous()
            .get("/api/v1/dunning-runs?limit=366", "collector", Courtesy.COLLECTOR_PASSWORD);

    assertThat(ahead.statusCode()).isEqualTo(422);
    assertThat(ahead.body())
        .contains(
            "\"status\":422",
            "\"field\":\"asOf\"",
            "9999-12-31 is after tomorrow (" + tomorrow + ")",
            "at most one day ahead");
    assertThat(back.statusCode()).isEqualTo(422);
    assertThat(back.body())
        .contains(
            "\"field\":\"asOf\"",
            backDated.date()
                + " is before the latest completed run ("
                + backDated.latestCompleted()
                + ")",
            "Only a date whose run failed can be run again");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains(
            "{\"businessDate\":\"" + backDated.latestCompleted() + "\"", "\"status\":\"COMPLETED\"")
        .doesNotContain("\"businessDate\":\"" + backDated.date() + "\"")
        .doesNotContain("\"businessDate\":\"9999-12-31\"");
  }

  @Test
  void anAdministratorSendsWhatIsDueWithoutWaitingForTheNextMinute() {
    String path = "/api/v1/outbox/dispatch?max=500";

    HttpResponse<String> sent =
        Courtesy.anonymous().postJson(path, "", "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> collector =
        Courtesy.anonymous().postJson(path, "", "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> none =
        Courtesy.anonymous()
            .postJson("/api/v1/outbox/dispatch?max=0", "", "admin", Courtesy.ADMIN_PASSWORD);

    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("\"claimed\":", "\"delivered\":", "\"failed\":");
    assertThat(collector.statusCode()).isEqualTo(403);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("Claim between 1 and 100,000 messages");
  }

  @Test
  void onlyAnAdministratorMovesTheClockOfATestServer() {
    Courtesy api = Courtesy.anonymous();
    Instant inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    String there = "{\"now\":\"" + inAnHour + "\"}";

    HttpResponse<String> byCollector =
        api.putJson("/api/v1/clock", there, "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> nowhere =
        api.putJson("/api/v1/clock", "{}", "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> moved;
    HttpResponse<String> reading;
    try {
      moved = api.putJson("/api/v1/clock", there, "admin", Courtesy.ADMIN_PASSWORD);
      reading = api.get("/api/v1/clock", "collector", Courtesy.COLLECTOR_PASSWORD);
    } finally {
      api.putJson(
          "/api/v1/clock", "{\"now\":\"" + Instant.now() + "\"}", "admin", Courtesy.ADMIN_PASSWORD);
    }

    assertThat(byCollector.statusCode()).isEqualTo(403);
    assertThat(nowhere.statusCode()).isEqualTo(400);
    assertThat(nowhere.body()).contains("Give the time to move to");
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(reading.body())
        .contains("\"adjustable\":true", "\"now\":\"" + inAnHour.toString().substring(0, 14));
  }

  @Test
  void aPreviewLongerThanAMonthIsRefusedWithTheReason() {
    HttpResponse<String> tooLong =
        Courtesy.anonymous()
            .get(
                "/api/v1/reminders/preview?from=2026-01-01&to=2026-03-01",
                "collector",
                Courtesy.COLLECTOR_PASSWORD);

    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("A preview covers at most 31 days.");
  }

  @Test
  void anAdministratorKeepsTheHolidayCalendar() {
    Courtesy api = Courtesy.anonymous();
    String path = "/api/v1/holidays/CH/2031-08-01";

    HttpResponse<String> added =
        api.putJson(path, "{\"name\":\"Swiss National Day\"}", "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> listed =
        api.get("/api/v1/holidays?from=2031-08-01", "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> unknown =
        api.putJson(
            "/api/v1/holidays/XX/2031-08-01",
            "{\"name\":\"Nowhere\"}",
            "admin",
            Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> byCollector =
        api.putJson(path, "{\"name\":\"Mine\"}", "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> removed = api.delete(path, "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> again = api.delete(path, "admin", Courtesy.ADMIN_PASSWORD);

    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(listed.body())
        .contains("{\"country\":\"CH\",\"date\":\"2031-08-01\",\"name\":\"Swiss National Day\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("XX is not an ISO country code");
    assertThat(byCollector.statusCode()).isEqualTo(403);
    assertThat(removed.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("No holiday of CH on 2031-08-01.");
  }

  @Test
  void theAdministratorRunsADateAndPreviewsTheWeekAfter() {
    LocalDate date = ServerDays.unrunDate();
    try (Browser admin = Browser.open()) {
      admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
      admin.go("/admin/reminders.xhtml");
      assertThat(admin.text("#time-zone")).isEqualTo(ServerDays.zone().getId());
      assertThat(admin.text("#business-dates"))
          .contains("AR_TIME_ZONE", "can be run up to tomorrow, " + date);
      admin.screenshot("reminder-runs-time-zone", "#run-form");

      admin.date("run-form:run-date", date.plusDays(1));
      admin.press("run-form:run");
      assertThat(admin.text("#messages"))
          .contains(date.plusDays(1) + " is after tomorrow (" + date + ")");
      assertThat(
              Courtesy.anonymous()
                  .get("/api/v1/dunning-runs?limit=5", "admin", Courtesy.ADMIN_PASSWORD)
                  .body())
          .doesNotContain("\"businessDate\":\"" + date.plusDays(1) + "\"");

      admin.date("run-form:run-date", date);
      admin.press("run-form:run");
      assertThat(admin.text("#messages")).contains("Ran " + date + ":", "messages queued");
      assertThat(admin.text("#history")).contains("admin", "Completed");

      admin.press("run-form:run");
      assertThat(admin.text("#messages")).contains(date + " already ran", "adds nothing");

      admin.date("preview-form:from", date.plusDays(1));
      admin.date("preview-form:to", date.plusDays(7));
      admin.press("preview-form:show-preview");
      admin.await("#preview-summary", Duration.ofSeconds(30));
      assertThat(admin.text("#preview-summary")).containsPattern("\\d+ messages");
      admin.screenshot("reminder-runs");
      admin.screenshot("reminder-outbox", "#outbox");
    }
  }

  @Test
  void theCustomerPageShowsTheReminderPlannedAndWhyAnotherIsNotSent() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    LocalDate date = ServerDays.unrunDate();
    String reachable = customer("R-" + tag, "ap@reachable.example", false);
    String optedOut = customer("O-" + tag, "ap@optedout.example", true);
    for (String number : List.of(reachable, optedOut)) {
      integration(
          "/api/v1/invoices",
          "{\"externalId\":\"I-%s\",\"number\":\"I-%s\",\"customerNumber\":\"%s\",\"issueDate\":\"%s\",\"dueDate\":\"%s\",\"currency\":\"CHF\",\"amount\":\"480.50\"}"
              .formatted(number, number, number, date.minusDays(30), date.plusDays(2)));
    }
    Courtesy.anonymous()
        .postJson("/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD);

    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/customers/view.xhtml?number=" + reachable);
      assertThat(collector.text("#reminders")).contains("1 · friendly", "Email", "Waiting");
      collector.screenshot("customer-reminders", "#reminders");

      collector.go("/customers/view.xhtml?number=" + optedOut);
      assertThat(collector.text("#reminders"))
          .contains("Not sent", "every contact opted out of this channel");
      assertThat(collector.text("#log-integrity")).contains("nothing was changed or removed");
      collector.screenshot("customer-not-reminded", "#reminders");
    }
  }

  private static String customer(String number, String email, boolean optedOut) {
    integration(
        "/api/v1/customers",
        "{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"Weber & Söhne AG\",\"country\":\"CH\",\"timeZone\":\"Europe/Zurich\",\"locale\":\"de-CH\",\"currency\":\"CHF\"}"
            .formatted(number, number));
    integration(
        "/api/v1/contacts",
        "{\"externalId\":\"K-%s\",\"customerNumber\":\"%s\",\"name\":\"Hannah Weber\",\"salutation\":\"Frau\",\"email\":\"%s\",\"preferredChannel\":\"EMAIL\",\"emailOptOut\":%s,\"smsOptOut\":false}"
            .formatted(number, number, email, optedOut));
    return number;
  }

  private static void integration(String path, String json) {
    HttpResponse<String> response =
        Courtesy.anonymous().postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  private static int messages(HttpResponse<String> run) {
    Matcher count = MESSAGES.matcher(run.body());
    assertThat(count.find()).as("messages in %s", run.body()).isTrue();
    return Integer.parseInt(count.group(1));
  }
}
