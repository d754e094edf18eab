package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator keeps the holiday calendar in the browser: a day is added for a country, refused
 * without a name, renamed by adding it again, seen by the API, and removed; a collector cannot open
 * the page.
 */
class HolidaysPageIT {

  /** Far enough ahead that no other test's holiday is listed from it on. */
  private static final LocalDate DAY = LocalDate.of(2033, 6, 23);

  private static final String FIRST_ROW = "#list-form\\:holidays tr[data-ri='0']";

  private Browser admin;

  @BeforeEach
  void signIn() {
    admin = Browser.open();
    admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
  }

  @AfterEach
  void close() {
    Browser.closeAll(admin);
  }

  @Test
  void aHolidayIsAddedRenamedAndRemoved() {
    admin.go("/admin/index.xhtml");
    admin.click("open-holidays");
    assertThat(admin.title()).startsWith("Holidays");
    admin.screenshot("holidays");

    admin.choose("holiday-form:country", "LU");
    admin.date("holiday-form:date", DAY);
    admin.press("holiday-form:add");
    assertThat(admin.text("#holiday-form\\:holiday-messages"))
        .contains("Name: name the holiday, as customers there know it.");

    admin.type("holiday-form:name", "National Day");
    admin.press("holiday-form:add");
    assertThat(admin.text("#holiday-form\\:holiday-messages"))
        .contains("National Day (Luxembourg) is a holiday: nobody there is contacted that day.");
    assertThat(admin.value("holiday-form:name")).isEmpty();

    admin.date("list-form:from", DAY);
    admin.press("list-form:show");
    assertThat(admin.text(FIRST_ROW)).contains("Jun 23, 2033", "Luxembourg (LU)", "National Day");
    admin.screenshot("holiday-added", "#list-form");

    admin.date("holiday-form:date", DAY);
    admin.type("holiday-form:name", "Grand Duke's Birthday");
    admin.press("holiday-form:add");
    assertThat(admin.text(FIRST_ROW)).contains("Grand Duke's Birthday");
    assertThat(admin.text("#list-form\\:holidays")).doesNotContain("National Day");

    HttpResponse<String> listed =
        Courtesy.anonymous()
            .get("/api/v1/holidays?from=" + DAY, "collector", Courtesy.COLLECTOR_PASSWORD);
    assertThat(listed.body())
        .contains("\"country\":\"LU\"", "\"date\":\"2033-06-23\"", "Grand Duke's Birthday");

    admin.pressCss(FIRST_ROW + " [id$=':remove']");
    admin.pressCss("button.ui-confirmdialog-yes");
    assertThat(admin.text("#list-form\\:list-messages"))
        .contains("Grand Duke's Birthday (Luxembourg) is no longer a holiday");
    assertThat(admin.text("#list-form\\:holidays"))
        .contains("No holidays from this date on")
        .doesNotContain("Luxembourg");
    admin.screenshot("holiday-removed", "#list-form");
  }

  @Test
  void aCollectorCannotOpenTheCalendar() {
    HttpResponse<String> page =
        Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD).get("/admin/holidays.xhtml");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Not for your role").doesNotContain("holiday-form");
  }
}
