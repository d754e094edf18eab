package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test server's days: which business date no run has claimed, and its movable clock. */
final class ServerDays {

  private ServerDays() {}

  /** A date no run has claimed yet: the day after the latest run, and never before tomorrow. */
  static LocalDate unrunDate() {
    HttpResponse<String> latest =
        Courtesy.anonymous().get("/api/v1/dunning-runs?limit=1", "admin", Courtesy.ADMIN_PASSWORD);
    Matcher date = Pattern.compile("\"businessDate\":\"([0-9-]+)\"").matcher(latest.body());
    LocalDate tomorrow = LocalDate.now().plusDays(1);
    if (!date.find()) {
      return tomorrow;
    }
    LocalDate next = LocalDate.parse(date.group(1)).plusDays(1);
    return next.isAfter(tomorrow) ? next : tomorrow;
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
