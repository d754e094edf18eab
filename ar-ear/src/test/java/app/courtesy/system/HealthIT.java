package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What a load balancer or an operator asks of a running instance. */
class HealthIT {

  @Test
  void readyWhenTheDatabaseAnswersAndTheSchemaIsCurrent() {
    HttpResponse<String> response = Courtesy.anonymous().get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"UP\"", "\"name\":\"database\"", "\"pendingMigrations\":\"0\"");
  }

  @Test
  void sendingStaysUpAndSaysHowItGoes() {
    HttpResponse<String> response = Courtesy.anonymous().get("/health/ready");

    assertThat(response.body())
        .containsPattern(
            "\\{\"name\":\"sending\",\"status\":\"UP\",\"data\":\\{[^}]*\"state\":\"(OK|DEGRADED)\"");
  }

  @Test
  void aliveWhileTheHeapHasRoom() {
    HttpResponse<String> response = Courtesy.anonymous().get("/health/live");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"", "\"name\":\"heap\"");
  }

  @Test
  void pagesAndApiAnswersSayHowLongTheServerWorkedOnThem() {
    Courtesy collector = Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> page = collector.get("/invoices/");
    HttpResponse<String> api =
        Courtesy.anonymous().get("/api/v1/me", "integration", Courtesy.INTEGRATION_PASSWORD);

    for (HttpResponse<String> response : java.util.List.of(page, api)) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Server-Timing"))
          .hasValueSatisfying(timing -> assertThat(timing).matches("app;dur=\\d+\\.\\d"));
    }
  }
}
