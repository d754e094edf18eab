package app.courtesy.system;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer of one test, in London (pounds, British English), with one contact who prefers email,
 * looked after by the demo collector; made through the integration API as an ERP would make it.
 */
final class LondonCustomer {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private final Courtesy api = Courtesy.anonymous();
  private final String number;

  /**
   * @param number the customer number, unique to the test
   * @param name the customer's name
   * @param contact the contact's name
   * @param email the contact's address
   */
  LondonCustomer(String number, String name, String contact, String email) {
    this.number = number;
    create(
        "/api/v1/customers",
        "{\"externalId\":\"ERP-"
            + number
            + "\",\"number\":\""
            + number
            + "\",\"name\":\""
            + name
            + "\",\"country\":\"GB\",\"timeZone\":\"Europe/London\",\"locale\":\"en-GB\","
            + "\"currency\":\"GBP\",\"collector\":\"collector\"}");
    create(
        "/api/v1/contacts",
        "{\"externalId\":\"P-"
            + number
            + "\",\"customerNumber\":\""
            + number
            + "\",\"name\":\""
            + contact
            + "\",\"email\":\""
            + email
            + "\",\"phone\":\"+44 20 7946 0000\",\"preferredChannel\":\"EMAIL\"}");
  }

  /** An invoice in pounds, issued 30 days before it falls due. */
  LondonCustomer invoice(String invoiceNumber, LocalDate due, String amount) {
    create("/api/v1/invoices", invoiceJson(invoiceNumber, due, amount));
    return this;
  }

  /** The invoice as the ERP sends it, each time the same: for {@code POST /api/v1/invoices}. */
  String invoiceJson(String invoiceNumber, LocalDate due, String amount) {
    return "{\"externalId\":\"I-"
        + invoiceNumber
        + "\",\"number\":\""
        + invoiceNumber
        + "\",\"customerNumber\":\""
        + number
        + "\",\"issueDate\":\""
        + due.minusDays(30)
        + "\",\"dueDate\":\""
        + due
        + "\",\"currency\":\"GBP\",\"amount\":\""
        + amount
        + "\"}";
  }

  String number() {
    return number;
  }

  /** The id of this customer's case, as the collector's cases list it once a review made it. */
  long caseId() {
    HttpResponse<String> list =
        api.get(
            "/api/v1/cases?assignee=collector&limit=500", "collector", Courtesy.COLLECTOR_PASSWORD);
    String body = list.body();
    int at = body.indexOf("\"customerNumber\":\"" + number + "\"");
    if (at < 0) {
      throw new AssertionError("No case for " + number + " among the collector's: " + body);
    }
    Matcher id = ID.matcher(body.substring(body.lastIndexOf('{', at)));
    id.find();
    return Long.parseLong(id.group(1));
  }

  private void create(String path, String json) {
    HttpResponse<String> created =
        api.postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
    if (created.statusCode() != 201) {
      throw new AssertionError(path + " answered " + created.statusCode() + ": " + created.body());
    }
  }
}
