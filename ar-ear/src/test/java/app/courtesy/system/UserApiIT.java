package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An administrator adds users through the REST API; bad input is named field by field. */
class UserApiIT {

  private final Courtesy api = Courtesy.anonymous();

  @Test
  void adminAddsACollectorWhoCanThenSignIn() {
    String username = "collector-" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> created =
        api.postJson(
            "/api/v1/users",
            "{\"username\":\""
                + username
                + "\",\"displayName\":\"Robin Hart\","
                + "\"password\":\"a-long-enough-secret\",\"roles\":[\"collector\"]}",
            "admin",
            Courtesy.ADMIN_PASSWORD);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValue(Courtesy.URL + "/api/v1/users/" + username);
    assertThat(created.body())
        .contains("\"displayName\":\"Robin Hart\"", "\"createdBy\":\"admin\"")
        .doesNotContain("a-long-enough-secret");

    HttpResponse<String> me = api.get("/api/v1/me", username, "a-long-enough-secret");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"roles\":[\"collector\"]");
  }

  @Test
  void aTakenUsernameIsAConflict() {
    HttpResponse<String> response =
        api.postJson(
            "/api/v1/users",
            "{\"username\":\"approver\",\"displayName\":\"Someone Else\","
                + "\"password\":\"a-long-enough-secret\",\"roles\":[\"approver\"]}",
            "admin",
            Courtesy.ADMIN_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("approver is already taken");
  }

  @Test
  void invalidFieldsAreNamedTogether() {
    HttpResponse<String> response =
        api.postJson(
            "/api/v1/users",
            "{\"username\":\"Not Valid\",\"displayName\":\" \",\"password\":\"short\","
                + "\"roles\":[\"collector\",\"boss\"]}",
            "admin",
            Courtesy.ADMIN_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains(
            "\"field\":\"username\"",
            "\"field\":\"displayName\"",
            "\"field\":\"password\"",
            "\"field\":\"roles[1]\"");
    assertThat(
            api.get("/api/v1/users/not valid".replace(" ", "%20"), "admin", Courtesy.ADMIN_PASSWORD)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequest() {
    HttpResponse<String> response =
        api.postJson("/api/v1/users", "username=robin", "admin", Courtesy.ADMIN_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("not valid JSON");
  }

  @Test
  void onlyAdminsMayAddUsers() {
    HttpResponse<String> response =
        api.postJson(
            "/api/v1/users",
            "{\"username\":\"sneaky\",\"displayName\":\"Sneaky\","
                + "\"password\":\"a-long-enough-secret\",\"roles\":[\"admin\"]}",
            "integration",
            Courtesy.INTEGRATION_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(api.get("/api/v1/users/sneaky", "admin", Courtesy.ADMIN_PASSWORD).statusCode())
        .isEqualTo(404);
  }
}
