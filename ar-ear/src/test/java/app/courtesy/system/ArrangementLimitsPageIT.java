package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator sets how far arrangements may go and what each approver may approve: a limit is
 * added, refused while it has decimals its currency lacks, changed and removed; limits out of range
 * are refused, and another administrator's save in between is shown without losing what was typed.
 */
class ArrangementLimitsPageIT {

  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
  private static final Pattern NOTICE = Pattern.compile("\"noticeGraceDays\":(\\d+)");

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
  void anApproverIsGivenALimitWhichIsChangedAndRemoved() {
    String approver = newApprover();
    String row = "#limit-" + approver + "-JPY";

    admin.go("/admin/index.xhtml");
    admin.click("open-arrangements");
    assertThat(admin.title()).startsWith("Payment arrangements");
    assertThat(admin.text("#limits-explained")).contains("Nobody decides their own proposal");
    assertThat(admin.text("#limit-approver-EUR")).contains("EUR", "€25,000.00", "set by demo");
    admin.screenshot("arrangements");
    admin.screenshot("arrangements-approvers", "#approvers-panel");

    admin.press("approvers-form:add-limit");
    admin.await("#limit-dialog", Duration.ofSeconds(5));
    admin.choose("limit-form:limit-approver", approver);
    admin.type("limit-form:limit-currency", "jpy");
    admin.type("limit-form:limit-amount", "3000000.5");
    admin.press("limit-form:save");
    assertThat(admin.text("#limit-form")).contains("JPY amounts have no decimal places");
    admin.screenshot("limit-refused");

    admin.type("limit-form:limit-amount", "3000000");
    admin.press("limit-form:save");
    assertThat(admin.text("#approvers-form\\:approvers-messages"))
        .contains("Robin " + approver + " may now approve proposals of up to ¥3,000,000 in JPY.");
    assertThat(admin.text(row)).contains("¥3,000,000", "set by admin");
    admin.screenshot("limit-added", "#approvers-panel");

    admin.pressCss(row + " [id$=':change']");
    admin.await("#limit-dialog", Duration.ofSeconds(5));
    assertThat(admin.text("#limit-title")).isEqualTo("Change an approval limit");
    assertThat(admin.value("limit-form:limit-amount")).isEqualTo("3000000");
    admin.screenshot("limit-change-dialog");
    admin.type("limit-form:limit-amount", "2500000");
    admin.press("limit-form:save");
    assertThat(admin.text(row)).contains("¥2,500,000");

    admin.pressCss(row + " [id$=':remove']");
    admin.pressCss("button.ui-confirmdialog-yes");
    assertThat(admin.text("#approvers-form\\:approvers-messages"))
        .contains("no longer approves proposals in JPY");
    assertThat(admin.has(row)).isFalse();
    assertThat(admin.text("#change-list")).contains("¥2,500,000", "none");
    admin.screenshot("limit-removed", "#approvers-panel");
    admin.screenshot("limit-changes", "#changes");
  }

  @Test
  void limitsOutOfRangeAreRefusedAndAnotherSaveInBetweenLosesNothing() {
    admin.go("/admin/arrangements.xhtml");
    String maxInstalments = admin.value("settings:max-instalments_input");

    admin.number("settings:max-instalments", "1");
    admin.press("settings:save");
    assertThat(admin.text("#settings\\:settings-messages"))
        .contains("Most instalments in a plan: must be 2 or more");
    admin.screenshot("settings-refused", "#settings");

    // meanwhile another administrator gives customers a day more before "we noticed"
    HttpResponse<String> read =
        Courtesy.anonymous().get("/api/v1/arrangement-settings", "admin", Courtesy.ADMIN_PASSWORD);
    int notice = Integer.parseInt(find(NOTICE, read.body()));
    HttpResponse<String> theirs =
        Courtesy.anonymous()
            .putJsonIfMatch(
                "/api/v1/arrangement-settings",
                read.body()
                    .replaceAll(",\"updated.*", "}")
                    .replaceFirst(
                        "\"noticeGraceDays\":\\d+", "\"noticeGraceDays\":" + (notice + 1)),
                "admin",
                Courtesy.ADMIN_PASSWORD,
                find(VERSION, read.body()));
    assertThat(theirs.statusCode()).isEqualTo(200);

    admin.number("settings:max-instalments", "10");
    admin.press("settings:save");
    assertThat(admin.text("#settings\\:settings-messages")).contains("while you were editing");
    assertThat(admin.text("#settings")).contains("Saved now: " + (notice + 1));
    assertThat(admin.value("settings:max-instalments_input")).isEqualTo("10");
    admin.screenshot("settings-conflict", "#settings");

    // saving again puts this administrator's values in place, theirs included
    admin.press("settings:save");
    assertThat(admin.text("#settings\\:settings-messages")).contains("Saved.");
    assertThat(admin.text("#settings-status")).contains("Last changed by admin");
    admin.go("/admin/arrangements.xhtml");
    assertThat(admin.value("settings:max-instalments_input")).isEqualTo("10");
    assertThat(admin.value("settings:notice-grace-days_input")).isEqualTo(String.valueOf(notice));

    admin.number("settings:max-instalments", maxInstalments);
    admin.press("settings:save");
    assertThat(admin.text("#settings\\:settings-messages")).contains("Saved.");
  }

  /** An approver of this test's own, named Robin and their username. */
  private static String newApprover() {
    String username = "approver-" + UUID.randomUUID().toString().substring(0, 8);
    Courtesy.createAccount(username, "Robin " + username, "a-long-enough-secret", "approver");
    return username;
  }

  private static String find(Pattern pattern, String json) {
    Matcher matcher = pattern.matcher(json);
    assertThat(matcher.find()).as("%s in %s", pattern, json).isTrue();
    return matcher.group(1);
  }
}
