package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every action a person takes on a page, taken over the API with the same roles, rules and
 * conflicts: a customer's pause and its end, a dispute decided, a reminder policy created and
 * changed, a template previewed and activated, reminders paused for everyone and resumed. A change
 * names the version it read in {@code If-Match}; a version someone else changed since is a 412.
 */
class ActionsApiIT {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern VERSION = Pattern.compile("\"version\":\"?(\\w+)\"?");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final LocalDate today = LocalDate.now();

  @Test
  void aCustomerIsPausedAndResumedAsOnTheCasePage() {
    String invoice = "AP-" + tag;
    LondonCustomer customer =
        new LondonCustomer(
                "KP-" + tag, "Hollybrook Farm " + tag, "Tom Reed", "tom." + tag + "@example.org")
            .invoice(invoice, today.minusDays(25), "310.00");
    review();

    // the ERP finds the customer's case by the customer
    HttpResponse<String> found =
        api.get(
            "/api/v1/customers/" + customer.number() + "/case",
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    long caseId = Long.parseLong(first(ID, found.body()));
    String version = found.headers().firstValue("ETag").orElseThrow().replace("\"", "");
    assertThat(caseId).isEqualTo(customer.caseId());

    String pause = "{\"until\":\"" + today.plusDays(7) + "\",\"reason\":\"Payment run on Friday\"}";
    HttpResponse<String> byIntegration =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/pause",
            pause,
            "integration",
            Courtesy.INTEGRATION_PASSWORD,
            version);
    HttpResponse<String> stale =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/pause",
            pause,
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            String.valueOf(Long.parseLong(version) - 1));
    HttpResponse<String> tooLong =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/pause",
            "{\"until\":\"" + today.plusYears(2) + "\",\"reason\":\"Later\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            version);
    HttpResponse<String> paused =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/pause",
            pause,
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            version);

    assertThat(byIntegration.statusCode()).as("a feed does not pause chasing").isEqualTo(403);
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
    assertThat(stale.body()).contains("while you were editing");
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(422);
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(read("/api/v1/invoices/" + invoice))
        .contains(
            "\"holds\":[{\"by\":\"collector\",\"kind\":\"PAUSED\","
                + "\"reason\":\"Payment run on Friday\",\"until\":\""
                + today.plusDays(7)
                + "\"}]");
    assertThat(read("/api/v1/customers/" + customer.number()))
        .contains("\"remindersPausedUntil\":\"" + today.plusDays(7) + "\"");

    HttpResponse<String> resumed =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/pause/end",
            "{\"reason\":\"Their payment run was cancelled\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            api.version("/api/v1/cases/" + caseId, "collector", Courtesy.COLLECTOR_PASSWORD));
    HttpResponse<String> again =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/pause/end",
            "{\"reason\":\"Twice\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            api.version("/api/v1/cases/" + caseId, "collector", Courtesy.COLLECTOR_PASSWORD));

    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    assertThat(again.statusCode()).as("chasing is no longer paused").isEqualTo(422);
    assertThat(read("/api/v1/invoices/" + invoice)).contains("\"holds\":[]");
    // both show on the customer's log, newest first
    String log =
        read(
            "/api/v1/communication-log?customer="
                + customer.number()
                + "&channel=NOTE&from="
                + today
                + "&to="
                + today);
    assertThat(log.indexOf("Chasing resumed"))
        .isPositive()
        .isLessThan(log.indexOf("Chasing paused"));
    assertThat(
            read(
                "/api/v1/communication-log?customer="
                    + customer.number()
                    + "&channel=NOTE&direction=OUT"))
        .as("a note is nothing sent to the customer")
        .contains("\"items\":[]");
    assertThat(
            read(
                "/api/v1/communication-log?customer="
                    + customer.number()
                    + "&from="
                    + today.plusDays(1)))
        .contains("\"items\":[]");

    // the template in use, rendered for this customer as a collector's draft would be
    HttpResponse<String> preview =
        api.postJson(
            "/api/v1/templates/FRIENDLY/en/preview?customer=" + customer.number(),
            "",
            "admin",
            Courtesy.ADMIN_PASSWORD);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body()).contains("Tom Reed", invoice, "310.00");
  }

  @Test
  void aDisputeIsDecidedAsOnTheCasePage() {
    String rejected = "DR-" + tag;
    String upheld = "DU-" + tag;
    LondonCustomer customer =
        new LondonCustomer(
                "KR-" + tag, "Wrenfield Mills " + tag, "Ivy Dale", "ivy." + tag + "@example.org")
            .invoice(rejected, today.minusDays(30), "400.00")
            .invoice(upheld, today.minusDays(30), "150.00");
    review();
    long caseId = customer.caseId();
    HttpResponse<String> opened =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/disputes",
            "{\"invoices\":[\""
                + rejected
                + "\",\""
                + upheld
                + "\"],\"reason\":\"PRICING\",\"note\":\"Not the price quoted.\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            api.version("/api/v1/cases/" + caseId, "collector", Courtesy.COLLECTOR_PASSWORD));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    long toReject = disputeOf(customer, rejected);
    long toUphold = disputeOf(customer, upheld);
    String version =
        api.version("/api/v1/disputes/" + toReject, "collector", Courtesy.COLLECTOR_PASSWORD);

    String reject = "{\"resolution\":\"REJECTED\",\"note\":\"The quote says 400.00.\"}";
    HttpResponse<String> byIntegration =
        api.postJsonIfMatch(
            "/api/v1/disputes/" + toReject + "/resolution",
            reject,
            "integration",
            Courtesy.INTEGRATION_PASSWORD,
            version);
    HttpResponse<String> withoutNote =
        api.postJsonIfMatch(
            "/api/v1/disputes/" + toReject + "/resolution",
            "{\"resolution\":\"REJECTED\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            version);
    HttpResponse<String> cleared =
        api.postJsonIfMatch(
            "/api/v1/disputes/" + toReject + "/resolution",
            "{\"resolution\":\"CLEARED\",\"note\":\"Gone\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            version);
    HttpResponse<String> decided =
        api.postJsonIfMatch(
            "/api/v1/disputes/" + toReject + "/resolution",
            reject,
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            version);
    HttpResponse<String> stale =
        api.postJsonIfMatch(
            "/api/v1/disputes/" + toReject + "/resolution",
            reject,
            "approver",
            Courtesy.APPROVER_PASSWORD,
            version);

    assertThat(byIntegration.statusCode()).isEqualTo(403);
    assertThat(withoutNote.statusCode()).isEqualTo(400);
    assertThat(withoutNote.body()).contains("\"field\":\"note\"");
    assertThat(cleared.statusCode()).as("only the ERP clears").isEqualTo(422);
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(decided.body())
        .contains("\"resolution\":\"REJECTED\"", "\"resolvedBy\":\"collector\"");
    assertThat(stale.statusCode()).as("decided since it was read").isEqualTo(412);
    assertThat(read("/api/v1/invoices/" + rejected))
        .contains("\"status\":\"OPEN\"", "\"disputed\":false");

    // an approver upholds the other: what was open is credited, and the credit note reads back
    HttpResponse<String> credited =
        api.postJsonIfMatch(
            "/api/v1/disputes/" + toUphold + "/resolution",
            "{\"resolution\":\"UPHELD\",\"note\":\"Quoted at 0.\"}",
            "approver",
            Courtesy.APPROVER_PASSWORD,
            api.version("/api/v1/disputes/" + toUphold, "approver", Courtesy.APPROVER_PASSWORD));
    assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
    assertThat(read("/api/v1/invoices/" + upheld)).contains("\"status\":\"PAID\"");
    assertThat(read("/api/v1/credit-notes/CN-DSP-" + toUphold))
        .contains("\"amount\":\"150.00\"", "\"invoiceNumber\":\"" + upheld + "\"");
  }

  @Test
  void aReminderPolicyIsCreatedReadAndChangedByAnAdministrator() {
    String name = "Key accounts " + tag;
    String path =
        "/api/v1/reminder-policies/"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    HttpResponse<String> byCollector =
        api.postJson(
            "/api/v1/reminder-policies",
            "{\"name\":\"" + name + "\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> created =
        api.postJson(
            "/api/v1/reminder-policies",
            "{\"name\":\"" + name + "\"}",
            "admin",
            Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> twice =
        api.postJson(
            "/api/v1/reminder-policies",
            "{\"name\":\"" + name + "\"}",
            "admin",
            Courtesy.ADMIN_PASSWORD);

    assertThat(byCollector.statusCode()).isEqualTo(403);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"name\":\"" + name + "\"", "\"defaultPolicy\":false");
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("\"field\":\"name\"", "already a policy named");

    HttpResponse<String> read = api.get(path, "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    String version = read.headers().firstValue("ETag").orElseThrow().replace("\"", "");
    String changed =
        "{\"graceDays\":5,\"repeatDays\":null,\"capDays\":3,\"thankYou\":true,"
            + "\"steps\":[{\"offsetDays\":-3,\"channel\":\"EMAIL\",\"tone\":\"FRIENDLY\"},"
            + "{\"offsetDays\":10,\"channel\":\"EMAIL\",\"tone\":\"FIRM\"}],"
            + "\"minimums\":{\"EUR\":\"5.00\"},\"stepMinimums\":[{\"step\":2,\"currency\":\"EUR\","
            + "\"amount\":\"50.00\"}]}";
    String backwards = changed.replace("\"offsetDays\":10", "\"offsetDays\":-5");
    HttpResponse<String> withoutVersion =
        api.putJson(path, changed, "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> nonsense =
        api.putJsonIfMatch(path, backwards, "admin", Courtesy.ADMIN_PASSWORD, version);
    HttpResponse<String> saved =
        api.putJsonIfMatch(path, changed, "admin", Courtesy.ADMIN_PASSWORD, version);
    HttpResponse<String> stale =
        api.putJsonIfMatch(path, changed, "admin", Courtesy.ADMIN_PASSWORD, version);

    assertThat(withoutVersion.statusCode()).isEqualTo(400);
    assertThat(withoutVersion.body()).contains("If-Match");
    assertThat(nonsense.statusCode()).isEqualTo(400);
    assertThat(nonsense.body()).contains("Step 2 must come later than step 1");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body())
        .contains(
            "\"graceDays\":5",
            "\"capDays\":3",
            "{\"channel\":\"EMAIL\",\"offsetDays\":10,\"step\":2,\"tone\":\"FIRM\"}",
            "\"stepMinimums\":[{\"amount\":\"50",
            "\"updatedBy\":\"admin\"");
    assertThat(saved.headers().firstValue("ETag")).isNotEqualTo(read.headers().firstValue("ETag"));
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
    assertThat(withoutTime(api.get(path, "admin", Courtesy.ADMIN_PASSWORD).body()))
        .as("read back as saved")
        .isEqualTo(withoutTime(saved.body()));
  }

  @Test
  void aTemplateIsPreviewedAndActivatedOnlyWhenItPasses() {
    String path = "/api/v1/templates/FINAL_COURTEOUS/nl";
    HttpResponse<String> byCollector = api.get(path, "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> current = api.get(path, "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> unknown =
        api.get("/api/v1/templates/FRIENDLY/xx", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(byCollector.statusCode()).isEqualTo(403);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
    String version = current.headers().firstValue("ETag").orElseThrow().replace("\"", "");
    String draft = draft(current.body());

    String rude =
        "{\"subject\":\"PAY NOW\",\"text\":\"You failed to pay. PAY NOW or else.\","
            + "\"html\":\"<p>You failed to pay. PAY NOW or else.</p>\"}";
    HttpResponse<String> rudePreview =
        api.postJson(path + "/preview", rude, "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> goodPreview =
        api.postJson(path + "/preview", draft, "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> refused =
        api.putJsonIfMatch(path, rude, "admin", Courtesy.ADMIN_PASSWORD, version);
    HttpResponse<String> activated =
        api.putJsonIfMatch(path, draft, "admin", Courtesy.ADMIN_PASSWORD, version);
    HttpResponse<String> stale =
        api.putJsonIfMatch(path, draft, "admin", Courtesy.ADMIN_PASSWORD, version);

    assertThat(rudePreview.statusCode()).isEqualTo(200);
    assertThat(rudePreview.body()).contains("\"passes\":false", "\"rule\":");
    assertThat(goodPreview.body()).contains("\"passes\":true", "\"findings\":[]");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("does not pass the courtesy check");
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    assertThat(activated.body()).contains("\"shipped\":false", "\"updatedBy\":\"admin\"");
    assertThat(first(VERSION, activated.body())).isNotEqualTo(version);
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
  }

  @Test
  void remindersArePausedForEveryoneAndResumedByAnAdministrator() {
    String path = "/api/v1/reminder-settings";
    HttpResponse<String> settings = api.get(path, "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
    String version = first(VERSION, settings.body());
    String pause = "{\"until\":\"" + today.plusDays(3) + "\"}";
    try {
      HttpResponse<String> byCollector =
          api.postJsonIfMatch(
              path + "/pause", pause, "collector", Courtesy.COLLECTOR_PASSWORD, version);
      HttpResponse<String> inThePast =
          api.postJsonIfMatch(
              path + "/pause",
              "{\"until\":\"" + today.minusDays(1) + "\"}",
              "admin",
              Courtesy.ADMIN_PASSWORD,
              version);
      HttpResponse<String> paused =
          api.postJsonIfMatch(path + "/pause", pause, "admin", Courtesy.ADMIN_PASSWORD, version);
      HttpResponse<String> stale =
          api.postJsonIfMatch(path + "/pause", pause, "admin", Courtesy.ADMIN_PASSWORD, version);

      assertThat(byCollector.statusCode()).isEqualTo(403);
      assertThat(inThePast.statusCode()).isEqualTo(400);
      assertThat(inThePast.body()).contains("\"field\":\"until\"");
      assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
      assertThat(paused.body()).contains("\"pausedUntil\":\"" + today.plusDays(3) + "\"");
      assertThat(stale.statusCode()).isEqualTo(412);
    } finally {
      HttpResponse<String> resumed =
          api.postJsonIfMatch(
              path + "/resume",
              "",
              "admin",
              Courtesy.ADMIN_PASSWORD,
              api.version(path, "admin", Courtesy.ADMIN_PASSWORD));
      assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
      assertThat(resumed.body()).doesNotContain("pausedUntil");
    }
  }

  @Test
  void theOutboxIsReadWithTheReasonAndAttemptsOfEachMessage() {
    LondonCustomer customer =
        new LondonCustomer(
                "KO-" + tag,
                "Ashgrove Bakery " + tag,
                "Nell Carver",
                "nell." + tag + "@example.org")
            .invoice("AO-" + tag, today.minusDays(15), "95.00");
    review();
    HttpResponse<String> sent =
        api.postJson(
            "/api/v1/cases/" + customer.caseId() + "/emails",
            "{\"contact\":\"P-"
                + customer.number()
                + "\",\"subject\":\"Your invoice AO-"
                + tag
                + "\",\"body\":\"Dear Nell Carver,\\n\\nthank you for your business. Invoice AO-"
                + tag
                + " of 95.00 GBP was due on "
                + today.minusDays(15)
                + ". Just reply or call us on +44 20 7946 0000 if we can help."
                + "\\n\\nKind regards\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

    String messages = read("/api/v1/customers/" + customer.number() + "/messages");
    assertThat(messages)
        .contains(
            "\"kind\":\"PERSONAL\"",
            "\"subject\":\"Your invoice AO-" + tag + "\"",
            "\"customerNumber\":\"" + customer.number() + "\"",
            "\"attempts\":");
    assertThat(read("/api/v1/outbox/messages?customer=" + customer.number() + "&status=FAILED"))
        .contains("\"items\":[]");
    HttpResponse<String> tooMany =
        api.get("/api/v1/outbox/messages?limit=1000", "admin", Courtesy.ADMIN_PASSWORD);
    HttpResponse<String> badStatus =
        api.get("/api/v1/outbox/messages?status=LOST", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("\"field\":\"limit\"");
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.body()).contains("\"field\":\"status\"");
  }

  private static String withoutTime(String body) {
    return body.replaceAll("\"updatedAt\":\"[^\"]+\"", "");
  }

  private long disputeOf(LondonCustomer customer, String invoice) {
    String disputes = read("/api/v1/disputes?customer=" + customer.number());
    int at = disputes.indexOf("\"invoiceNumber\":\"" + invoice + "\"");
    assertThat(at).as(disputes).isNotNegative();
    return Long.parseLong(first(ID, disputes.substring(disputes.lastIndexOf('{', at))));
  }

  /** The subject and bodies of a template as read, as a draft to send back. */
  private static String draft(String template) {
    StringBuilder draft = new StringBuilder("{");
    for (String field : new String[] {"subject", "text", "html"}) {
      Matcher value =
          Pattern.compile("\"" + field + "\":(\"(?:[^\"\\\\]++|\\\\.)*+\")").matcher(template);
      assertThat(value.find()).as(field).isTrue();
      draft.append(draft.length() > 1 ? "," : "").append('"').append(field).append("\":");
      draft.append(value.group(1));
    }
    return draft.append('}').toString();
  }

  private void review() {
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
  }

  private String read(String path) {
    HttpResponse<String> read = api.get(path, "collector", Courtesy.COLLECTOR_PASSWORD);
    assertThat(read.statusCode()).as(path + " " + read.body()).isEqualTo(200);
    return read.body();
  }

  private static String first(Pattern pattern, String body) {
    Matcher found = pattern.matcher(body);
    assertThat(found.find()).as(body).isTrue();
    return found.group(1);
  }
}
