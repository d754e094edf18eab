package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an ERP writes over the API, it reads back over the API: customers, contacts, invoices,
 * payments and credit notes, one by one and as lists, with what Courtesy derived (what is open, the
 * status); and every list is read page by page with a cursor, without gaps or duplicates, and
 * refuses to be asked for too much at once.
 */
class ReadBackApiIT {

  private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
  private static final Pattern NUMBER = Pattern.compile("\"number\":\"([^\"]+)\"");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final LocalDate today = LocalDate.now();

  @Test
  void anErpReadsBackWhatItWrote() {
    String customer = "RB-" + tag;
    write(
        "/api/v1/customers",
        "{\"externalId\":\"ERP-"
            + customer
            + "\",\"number\":\""
            + customer
            + "\",\"name\":\"Larkspur Joinery "
            + tag
            + "\",\"country\":\"GB\",\"timeZone\":\"Europe/London\",\"locale\":\"en-GB\","
            + "\"currency\":\"GBP\",\"collector\":\"collector\",\"notes\":\"Pays on Fridays\"}");
    write(
        "/api/v1/contacts",
        "{\"externalId\":\"P-"
            + customer
            + "\",\"customerNumber\":\""
            + customer
            + "\",\"name\":\"Owen Marsh\",\"salutation\":\"Mr\",\"role\":\"Accounts\","
            + "\"email\":\"owen."
            + tag
            + "@example.org\",\"preferredChannel\":\"EMAIL\",\"smsOptOut\":true}");
    write("/api/v1/invoices", invoice(customer, "RB-A-" + tag, today.minusDays(20), "720.00"));
    write("/api/v1/invoices", invoice(customer, "RB-B-" + tag, today.plusDays(10), "80.00"));
    write(
        "/api/v1/payments",
        "{\"externalId\":\"PAY-"
            + tag
            + "\",\"customerNumber\":\""
            + customer
            + "\",\"paymentDate\":\""
            + today.minusDays(2)
            + "\",\"currency\":\"GBP\",\"amount\":\"250.00\",\"method\":\"transfer\","
            + "\"allocations\":[{\"invoiceNumber\":\"RB-A-"
            + tag
            + "\",\"amount\":\"200.00\"}]}");
    write(
        "/api/v1/credit-notes",
        "{\"externalId\":\"CN-"
            + tag
            + "\",\"number\":\"RB-CN-"
            + tag
            + "\",\"customerNumber\":\""
            + customer
            + "\",\"issueDate\":\""
            + today.minusDays(1)
            + "\",\"currency\":\"GBP\",\"amount\":\"80.00\",\"reason\":\"Returned chairs\","
            + "\"allocations\":[{\"invoiceNumber\":\"RB-B-"
            + tag
            + "\",\"amount\":\"80.00\"}]}");

    // the customer, by number and by the ERP's own id, as written, with what Courtesy keeps
    String byNumber = read("/api/v1/customers/" + customer);
    assertThat(byNumber)
        .contains(
            "\"externalId\":\"ERP-" + customer + "\"",
            "\"name\":\"Larkspur Joinery " + tag + "\"",
            "\"timeZone\":\"Europe/London\"",
            "\"locale\":\"en-GB\"",
            "\"collector\":\"collector\"",
            "\"notes\":\"Pays on Fridays\"",
            "\"hardship\":false",
            "\"version\":");
    assertThat(read("/api/v1/customers/by-external-id/ERP-" + customer)).isEqualTo(byNumber);
    assertThat(read("/api/v1/customers?name=larkspur%20joinery%20" + tag))
        .contains("\"number\":\"" + customer + "\"", "\"next\":null");

    // the contact, among the customer's and by its own id
    String contact = read("/api/v1/contacts/P-" + customer);
    assertThat(contact)
        .contains(
            "\"customerNumber\":\"" + customer + "\"",
            "\"salutation\":\"Mr\"",
            "\"role\":\"Accounts\"",
            "\"smsOptOut\":true",
            "\"emailOptOut\":false");
    assertThat(read("/api/v1/customers/" + customer + "/contacts"))
        .contains("\"externalId\":\"P-" + customer + "\"");

    // the invoices: what is open after the payment and the credit note, and their status
    assertThat(read("/api/v1/invoices/RB-A-" + tag))
        .contains(
            "\"amount\":\"720.00\"",
            "\"open\":{\"amount\":\"520.00\",\"currency\":\"GBP\"}",
            "\"status\":\"PARTIALLY_PAID\"",
            "\"dueDate\":\"" + today.minusDays(20) + "\"",
            "\"externalId\":\"I-RB-A-" + tag + "\"");
    assertThat(read("/api/v1/invoices/RB-B-" + tag))
        .contains("\"open\":{\"amount\":\"0.00\",\"currency\":\"GBP\"}", "\"status\":\"PAID\"");
    assertThat(numbers(read("/api/v1/invoices?customer=" + customer)))
        .containsExactly("RB-A-" + tag, "RB-B-" + tag);
    assertThat(numbers(read("/api/v1/invoices?customer=" + customer + "&overdue=true")))
        .containsExactly("RB-A-" + tag);
    assertThat(numbers(read("/api/v1/invoices?customer=" + customer + "&status=PAID")))
        .containsExactly("RB-B-" + tag);

    // the payment and the credit note, applied as they stand, what is left unapplied
    assertThat(read("/api/v1/payments/PAY-" + tag))
        .contains(
            "\"paymentDate\":\"" + today.minusDays(2) + "\"",
            "\"method\":\"transfer\"",
            "\"allocations\":[{\"amount\":\"200.00\",\"invoiceNumber\":\"RB-A-" + tag + "\"}]",
            "\"unapplied\":{\"amount\":\"50.00\",\"currency\":\"GBP\"}");
    assertThat(read("/api/v1/payments?customer=" + customer + "&from=" + today.minusDays(2)))
        .contains("\"externalId\":\"PAY-" + tag + "\"");
    assertThat(read("/api/v1/payments?customer=" + customer + "&from=" + today.minusDays(1)))
        .contains("\"items\":[]");
    assertThat(read("/api/v1/credit-notes/RB-CN-" + tag))
        .contains(
            "\"reason\":\"Returned chairs\"",
            "\"unapplied\":{\"amount\":\"0.00\",\"currency\":\"GBP\"}");
    assertThat(read("/api/v1/credit-notes?customer=" + customer))
        .contains("\"number\":\"RB-CN-" + tag + "\"");
  }

  @Test
  void aListIsReadPageByPageWithoutGapsOrDuplicates() {
    String customer = "PG-" + tag;
    new LondonCustomer(customer, "Pagewell Ltd " + tag, "Ada Lane", "ada." + tag + "@example.org");
    List<String> written = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      String number = "PG-" + tag + "-" + i;
      // due dates out of the order of the numbers, two on the same day
      write("/api/v1/invoices", invoice(customer, number, today.plusDays(10 - i / 2), "10.00"));
      written.add(number);
    }

    for (String sort : List.of("NUMBER", "DUE_DATE")) {
      List<String> seen = new ArrayList<>();
      List<Integer> pageSizes = new ArrayList<>();
      String path = "/api/v1/invoices?customer=" + customer + "&sort=" + sort + "&limit=3";
      String cursor = null;
      do {
        HttpResponse<String> page =
            api.get(
                cursor == null ? path : path + "&cursor=" + cursor,
                "integration",
                Courtesy.INTEGRATION_PASSWORD);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> numbers = numbers(page.body());
        seen.addAll(numbers);
        pageSizes.add(numbers.size());
        Matcher next = NEXT.matcher(page.body());
        cursor = next.find() ? next.group(1) : null;
        if (cursor != null) {
          assertThat(page.headers().firstValue("Link"))
              .as("the next page is linked")
              .hasValueSatisfying(
                  link ->
                      assertThat(link)
                          .contains("cursor=" + next.group(1))
                          .endsWith("rel=\"next\""));
        } else {
          assertThat(page.body()).contains("\"next\":null");
          assertThat(page.headers().firstValue("Link")).isEmpty();
        }
      } while (cursor != null);

      assertThat(pageSizes).as(sort).containsExactly(3, 3, 1);
      assertThat(seen)
          .as(sort)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(written);
    }
  }

  @Test
  void tooMuchAtOnceIsRefusedNotCutShort() {
    HttpResponse<String> tooMany =
        api.get("/api/v1/invoices?limit=201", "integration", Courtesy.INTEGRATION_PASSWORD);
    HttpResponse<String> forged =
        api.get(
            "/api/v1/customers?cursor=not-a-cursor", "integration", Courtesy.INTEGRATION_PASSWORD);
    HttpResponse<String> first =
        api.get("/api/v1/customers?limit=1", "integration", Courtesy.INTEGRATION_PASSWORD);
    Matcher next = NEXT.matcher(first.body());
    assertThat(next.find()).as("the demo book has more than one customer").isTrue();
    HttpResponse<String> otherOrder =
        api.get(
            "/api/v1/customers?sort=NAME&cursor=" + next.group(1),
            "integration",
            Courtesy.INTEGRATION_PASSWORD);

    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("\"field\":\"limit\"", "must be from 1 to 200");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("\"field\":\"cursor\"");
    assertThat(otherOrder.statusCode())
        .as("a cursor fits only the order it came from")
        .isEqualTo(400);
    assertThat(otherOrder.body()).contains("\"field\":\"cursor\"");
  }

  @Test
  void aCollectorReadsButDoesNotWrite() {
    assertThat(
            api.get("/api/v1/invoices?limit=1", "collector", Courtesy.COLLECTOR_PASSWORD)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            api.postJson(
                    "/api/v1/invoices",
                    invoice("NOBODY", "RB-X-" + tag, today, "1.00"),
                    "collector",
                    Courtesy.COLLECTOR_PASSWORD)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            api.get("/api/v1/invoices/NO-SUCH-" + tag, "collector", Courtesy.COLLECTOR_PASSWORD)
                .statusCode())
        .isEqualTo(404);
  }

  private String invoice(String customer, String number, LocalDate due, String amount) {
    return "{\"externalId\":\"I-"
        + number
        + "\",\"number\":\""
        + number
        + "\",\"customerNumber\":\""
        + customer
        + "\",\"issueDate\":\""
        + due.minusDays(30)
        + "\",\"dueDate\":\""
        + due
        + "\",\"currency\":\"GBP\",\"amount\":\""
        + amount
        + "\"}";
  }

  private void write(String path, String json) {
    HttpResponse<String> written =
        api.postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(written.statusCode()).as(path + " " + written.body()).isEqualTo(201);
  }

  private String read(String path) {
    HttpResponse<String> read = api.get(path, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(read.statusCode()).as(path + " " + read.body()).isEqualTo(200);
    return read.body();
  }

  /** The invoice numbers of a page, in its order. */
  private static List<String> numbers(String page) {
    List<String> numbers = new ArrayList<>();
    Matcher number = NUMBER.matcher(page);
    while (number.find()) {
      numbers.add(number.group(1));
    }
    return numbers;
  }
}
