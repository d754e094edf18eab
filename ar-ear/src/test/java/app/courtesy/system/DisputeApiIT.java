package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A dispute belongs to its record, not to the ERP's nightly feed, over the REST API end to end: a
 * collector records the customer's dispute, the ERP sends the invoice again as it does every night,
 * and the case and the reminders ahead still hold the invoice back; the ERP's own {@code disputed}
 * opens a dispute that shows on the customer's timeline like any other.
 */
class DisputeApiIT {

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final LocalDate today = LocalDate.now();

  @Test
  void aCollectorsDisputeOutlivesTheErpSendingTheInvoiceAgain() {
    String number = "RD-" + tag;
    LondonCustomer customer =
        new LondonCustomer(
                "KD-" + tag,
                "Quillfeather Ltd " + tag,
                "Iris Penrose",
                "iris." + tag + "@example.org")
            .invoice(number, today.minusDays(40), "720.00");
    review();
    long caseId = customer.caseId();

    // the customer calls: the price is not the one quoted, and the collector records it
    HttpResponse<String> disputed =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/disputes",
            "{\"invoices\":[\""
                + number
                + "\"],\"reason\":\"PRICING\","
                + "\"note\":\"Not the price quoted in March.\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            api.version("/api/v1/cases/" + caseId, "collector", Courtesy.COLLECTOR_PASSWORD));
    assertThat(disputed.statusCode()).as(disputed.body()).isEqualTo(201);

    // that night the ERP sends the invoice again, without a word about disputes
    HttpResponse<String> resent =
        api.postJson(
            "/api/v1/invoices",
            customer.invoiceJson(number, today.minusDays(40), "720.00"),
            "integration",
            Courtesy.INTEGRATION_PASSWORD);

    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
    assertThat(resent.body()).contains("\"unchanged\":1", "\"updated\":0");
    HttpResponse<String> theCase =
        api.get("/api/v1/cases/" + caseId, "collector", Courtesy.COLLECTOR_PASSWORD);
    assertThat(theCase.body()).contains("\"status\":\"DISPUTED\"");
    assertThat(timeline(customer)).contains("Disputed " + number + " (pricing)");

    // the next run holds the invoice back as disputed, and writes the customer nothing
    LocalDate next = ServerDays.unrunDate();
    HttpResponse<String> preview =
        api.get(
            "/api/v1/reminders/preview?from=" + next + "&to=" + next + "&limit=5000",
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(heldBackReason(preview.body(), number)).isEqualTo("DISPUTED");
    assertThat(occurrences(preview.body(), "\"customerNumber\":\"" + customer.number() + "\""))
        .as("the customer appears only with the invoice held back, in no message")
        .isEqualTo(1);
  }

  @Test
  void theErpsDisputedOpensADisputeTheTimelineShows() {
    String number = "RE-" + tag;
    LondonCustomer customer =
        new LondonCustomer(
                "KE-" + tag, "Larkspur Mills " + tag, "Owen Hale", "owen." + tag + "@example.org")
            .invoice(number, today.minusDays(40), "415.00");
    review();
    String json = customer.invoiceJson(number, today.minusDays(40), "415.00");

    HttpResponse<String> disputed =
        api.postJson(
            "/api/v1/invoices",
            json.replace("}", ",\"disputed\":true}"),
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    HttpResponse<String> again =
        api.postJson(
            "/api/v1/invoices",
            json.replace("}", ",\"disputed\":true}"),
            "integration",
            Courtesy.INTEGRATION_PASSWORD);

    assertThat(disputed.body()).contains("\"updated\":1");
    assertThat(again.body()).contains("\"unchanged\":1");
    assertThat(timeline(customer)).contains("Disputed " + number + " (from the ERP)");
    assertThat(
            api.get("/api/v1/cases/" + customer.caseId(), "collector", Courtesy.COLLECTOR_PASSWORD)
                .body())
        .contains("\"status\":\"DISPUTED\"");
  }

  private void review() {
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
  }

  private String timeline(LondonCustomer customer) {
    HttpResponse<String> timeline =
        api.get(
            "/api/v1/customers/" + customer.number() + "/timeline",
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
    return timeline.body();
  }

  /** The reason the preview gives for holding back {@code invoice}, or {@code null}. */
  private static String heldBackReason(String preview, String invoice) {
    int at = preview.indexOf("\"invoiceNumber\":\"" + invoice + "\"");
    if (at < 0) {
      return null;
    }
    Matcher reason = Pattern.compile("\"reason\":\"([A-Z_]+)\"").matcher(preview);
    return reason.find(at) ? reason.group(1) : null;
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
