package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every answer tells the browser: a content security policy with a nonce per page, no content
 * sniffing, no referrer beyond our own pages, nothing stored in caches, and a session cookie that
 * stays on our own site; and who may read the metrics and the API's description.
 */
class ResponseHeadersIT {

  private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([^']+)'");
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>");
  private static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+=\"");

  @Test
  void pagesCarryAContentSecurityPolicyWhoseNonceEveryInlineScriptHas() {
    Courtesy collector = Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD);

    for (HttpResponse<String> page :
        List.of(Courtesy.anonymous().get("/login.xhtml"), collector.get("/work/"))) {
      String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      Matcher nonce = NONCE.matcher(policy);
      assertThat(nonce.find()).as("script-src with a nonce in %s", policy).isTrue();
      assertThat(policy)
          .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'")
          .doesNotContain("unsafe-eval")
          .doesNotContainPattern("script-src[^;]*'unsafe-inline'");
      Matcher script = INLINE_SCRIPT.matcher(page.body());
      int inline = 0;
      while (script.find()) {
        inline++;
        assertThat(script.group(1)).contains("nonce=\"" + nonce.group(1) + "\"");
      }
      assertThat(inline).as("inline scripts on %s", page.uri()).isPositive();
      assertThat(page.body()).doesNotContainPattern(INLINE_HANDLER);
    }
  }

  @Test
  void everyAnswerForbidsSniffingAndKeepsTheReferrerAtHome() {
    for (HttpResponse<String> answer :
        List.of(
            Courtesy.anonymous().get("/login.xhtml"),
            Courtesy.anonymous().get("/api/v1/me", "integration", Courtesy.INTEGRATION_PASSWORD),
            Courtesy.anonymous().get("/no-such-page"))) {
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }
  }

  @Test
  void signedInPagesApiAnswersAndExportsAreNeverStored() {
    Courtesy collector = Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD);
    Courtesy api = Courtesy.anonymous();
    String customer = customer();

    for (HttpResponse<String> answer :
        List.of(
            collector.get("/work/"),
            collector.get("/customers/"),
            api.get("/api/v1/me", "integration", Courtesy.INTEGRATION_PASSWORD),
            api.get(
                "/api/v1/customers/" + customer + "/dossier",
                "text/csv",
                "collector",
                Courtesy.COLLECTOR_PASSWORD))) {
      assertThat(answer.statusCode()).as("%s", answer.uri()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Cache-Control"))
          .as("Cache-Control of %s", answer.uri())
          .hasValue("no-store");
    }
    // The pages' scripts and styles are the same for everyone and may be cached.
    assertThat(
            api.get("/jakarta.faces.resource/core.js.xhtml?ln=primefaces")
                .headers()
                .firstValue("Cache-Control"))
        .hasValueSatisfying(cache -> assertThat(cache).doesNotContain("no-store"));
  }

  @Test
  void theSessionCookieIsSameSiteLaxAndNotSecureOverPlainHttp() {
    String cookie = sessionCookie(Courtesy.anonymous().get("/login.xhtml"));

    assertThat(cookie).contains("; HttpOnly", "SameSite=Lax").doesNotContain("Secure");
  }

  @Test
  void theSessionCookieIsSecureWhenAProxySaysTheBrowserCameOverHttps() {
    String forwardedProto =
        sessionCookie(
            Courtesy.anonymous().get("/login.xhtml", Map.of("X-Forwarded-Proto", "https")));
    String forwarded =
        sessionCookie(
            Courtesy.anonymous()
                .get("/login.xhtml", Map.of("Forwarded", "for=192.0.2.60;proto=https")));

    for (String cookie : List.of(forwardedProto, forwarded)) {
      assertThat(cookie).contains("; HttpOnly", "; Secure", "SameSite=Lax");
    }
  }

  @Test
  void metricsAreForTheServersOwnMachineOnly() {
    HttpResponse<String> local = Courtesy.anonymous().get("/metrics");
    HttpResponse<String> throughAProxy =
        Courtesy.anonymous().get("/metrics", Map.of("X-Forwarded-For", "192.0.2.60"));

    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(local.body()).contains("# TYPE");
    assertThat(throughAProxy.statusCode()).isEqualTo(403);
    assertThat(throughAProxy.body()).doesNotContain("# TYPE");
  }

  @Test
  void theApiDescriptionIsForSignedInCallers() {
    HttpResponse<String> anonymous = Courtesy.anonymous().get("/openapi");
    HttpResponse<String> integration =
        Courtesy.anonymous().get("/openapi", "integration", Courtesy.INTEGRATION_PASSWORD);
    HttpResponse<String> wrongPassword =
        Courtesy.anonymous().get("/openapi", "integration", "not-the-password");
    HttpResponse<String> collector =
        Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD).get("/openapi");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
    assertThat(anonymous.body()).doesNotContain("openapi:");
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    for (HttpResponse<String> signedIn : List.of(integration, collector)) {
      assertThat(signedIn.statusCode()).isEqualTo(200);
      assertThat(signedIn.body()).contains("openapi:", "title: Courtesy API", "url: /api/v1");
    }
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No session cookie from " + response.uri()));
  }

  /** A new customer of the integration's, for its dossier. */
  private static String customer() {
    String number = "H-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Courtesy.anonymous()
            .postJson(
                "/api/v1/customers",
                "{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"Hart Ltd\",\"country\":\"GB\",\"timeZone\":\"Europe/London\",\"locale\":\"en-GB\",\"currency\":\"GBP\"}"
                    .formatted(number, number),
                "integration",
                Courtesy.INTEGRATION_PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
    return number;
  }
}
