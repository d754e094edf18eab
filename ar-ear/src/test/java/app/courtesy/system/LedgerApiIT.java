package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An ERP feeds customers, invoices and payments; the ledger answers what is open and how late. */
class LedgerApiIT {

  private static final String AS_OF = "2026-11-23";

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aCustomerIsCreatedOnceAndSendingItAgainChangesNothing() {
    String customer = customerJson("C-" + tag);

    assertThat(post("/api/v1/customers", customer).statusCode()).isEqualTo(201);
    HttpResponse<String> again = post("/api/v1/customers", customer);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"unchanged\":1", "\"created\":0");
  }

  @Test
  void paymentsGoToTheOldestInvoiceFirstAndTheBalanceShowsWhatIsLeft() {
    String number = "C-" + tag;
    post("/api/v1/customers", customerJson(number));
    // 2026-11-23 is the business date: R-1 due 2026-10-01 (53 days late), R-2 due 2026-11-14
    // (9 days late), R-3 due 2026-12-20 (not yet due).
    HttpResponse<String> invoices =
        post(
            "/api/v1/invoices/batch",
            "["
                + invoiceJson("1", number, "2026-09-01", "2026-10-01", "100.00")
                + ","
                + invoiceJson("2", number, "2026-10-15", "2026-11-14", "250.50")
                + ","
                + invoiceJson("3", number, "2026-11-20", "2026-12-20", "80.00")
                + "]");
    assertThat(invoices.body()).contains("\"created\":3");

    HttpResponse<String> payment =
        post(
            "/api/v1/payments",
            "{\"externalId\":\"P-"
                + tag
                + "\",\"customerNumber\":\""
                + number
                + "\","
                + "\"paymentDate\":\"2026-11-01\",\"currency\":\"EUR\",\"amount\":\"150.00\"}");
    assertThat(payment.statusCode()).isEqualTo(201);

    HttpResponse<String> balance =
        api.get(
            "/api/v1/customers/" + number + "/balance?asOf=" + AS_OF,
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(balance.statusCode()).isEqualTo(200);
    assertThat(balance.body())
        .doesNotContain("\"invoiceNumber\":\"R1-" + tag + "\"") // paid in full
        .contains("\"invoiceNumber\":\"R2-" + tag + "\",\"open\":{\"amount\":\"200.50\"")
        .contains("\"current\":{\"amount\":\"80.00\"")
        .contains("\"days1to30\":{\"amount\":\"200.50\"")
        .contains("\"days31to60\":{\"amount\":\"0.00\"");
  }

  @Test
  void aCreditNoteReducesWhatIsOpenAndCannotExceedIt() {
    String number = "C-" + tag;
    post("/api/v1/customers", customerJson(number));
    post("/api/v1/invoices", invoiceJson("1", number, "2026-10-01", "2026-10-31", "300.00"));

    HttpResponse<String> tooMuch =
        post(
            "/api/v1/credit-notes",
            creditJson(
                "CN1-" + tag,
                number,
                "[{\"invoiceNumber\":\"R1-" + tag + "\",\"amount\":\"300.01\"}]"));
    HttpResponse<String> credit =
        post(
            "/api/v1/credit-notes",
            creditJson(
                "CN2-" + tag,
                number,
                "[{\"invoiceNumber\":\"R1-" + tag + "\",\"amount\":\"120.00\"}]"));
    HttpResponse<String> balance =
        api.get(
            "/api/v1/customers/" + number + "/balance?asOf=" + AS_OF,
            "integration",
            Courtesy.INTEGRATION_PASSWORD);

    assertThat(tooMuch.statusCode()).isEqualTo(400);
    assertThat(tooMuch.body()).contains("\"field\":\"allocations[0].amount\"");
    assertThat(credit.statusCode()).isEqualTo(201);
    assertThat(balance.body()).contains("\"open\":{\"amount\":\"180.00\"");
  }

  @Test
  void aBatchWithOneBadItemWritesNothingAndNamesEveryProblem() {
    String number = "C-" + tag;
    post("/api/v1/customers", customerJson(number));

    HttpResponse<String> response =
        post(
            "/api/v1/invoices/batch",
            "["
                + invoiceJson("1", number, "2026-09-01", "2026-10-01", "100.00")
                + ","
                + invoiceJson("2", "NO-SUCH-CUSTOMER", "2026-09-01", "2026-10-01", "5.00")
                + ","
                + invoiceJson("3", number, "2026-09-01", "2026-08-01", "-3")
                + "]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"field\":\"[1].customerNumber\"", "no customer with number NO-SUCH-CUSTOMER")
        .contains("\"field\":\"[2].amount\"");
    HttpResponse<String> balance =
        api.get(
            "/api/v1/customers/" + number + "/balance?asOf=" + AS_OF,
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(balance.body()).contains("\"openItems\":[]");
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() {
    String customer = customerJson("C-" + tag);
    String key = "key-" + tag;

    HttpResponse<String> first = postWithKey("/api/v1/customers", customer, key);
    HttpResponse<String> replay = postWithKey("/api/v1/customers", customer, key);
    HttpResponse<String> other =
        postWithKey("/api/v1/customers", customerJson("C-other-" + tag), key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(other.statusCode()).isEqualTo(422);
  }

  @Test
  void contactsBelongToAnExistingCustomerAndNameTheirBadFields() {
    String number = "C-" + tag;
    post("/api/v1/customers", customerJson(number));

    HttpResponse<String> created =
        post(
            "/api/v1/contacts",
            "{\"externalId\":\"P-"
                + tag
                + "\",\"customerNumber\":\""
                + number
                + "\","
                + "\"name\":\"Anna Berger\",\"salutation\":\"Frau\",\"role\":\"Buchhaltung\","
                + "\"email\":\"anna.berger@example.org\",\"preferredChannel\":\"EMAIL\"}");
    HttpResponse<String> invalid =
        post(
            "/api/v1/contacts/batch",
            "[{\"externalId\":\"Q-"
                + tag
                + "\",\"customerNumber\":\"NOBODY\","
                + "\"name\":\"X\",\"email\":\"not-an-email\",\"preferredChannel\":\"EMAIL\"}]");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("\"field\":\"[0].email\"");
  }

  @Test
  void onlyIntegrationsAndAdminsFeedTheLedger() {
    HttpResponse<String> response =
        api.postJson(
            "/api/v1/customers",
            customerJson("C-" + tag),
            "collector",
            Courtesy.COLLECTOR_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void agingAndDsoAreReportedPerCurrency() {
    HttpResponse<String> aging =
        api.get("/api/v1/reports/aging?asOf=" + AS_OF, "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> dso =
        api.get("/api/v1/reports/dso?asOf=" + AS_OF, "collector", Courtesy.COLLECTOR_PASSWORD);
    HttpResponse<String> badDate =
        api.get("/api/v1/reports/aging?asOf=yesterday", "collector", Courtesy.COLLECTOR_PASSWORD);

    assertThat(aging.statusCode()).isEqualTo(200);
    assertThat(aging.body()).contains("\"over90\"", "\"currency\":\"EUR\"");
    assertThat(dso.body()).contains("\"method\":\"countback");
    assertThat(badDate.statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> post(String path, String json) {
    return api.postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
  }

  private HttpResponse<String> postWithKey(String path, String json, String key) {
    return api.postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD, key);
  }

  private String customerJson(String number) {
    return "{\"externalId\":\"ERP-"
        + number
        + "\",\"number\":\""
        + number
        + "\","
        + "\"name\":\"Acme Tools GmbH\",\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\","
        + "\"locale\":\"de-DE\",\"currency\":\"EUR\",\"collector\":\"collector\"}";
  }

  private String creditJson(String id, String customer, String allocations) {
    return "{\"externalId\":\""
        + id
        + "\",\"number\":\""
        + id
        + "\",\"customerNumber\":\""
        + customer
        + "\",\"issueDate\":\"2026-11-02\",\"currency\":\"EUR\","
        + "\"amount\":\"300.00\",\"reason\":\"Price correction\",\"allocations\":"
        + allocations
        + "}";
  }

  private String invoiceJson(String n, String customer, String issued, String due, String amount) {
    return "{\"externalId\":\"I"
        + n
        + "-"
        + tag
        + "\",\"number\":\"R"
        + n
        + "-"
        + tag
        + "\","
        + "\"customerNumber\":\""
        + customer
        + "\",\"issueDate\":\""
        + issued
        + "\","
        + "\"dueDate\":\""
        + due
        + "\",\"currency\":\"EUR\",\"amount\":\""
        + amount
        + "\"}";
  }
}
