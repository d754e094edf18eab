package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Anyone signed in opens the API reference from the footer: Swagger UI shows the OpenAPI document
 * the server serves, its title and its operations by tag, under the pages' script policy (no inline
 * script). Signed out, the page asks to sign in first.
 */
class ApiReferencePageIT {

  private Browser collector;

  @AfterEach
  void close() {
    Browser.closeAll(collector);
  }

  @Test
  void aSignedInCollectorReadsTheApiReference() {
    collector = Browser.open();
    collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);

    collector.click("api-reference");
    collector.await(".swagger-ui .info .title", Duration.ofSeconds(20));
    collector.await(".swagger-ui .opblock-tag", Duration.ofSeconds(20));

    assertThat(collector.title()).startsWith("API reference");
    assertThat(collector.text(".swagger-ui .info .title")).contains("Courtesy API", "1.0");
    assertThat(collector.text(".swagger-ui")).contains("Customers", "Invoices", "Payments");
    collector.screenshot("api-reference", "#swagger-ui");
  }

  @Test
  void signedOutThePageAsksToSignIn() {
    HttpResponse<String> page = Courtesy.signedOut().get("/api-docs/index.xhtml");

    assertThat(page.body()).doesNotContain("swagger-ui-bundle");
    assertThat(page.statusCode()).isIn(200, 302, 303);
  }
}
