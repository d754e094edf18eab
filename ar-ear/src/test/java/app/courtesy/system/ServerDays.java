package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test server's days: which business date no run has claimed, and its movable clock. */
final class ServerDays {

  private static final Pattern NOW = Pattern.compile("\"now\":\"([^\"]+)\"");
  private static final Pattern ZONE = Pattern.compile("\"timeZone\":\"([^\"]+)\"");
  private static final Pattern RUN = Pattern.compile("\\{[^{}]*\"businessDate\"[^{}]*}");
  private static final Pattern DATE = Pattern.compile("\"businessDate\":\"([0-9-]+)\"");

  private ServerDays() {}

  /**
   * A date no run has claimed yet, ready to run: the day after the latest run, and never before
   * tomorrow on the server's clock. A date can be run one day ahead at most, so when that date lies
   * further ahead (other tests ran dates ahead), the server's clock is moved to noon of the day
   * before it; put it back with {@code moveClock(Instant.now())} after the test.
   */
  static LocalDate unrunDate() {
    ZoneId zone = zone();
    LocalDate tomorrow = today(zone).plusDays(1);
    LocalDate next = latestRun().map(run -> run.plusDays(1)).orElse(tomorrow);
    if (!next.isAfter(tomorrow)) {
      return tomorrow;
    }
    moveClock(next.minusDays(1).atTime(12, 0).atZone(zone).toInstant());
    return next;
  }

  /** The latest date any run claimed, if one did. */
  static Optional<LocalDate> latestRun() {
    HttpResponse<String> latest =
        Courtesy.anonymous().get("/api/v1/dunning-runs?limit=1", "admin", Courtesy.ADMIN_PASSWORD);
    Matcher date = DATE.matcher(latest.body());
    return date.find() ? Optional.of(LocalDate.parse(date.group(1))) : Optional.empty();
  }

  /** A date no run has claimed before the latest completed run, and that run's date. */
  record BackDated(LocalDate date, LocalDate latestCompleted) {}

  /**
   * The latest date before the latest completed run that no run has claimed, as the API lists the
   * runs: a back-dated request. Where no run has completed yet, the next unrun date is run first.
   */
  static BackDated backDated() {
    List<LocalDate> claimed = new ArrayList<>();
    LocalDate latestCompleted = null;
    for (int attempt = 0; attempt < 2 && latestCompleted == null; attempt++) {
      if (attempt == 1) {
        LocalDate date = unrunDate();
        HttpResponse<String> run =
            Courtesy.anonymous()
                .postJson(
                    "/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
      }
      HttpResponse<String> list =
          Courtesy.anonymous()
              .get("/api/v1/dunning-runs?limit=366", "admin", Courtesy.ADMIN_PASSWORD);
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      claimed.clear();
      Matcher run = RUN.matcher(list.body());
      while (run.find()) {
        Matcher date = DATE.matcher(run.group());
        assertThat(date.find()).isTrue();
        claimed.add(LocalDate.parse(date.group(1)));
        if (latestCompleted == null && run.group().contains("\"status\":\"COMPLETED\"")) {
          latestCompleted = LocalDate.parse(date.group(1));
        }
      }
    }
    assertThat(latestCompleted).as("a completed run").isNotNull();
    LocalDate before = latestCompleted.minusDays(1);
    while (claimed.contains(before)) {
      before = before.minusDays(1);
    }
    // Dates older than the 366 listed may have runs the list does not show
    assertThat(claimed.size() < 366 || !before.isBefore(claimed.get(claimed.size() - 1)))
        .as("%s is within the runs listed", before)
        .isTrue();
    return new BackDated(before, latestCompleted);
  }

  /** The organisation's time zone, as the server's clock says. */
  static ZoneId zone() {
    Matcher zone = ZONE.matcher(clock());
    assertThat(zone.find()).isTrue();
    return ZoneId.of(zone.group(1));
  }

  /** Today on the server's (possibly moved) clock, in the organisation's time zone. */
  static LocalDate today(ZoneId zone) {
    return now().atZone(zone).toLocalDate();
  }

  /** The instant the server's (possibly moved) clock reads. */
  static Instant now() {
    Matcher now = NOW.matcher(clock());
    assertThat(now.find()).isTrue();
    return Instant.parse(now.group(1));
  }

  private static String clock() {
    HttpResponse<String> clock =
        Courtesy.anonymous().get("/api/v1/clock", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(clock.statusCode()).as(clock.body()).isEqualTo(200);
    return clock.body();
  }

  /**
   * Moves the server's clock to 14:00 in {@code zone} on the first working day from {@code day} (no
   * weekend, no holiday of {@code country}), when customers there can be written to.
   */
  static LocalDate moveToOfficeHours(LocalDate day, ZoneId zone, String country) {
    LocalDate working = day;
    while (working.getDayOfWeek() == DayOfWeek.SATURDAY
        || working.getDayOfWeek() == DayOfWeek.SUNDAY
        || Courtesy.anonymous()
            .get("/api/v1/holidays?from=" + working, "collector", Courtesy.COLLECTOR_PASSWORD)
            .body()
            .contains("\"country\":\"" + country + "\",\"date\":\"" + working + "\"")) {
      working = working.plusDays(1);
    }
    moveClock(working.atTime(14, 0).atZone(zone).toInstant());
    return working;
  }

  static void moveClock(Instant now) {
    HttpResponse<String> moved =
        Courtesy.anonymous()
            .putJson(
                "/api/v1/clock", "{\"now\":\"" + now + "\"}", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
  }

  /** Sends what is due now, as the minute's dispatch would. */
  static void dispatch() {
    HttpResponse<String> sent =
        Courtesy.anonymous()
            .postJson("/api/v1/outbox/dispatch?max=500", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
  }
}
