package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every area and endpoint checks the caller on the server. */
class SecurityIT {

  @Test
  void apiWithoutCredentialsIsChallengedForBasicAuthentication() {
    HttpResponse<String> response = Courtesy.anonymous().get("/api/v1/me");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void apiWithAWrongPasswordIsRefusedEvenRightAfterTheRightOne() {
    Courtesy api = Courtesy.anonymous();
    assertThat(api.get("/api/v1/me", "integration", Courtesy.INTEGRATION_PASSWORD).statusCode())
        .isEqualTo(200);

    HttpResponse<String> response = api.get("/api/v1/me", "integration", "not-the-password");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("username or password is not correct");
  }

  @Test
  void integrationAccountIsKnownToTheApiAndGetsNoSession() {
    HttpResponse<String> response =
        Courtesy.anonymous().get("/api/v1/me", "integration", Courtesy.INTEGRATION_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"username\":\"integration\"", "\"roles\":[\"integration\"]");
    assertThat(response.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("JSESSIONID"));
  }

  @Test
  void integrationAccountMayNotManageUsers() {
    HttpResponse<String> response =
        Courtesy.anonymous().get("/api/v1/users", "integration", Courtesy.INTEGRATION_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("does not have a role");
  }

  @Test
  void pagesSendVisitorsToTheLoginPageAndBack() {
    HttpResponse<String> response = Courtesy.anonymous().get("/work/");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).endsWith("/login.xhtml?next=%2Fwork%2F"));
  }

  @Test
  void collectorOnAnAdminUrlGetsForbiddenNotThePage() {
    Courtesy collector = Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD);

    HttpResponse<String> response = collector.get("/admin/");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("Not for your role").doesNotContain("id=\"users\"");
  }

  @Test
  void collectorIsNotAnApprover() {
    Courtesy collector = Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD);

    assertThat(collector.get("/approvals/").statusCode()).isEqualTo(403);
    assertThat(collector.get("/work/").statusCode()).isEqualTo(200);
  }

  @Test
  void adminOpensTheAdministration() {
    Courtesy admin = Courtesy.signedIn("admin", Courtesy.ADMIN_PASSWORD);

    HttpResponse<String> response = admin.get("/admin/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Administration", "collector", "approver");
  }

  @Test
  void unknownPagesGetTheNotFoundPage() {
    HttpResponse<String> response = Courtesy.anonymous().get("/no-such-page.xhtml");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Page not found");
  }
}
