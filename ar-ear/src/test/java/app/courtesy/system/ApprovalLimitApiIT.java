package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An integration sets what approvers may approve and how far arrangements may go; bad input is
 * named field by field, a stale version is a conflict, and only administrators may do it.
 */
class ApprovalLimitApiIT {

  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

  private final Courtesy api = Courtesy.anonymous();

  @Test
  void theDemoApproverMayApproveInEveryCurrencyOfTheBookAndTheAdminInNone() {
    HttpResponse<String> list =
        api.get("/api/v1/approval-limits", "admin", Courtesy.ADMIN_PASSWORD);

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains(
            "\"approver\":true,\"displayName\":\"Avery Lindqvist\"",
            "{\"amount\":\"25000.00\",\"currency\":\"CAD\",\"updatedAt\"",
            "{\"amount\":\"25000.00\",\"currency\":\"EUR\",\"updatedAt\"",
            "{\"amount\":\"25000.00\",\"currency\":\"GBP\",\"updatedAt\"",
            "{\"amount\":\"25000.00\",\"currency\":\"USD\",\"updatedAt\"")
        .doesNotContain("\"username\":\"admin\"");
    assertThat(
            api.get("/api/v1/approval-limits", "approver", Courtesy.APPROVER_PASSWORD).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aLimitIsSetChangedAndRemoved() {
    String approver = newUser("approver");
    String path = "/api/v1/approval-limits/" + approver + "/jpy";

    HttpResponse<String> set = put(path, "{\"amount\":\"3000000\"}");
    HttpResponse<String> changed = put(path, "{\"amount\":\"2500000\"}");

    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.body()).contains("\"amount\":\"3000000\"", "\"currency\":\"JPY\"");
    assertThat(changed.body()).contains("\"amount\":\"2500000\"", "\"updatedBy\":\"admin\"");
    assertThat(api.get("/api/v1/approval-limits", "admin", Courtesy.ADMIN_PASSWORD).body())
        .contains(
            "\"username\":\"" + approver + "\"", "{\"amount\":\"2500000\",\"currency\":\"JPY\"");

    assertThat(api.delete(path, "admin", Courtesy.ADMIN_PASSWORD).statusCode()).isEqualTo(204);
    assertThat(api.delete(path, "admin", Courtesy.ADMIN_PASSWORD).statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIsNamedFieldByField() {
    String approver = newUser("approver");
    String collector = newUser("collector");

    HttpResponse<String> negative =
        put("/api/v1/approval-limits/" + approver + "/EUR", "{\"amount\":\"-1\"}");
    HttpResponse<String> decimals =
        put("/api/v1/approval-limits/" + approver + "/EUR", "{\"amount\":\"10.001\"}");
    HttpResponse<String> currency =
        put("/api/v1/approval-limits/" + approver + "/EU", "{\"amount\":\"100\"}");
    HttpResponse<String> notAnApprover =
        put("/api/v1/approval-limits/" + collector + "/EUR", "{\"amount\":\"100\"}");
    HttpResponse<String> missing = put("/api/v1/approval-limits/" + approver + "/EUR", "{}");

    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body())
        .contains("{\"field\":\"amount\",\"message\":\"must not be negative\"}");
    assertThat(decimals.body())
        .contains("\"field\":\"amount\"", "EUR amounts have at most 2 decimal places");
    assertThat(currency.body())
        .contains("\"field\":\"currency\"", "EU is not an ISO currency code");
    assertThat(notAnApprover.body()).contains("\"field\":\"approver\"", "is not an approver");
    assertThat(missing.body()).contains("\"field\":\"amount\"");
    assertThat(api.get("/api/v1/approval-limits", "admin", Courtesy.ADMIN_PASSWORD).body())
        .contains("\"approver\":true,\"displayName\":\"" + approver + "\",\"limits\":[]");
  }

  @Test
  void theSettingsChangeOnlyAsRead() {
    HttpResponse<String> read =
        api.get("/api/v1/arrangement-settings", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(read.statusCode()).isEqualTo(200);
    String version = version(read.body());
    String body = read.body().replaceAll(",\"updated.*", "}").replaceAll(",\"version\":\\d+", "");

    HttpResponse<String> withoutVersion =
        api.putJson("/api/v1/arrangement-settings", body, "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> incomplete =
        api.putJsonIfMatch(
            "/api/v1/arrangement-settings",
            "{\"maxInstalments\":1}",
            "admin",
            Courtesy.ADMIN_PASSWORD,
            version);
    HttpResponse<String> saved =
        api.putJsonIfMatch(
            "/api/v1/arrangement-settings", body, "admin", Courtesy.ADMIN_PASSWORD, version);
    HttpResponse<String> stale =
        api.putJsonIfMatch(
            "/api/v1/arrangement-settings", body, "admin", Courtesy.ADMIN_PASSWORD, version);

    assertThat(withoutVersion.statusCode()).isEqualTo(400);
    assertThat(withoutVersion.body()).contains("If-Match");
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body())
        .contains("\"field\":\"maxPlanDays\",\"message\":\"must be given\"");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("\"updatedBy\":\"admin\"");
    assertThat(Long.parseLong(version(saved.body()))).isEqualTo(Long.parseLong(version) + 1);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.body()).contains("changed by admin");
    assertThat(
            api.putJsonIfMatch(
                    "/api/v1/arrangement-settings",
                    body.replaceFirst("\"maxInstalments\":\\d+", "\"maxInstalments\":1"),
                    "admin",
                    Courtesy.ADMIN_PASSWORD,
                    version(saved.body()))
                .body())
        .contains("{\"field\":\"maxInstalments\",\"message\":\"must be 2 or more\"}");
  }

  private HttpResponse<String> put(String path, String json) {
    return api.putJson(path, json, "admin", Courtesy.ADMIN_PASSWORD);
  }

  private String newUser(String role) {
    String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    Courtesy.createAccount(username, username, "a-long-enough-secret", role);
    return username;
  }

  private static String version(String json) {
    Matcher matcher = VERSION.matcher(json);
    assertThat(matcher.find()).as("a version in %s", json).isTrue();
    return matcher.group(1);
  }
}
