package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two people changing the same thing through the API at the same moment, each on a connection of
 * their own, each with the version it read in {@code If-Match}: one wins, the other gets {@code
 * 412} (its version is no longer the current one) saying who changed it and when, never a 500.
 */
class SimultaneousChangesIT {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  /** Ravel Textiles, with £600.00 overdue for 40 days and a case for it. */
  private LondonCustomer customer;

  @BeforeEach
  void aCustomerWithAnOverdueBalance() {
    customer =
        new LondonCustomer(
                "RT-" + tag, "Ravel Textiles " + tag, "Noor Haddad", "noor." + tag + "@example.org")
            .invoice("RV-" + tag, today.minusDays(40), "600.00");
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
  }

  @Test
  void ofTwoPromisesRecordedAtOnceTheSecondIsAConflictNamingWhoChangedTheCase() {
    long caseId = customer.caseId();
    String path = "/api/v1/cases/" + caseId;
    String version = api.version(path, "collector", Courtesy.COLLECTOR_PASSWORD);
    String promise =
        "{\"amount\":\"600.00\",\"date\":\"" + today.plusDays(5) + "\",\"note\":\"On the phone\"}";

    List<HttpResponse<String>> answers =
        atOnce(
            () ->
                api.postJsonIfMatch(
                    path + "/promises", promise, "collector", Courtesy.COLLECTOR_PASSWORD, version),
            () ->
                api.postJsonIfMatch(
                    path + "/promises", promise, "approver", Courtesy.APPROVER_PASSWORD, version));

    assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 412);
    HttpResponse<String> lost =
        answers.stream().filter(a -> a.statusCode() == 412).findFirst().orElseThrow();
    assertThat(lost.body()).containsPattern("This case was changed by (collector|approver) at ");
  }

  @Test
  void ofTwoDecisionsAtOnceTheSecondIsAConflictNamingWhoDecided() {
    HttpResponse<String> proposed =
        api.postJson(
            "/api/v1/arrangements",
            "{\"caseId\":"
                + customer.caseId()
                + ",\"kind\":\"INSTALMENTS\",\"invoices\":[\"RV-"
                + tag
                + "\"],\"reason\":\"A slow quarter\",\"count\":3,\"firstDate\":\""
                + today.plusDays(7)
                + "\",\"frequency\":\"MONTHLY\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    Matcher id = ID.matcher(proposed.body());
    assertThat(id.find()).isTrue();
    String path = "/api/v1/arrangements/" + id.group(1);
    String version = api.version(path, "approver", Courtesy.APPROVER_PASSWORD);

    List<HttpResponse<String>> answers =
        atOnce(
            () ->
                api.postJsonIfMatch(
                    path + "/approve",
                    "{\"note\":\"Fair\"}",
                    "approver",
                    Courtesy.APPROVER_PASSWORD,
                    version),
            () ->
                api.postJsonIfMatch(
                    path + "/reject",
                    "{\"note\":\"Too long\"}",
                    "approver",
                    Courtesy.APPROVER_PASSWORD,
                    version));

    assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 412);
    HttpResponse<String> lost =
        answers.stream().filter(a -> a.statusCode() == 412).findFirst().orElseThrow();
    assertThat(lost.body()).contains("This arrangement was changed by approver at ");
  }

  /** Both requests at the same moment, each on a thread of its own. */
  @SafeVarargs
  private static List<HttpResponse<String>> atOnce(Supplier<HttpResponse<String>>... requests) {
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
    for (Supplier<HttpResponse<String>> request : requests) {
      running.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return request.get();
              }));
    }
    start.countDown();
    return running.stream().map(CompletableFuture::join).toList();
  }
}
