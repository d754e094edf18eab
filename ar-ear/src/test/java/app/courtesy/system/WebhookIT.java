package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An ERP subscribes over the API and learns of a collector's dispute and a promise the customer
 * made, at its own endpoint on 127.0.0.1: signed with the secret it was given, retried while the
 * endpoint is down and while it answers 503, and delivered once it is well, each event under one id
 * however often it came. Time moves by the server's clock, never by waiting.
 */
class WebhookIT {

  private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern EVENT_ID = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final List<Long> subscriptions = new ArrayList<>();

  @AfterEach
  void unsubscribeAndPutTheClockBack() {
    subscriptions.forEach(
        id ->
            api.exchange(
                "DELETE",
                "/api/v1/webhooks/subscriptions/" + id,
                "admin",
                Courtesy.ADMIN_PASSWORD,
                "",
                java.net.http.HttpRequest.BodyPublishers.noBody()));
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void anErpThatWasDownLearnsEveryEventOnceItIsBackEachUnderOneId() throws Exception {
    try (ErpEndpoint erp = new ErpEndpoint(28520)) {
      String secret = subscribe(erp.url(), "dispute.opened", "promise.recorded");
      LocalDate today = ServerDays.today(ServerDays.zone());
      String disputed = "WD-" + tag;
      String promised = "WP-" + tag;
      LondonCustomer customer =
          new LondonCustomer(
                  "KW-" + tag,
                  "Hollowbrook Tiles " + tag,
                  "Ada Quill",
                  "ada." + tag + "@example.org")
              .invoice(disputed, today.minusDays(40), "720.00")
              .invoice(promised, today.minusDays(35), "300.00");
      review();
      long caseId = customer.caseId();

      // the collector records the customer's dispute, then their promise for the other invoice
      HttpResponse<String> dispute =
          api.postJsonIfMatch(
              "/api/v1/cases/" + caseId + "/disputes",
              "{\"invoices\":[\"" + disputed + "\"],\"reason\":\"PRICING\"}",
              "collector",
              Courtesy.COLLECTOR_PASSWORD,
              caseVersion(caseId));
      assertThat(dispute.statusCode()).as(dispute.body()).isEqualTo(201);
      HttpResponse<String> promise =
          api.postJsonIfMatch(
              "/api/v1/cases/" + caseId + "/promises",
              "{\"amount\":\"300.00\",\"date\":\""
                  + today.plusDays(5)
                  + "\",\"invoices\":[\""
                  + promised
                  + "\"]}",
              "collector",
              Courtesy.COLLECTOR_PASSWORD,
              caseVersion(caseId));
      assertThat(promise.statusCode()).as(promise.body()).isEqualTo(201);

      // the ERP's endpoint is down: nobody listens on its port
      Instant start = ServerDays.now();
      assertThat(send()).contains("\"claimed\":2", "\"failed\":2");
      assertThat(deliveries("PENDING")).isEqualTo(2);

      // a minute later it is up but failing
      erp.answering(503).start();
      ServerDays.moveClock(start.plus(Duration.ofSeconds(61)));
      assertThat(send()).contains("\"claimed\":2", "\"failed\":2");

      // two minutes after that it is well again
      erp.answering(200);
      ServerDays.moveClock(start.plus(Duration.ofMinutes(4)));
      assertThat(send()).contains("\"claimed\":2", "\"delivered\":2");
      // and later nothing goes again
      ServerDays.moveClock(start.plus(Duration.ofHours(2)));
      assertThat(send()).contains("\"claimed\":0");

      List<ErpEndpoint.Post> posts = erp.posts();
      assertThat(posts).hasSize(4);
      posts.forEach(post -> ErpEndpoint.requireSigned(post, secret));
      Map<String, List<ErpEndpoint.Post>> byEvent =
          posts.stream()
              .collect(
                  Collectors.groupingBy(
                      p -> p.header("Courtesy-Event-Id"), LinkedHashMap::new, Collectors.toList()));
      assertThat(byEvent).hasSize(2);
      byEvent.forEach(
          (eventId, tries) -> {
            assertThat(tries).extracting(ErpEndpoint.Post::body).containsOnly(tries.get(0).body());
            assertThat(eventIdOf(tries.get(0).body())).isEqualTo(eventId);
            assertThat(tries).filteredOn(ErpEndpoint.Post::accepted).hasSize(1);
          });
      assertThat(posts)
          .filteredOn(ErpEndpoint.Post::accepted)
          .extracting(p -> p.header("Courtesy-Event-Type"))
          .containsExactlyInAnyOrder("dispute.opened", "promise.recorded");
      assertThat(bodyOf(posts, "dispute.opened"))
          .contains(
              "\"customerNumber\":\"" + customer.number() + "\"",
              "\"invoiceNumber\":\"" + disputed + "\"",
              "\"reason\":\"PRICING\"");
      assertThat(bodyOf(posts, "promise.recorded"))
          .contains(
              "\"amount\":{\"amount\":\"300.00\",\"currency\":\"GBP\"}",
              "\"invoices\":[\"" + promised + "\"]");

      assertThat(deliveries("DELIVERED")).isEqualTo(2);
      assertThat(deliveries("PENDING")).isZero();
    }
  }

  @Test
  void aSubscriptionIsReadChangedWithItsVersionAndNeverShowsItsSecretAgain() {
    String secret = subscribe("http://127.0.0.1:28521/erp", "charge.raised");
    long id = subscriptions.get(0);
    String path = "/api/v1/webhooks/subscriptions/" + id;

    HttpResponse<String> read = api.get(path, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("\"eventTypes\":[\"charge.raised\"]").doesNotContain(secret);
    String version = read.headers().firstValue("ETag").orElseThrow().replace("\"", "");

    String change =
        "{\"url\":\"https://erp.example.com/events\","
            + "\"eventTypes\":[\"charge.raised\",\"charge.waived\"],\"active\":true}";
    HttpResponse<String> changed =
        api.putJsonIfMatch(path, change, "integration", Courtesy.INTEGRATION_PASSWORD, version);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(changed.body())
        .contains("\"eventTypes\":[\"charge.raised\",\"charge.waived\"]", "erp.example.com");

    // the same change on the version read before is refused: someone changed it since
    HttpResponse<String> stale =
        api.putJsonIfMatch(path, change, "integration", Courtesy.INTEGRATION_PASSWORD, version);
    assertThat(stale.statusCode()).isEqualTo(412);

    HttpResponse<String> unknown =
        api.postJson(
            "/api/v1/webhooks/subscriptions",
            "{\"url\":\"ftp://erp\",\"eventTypes\":[\"promise.kept\",\"invoice.paid\"]}",
            "admin",
            Courtesy.ADMIN_PASSWORD);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("\"field\":\"eventTypes[1]\"");

    HttpResponse<String> list =
        api.get("/api/v1/webhooks/subscriptions", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(list.body()).contains("\"items\":[").doesNotContain(secret);
    HttpResponse<String> types =
        api.get("/api/v1/webhooks/event-types", "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(types.body()).contains("\"id\":\"contact.opted_out\"", "\"example\":{");
    HttpResponse<String> tooMany =
        api.get("/api/v1/webhooks/deliveries?limit=500", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("\"field\":\"limit\"");
    assertThat(
            api.get("/api/v1/webhooks/subscriptions", "collector", Courtesy.COLLECTOR_PASSWORD)
                .statusCode())
        .isEqualTo(403);
  }

  /** Subscribes as the ERP's integration account: the secret, shown this once. */
  private String subscribe(String url, String... types) {
    HttpResponse<String> created =
        api.postJson(
            "/api/v1/webhooks/subscriptions",
            "{\"url\":\""
                + url
                + "\",\"eventTypes\":["
                + java.util.Arrays.stream(types)
                    .map(t -> "\"" + t + "\"")
                    .collect(Collectors.joining(","))
                + "],\"description\":\"ERP "
                + tag
                + "\"}",
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher id = ID.matcher(created.body());
    assertThat(id.find()).isTrue();
    subscriptions.add(Long.parseLong(id.group(1)));
    Matcher secret = SECRET.matcher(created.body());
    assertThat(secret.find()).isTrue();
    return secret.group(1);
  }

  /** Posts what is due now, as the minute's timer would. */
  private String send() {
    HttpResponse<String> sent =
        api.postJson("/api/v1/webhooks/deliveries/send", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    return sent.body();
  }

  /** How many of this test's subscription's deliveries are {@code status}. */
  private int deliveries(String status) {
    HttpResponse<String> listed =
        api.get(
            "/api/v1/webhooks/deliveries?subscription="
                + subscriptions.get(0)
                + "&status="
                + status,
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    return occurrences(listed.body(), "\"status\":\"" + status + "\"");
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  private String caseVersion(long caseId) {
    return api.version("/api/v1/cases/" + caseId, "collector", Courtesy.COLLECTOR_PASSWORD);
  }

  private void review() {
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
  }

  private static String eventIdOf(String body) {
    Matcher id = EVENT_ID.matcher(body);
    assertThat(id.find()).as(body).isTrue();
    return id.group(1);
  }

  private static String bodyOf(List<ErpEndpoint.Post> posts, String type) {
    return posts.stream()
        .filter(p -> type.equals(p.header("Courtesy-Event-Type")))
        .findFirst()
        .orElseThrow()
        .body();
  }
}
