package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An ERP or a bank feed takes money back: a payment reversed once by its external id (a retry with
 * the same Idempotency-Key gets the first answer, another attempt a conflict), a refund no larger
 * than the unapplied credit, and a balance as of a date that is the ledger of that date.
 */
class ReversalApiIT {

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aPaymentIsReversedOnceItsInvoiceReopensAndTheBalanceFollowsTheDate() {
    String number = "C-" + tag;
    post("/api/v1/customers", customerJson(number));
    post("/api/v1/invoices", invoiceJson(number, "2026-09-01", "2026-10-01", "100.00"));
    // pays the invoice, then 50.00 more that no invoice takes: the customer's credit
    post("/api/v1/payments", paymentJson("P-" + tag, number, "2026-11-01", "100.00"));
    post("/api/v1/payments", paymentJson("Q-" + tag, number, "2026-11-02", "50.00"));

    HttpResponse<String> before = balance(number, "2026-11-15");
    assertThat(before.body())
        .contains("\"openItems\":[]")
        .contains("\"unapplied\":{\"amount\":\"-50.00\"")
        .contains("\"kind\":\"PAYMENT\"");

    String reversal =
        "{\"kind\":\"BOUNCED\",\"date\":\"2026-11-20\",\"reason\":\"Returned by the bank: account"
            + " closed\"}";
    String path = "/api/v1/payments/P-" + tag + "/reversal";
    HttpResponse<String> first = postWithKey(path, reversal, "rev-" + tag);
    HttpResponse<String> replay = postWithKey(path, reversal, "rev-" + tag);
    HttpResponse<String> again = post(path, reversal);
    HttpResponse<String> byCollector =
        api.postJson(path, reversal, "collector", Courtesy.COLLECTOR_PASSWORD);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body())
        .contains("\"kind\":\"BOUNCED\"", "\"invoiceNumber\":\"R-" + tag + "\"");
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("\"status\":409", "reversed before");
    assertThat(byCollector.statusCode()).isEqualTo(403);

    // before the reversal the invoice was paid; after it, open again
    assertThat(balance(number, "2026-11-15").body()).contains("\"openItems\":[]");
    assertThat(balance(number, "2026-11-23").body())
        .contains("\"invoiceNumber\":\"R-" + tag + "\",\"open\":{\"amount\":\"100.00\"")
        .contains("\"days31to60\":{\"amount\":\"100.00\"");
  }

  @Test
  void aRefundPaysBackNoMoreThanTheUnappliedCredit() {
    String number = "C-" + tag;
    post("/api/v1/customers", customerJson(number));
    post("/api/v1/payments", paymentJson("P-" + tag, number, "2026-11-02", "80.00"));

    HttpResponse<String> tooMuch =
        post(
            "/api/v1/customers/" + number + "/refunds",
            "{\"amount\":\"80.01\",\"reason\":\"Overpaid twice\"}");
    HttpResponse<String> refund =
        post(
            "/api/v1/customers/" + number + "/refunds",
            "{\"externalId\":\"RF-"
                + tag
                + "\",\"amount\":\"30.00\",\"date\":\"2026-11-10\",\"reference\":\"SEPA-1\","
                + "\"reason\":\"Overpaid twice\"}");

    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(tooMuch.body()).contains("unapplied credit is €80.00");
    assertThat(refund.statusCode()).isEqualTo(201);
    assertThat(refund.body()).contains("\"left\":{\"amount\":\"50.00\"");
    assertThat(balance(number, "2026-11-23").body())
        .contains("\"unapplied\":{\"amount\":\"-50.00\"")
        .contains("\"kind\":\"REFUND\"");
  }

  private HttpResponse<String> balance(String number, String asOf) {
    return api.get(
        "/api/v1/customers/" + number + "/balance?asOf=" + asOf,
        "integration",
        Courtesy.INTEGRATION_PASSWORD);
  }

  private HttpResponse<String> post(String path, String json) {
    return api.postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
  }

  private HttpResponse<String> postWithKey(String path, String json, String key) {
    return api.postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD, key);
  }

  private static String customerJson(String number) {
    return "{\"externalId\":\"ERP-"
        + number
        + "\",\"number\":\""
        + number
        + "\",\"name\":\"Bounce Tools GmbH\",\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\","
        + "\"locale\":\"de-DE\",\"currency\":\"EUR\",\"collector\":\"collector\"}";
  }

  private String invoiceJson(String customer, String issued, String due, String amount) {
    return "{\"externalId\":\"I-"
        + tag
        + "\",\"number\":\"R-"
        + tag
        + "\",\"customerNumber\":\""
        + customer
        + "\",\"issueDate\":\""
        + issued
        + "\",\"dueDate\":\""
        + due
        + "\",\"currency\":\"EUR\",\"amount\":\""
        + amount
        + "\"}";
  }

  private static String paymentJson(String id, String customer, String date, String amount) {
    return "{\"externalId\":\""
        + id
        + "\",\"customerNumber\":\""
        + customer
        + "\",\"paymentDate\":\""
        + date
        + "\",\"currency\":\"EUR\",\"amount\":\""
        + amount
        + "\",\"method\":\"transfer\",\"reference\":\"Remittance "
        + id
        + "\"}";
  }
}
