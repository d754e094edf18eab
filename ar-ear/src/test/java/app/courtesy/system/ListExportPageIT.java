package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collector filters and sorts the invoice list and the worklist, then exports them as CSV and
 * XLSX: the files hold every page of what the list shows, in the list's order, and a collector's
 * cases only; a customer whose name looks like a formula is exported as text. An administrator
 * exports the outbox narrowed to what was sent.
 */
class ListExportPageIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private Browser collector;
  private String suffix;
  private String customer;

  @BeforeEach
  void aCustomerWithThirtyInvoices() {
    suffix = UUID.randomUUID().toString().substring(0, 8);
    customer = "EXP-" + suffix;
    assertThat(
            Courtesy.anonymous()
                .postJson(
                    "/api/v1/customers",
                    ("{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"=Export %s GmbH\","
                            + "\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\","
                            + "\"locale\":\"de-DE\",\"currency\":\"EUR\"}")
                        .formatted(customer, customer, suffix),
                    "integration",
                    Courtesy.INTEGRATION_PASSWORD)
                .statusCode())
        .isEqualTo(201);
    LocalDate issued = LocalDate.now().minusDays(40);
    for (int i = 1; i <= 30; i++) {
      String number = "INV-X-%s-%02d".formatted(suffix, i);
      // amounts 1003.00, 1006.00, …, 1090.00 in another order than the numbers
      String amount = (1000 + (i * 7 % 30 + 1) * 3) + ".00";
      assertThat(
              Courtesy.anonymous()
                  .postJson(
                      "/api/v1/invoices",
                      ("{\"externalId\":\"%s\",\"number\":\"%s\",\"customerNumber\":\"%s\","
                              + "\"issueDate\":\"%s\",\"dueDate\":\"%s\",\"currency\":\"EUR\","
                              + "\"amount\":\"%s\"}")
                          .formatted(number, number, customer, issued, issued.plusDays(30), amount),
                      "integration",
                      Courtesy.INTEGRATION_PASSWORD)
                  .statusCode())
          .as("invoice %s", number)
          .isEqualTo(201);
    }
    collector = Browser.open();
    collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
  }

  @AfterEach
  void close() {
    Browser.closeAll(collector);
  }

  @Test
  void theExportHoldsEveryPageOfTheFilteredSortedListAsCsvAndXlsx() throws IOException {
    collector.go("/invoices/");
    collector.choose("invoices:show", "ALL");
    collector.typeAndAwait("invoices:search", suffix, "#invoices\\:table", "1–25 of 30");
    // sorted by amount, largest first
    collector.clickCss("#invoices\\:table th[aria-label^='Amount']");
    collector.awaitAjax();
    collector.clickCss("#invoices\\:table th[aria-label^='Amount']");
    collector.awaitAjax();
    List<String> shown = new ArrayList<>(numbersShown());
    collector.clickCss("#invoices\\:table .ui-paginator-next");
    collector.awaitAjax();
    assertThat(collector.text("#invoices\\:table")).contains("26–30 of 30");
    shown.addAll(numbersShown());
    assertThat(shown).hasSize(30).doesNotHaveDuplicates();
    assertThat(shown.get(0)).isEqualTo("INV-X-%s-%02d".formatted(suffix, 17)); // 1090.00
    // No bar stands empty beside the button before anything was exported.
    assertThat(collector.shows("#invoices\\:export-progress")).isFalse();
    assertThat(collector.text("#invoices\\:export-status")).startsWith("Every page, up to ");

    export("invoices", "csv");
    List<String> csv =
        Files.readAllLines(collector.downloaded("invoices.csv"), StandardCharsets.UTF_8);
    assertThat(csv.get(0))
        .isEqualTo("\uFEFFInvoice,Customer,Customer number,Issued,Due,Currency,Amount,Open,Status");
    assertThat(csv.subList(1, csv.size()).stream().map(line -> line.split(",")[0]))
        .containsExactlyElementsOf(shown);
    LocalDate issued = LocalDate.now().minusDays(40);
    assertThat(csv.get(1))
        .isEqualTo(
            "INV-X-%s-17,'=Export %s GmbH,%s,%s,%s,EUR,1090.00,1090.00,Open"
                .formatted(suffix, suffix, customer, issued, issued.plusDays(30)));
    assertThat(collector.text("#invoices\\:export-status")).isEqualTo("Exported 30 rows.");
    collector.screenshot("invoices-export", "#invoices");

    export("invoices", "xlsx");
    try (InputStream in = Files.newInputStream(collector.downloaded("invoices.xlsx"));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheet("invoices");
      assertThat(sheet.getLastRowNum()).isEqualTo(30);
      List<String> numbers = new ArrayList<>();
      for (int r = 1; r <= 30; r++) {
        numbers.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      assertThat(numbers).containsExactlyElementsOf(shown);
      Row first = sheet.getRow(1);
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo("=Export " + suffix + " GmbH");
      assertThat(first.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(issued);
      assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(1090.0);
    }
  }

  @Test
  void theCustomerListExportsItsSearchWithBalancesPerCurrency() throws IOException {
    collector.go("/customers/");
    collector.typeAndAwait("customers:search", suffix, "#customers\\:table", "1–1 of 1");

    export("customers", "csv");

    List<String> csv =
        Files.readAllLines(collector.downloaded("customers.csv"), StandardCharsets.UTF_8);
    // 30 invoices of 1003.00 … 1090.00, all overdue
    assertThat(csv)
        .containsExactly(
            "\uFEFFCustomer,Customer number,Country,Collector,Currency,Open,Overdue",
            "'=Export %s GmbH,%s,DE,,EUR,31395.00,31395.00".formatted(suffix, customer));
  }

  @Test
  void onlyThoseWhoMaySeeTheListMayExportIt() {
    var answer = Courtesy.anonymous().get("/invoices/export?format=csv&text=" + suffix);

    assertThat(answer.body()).doesNotContain("INV-X-" + suffix);
  }

  @Test
  void aCollectorsCasesExportFollowsTheWorklistAndHoldsOnlyTheirOwnCases() throws IOException {
    String colleague = "exp-" + suffix;
    Courtesy.createAccount(
        colleague, "Export Colleague " + suffix, "a-long-enough-secret", "collector");
    // 27 customers of the collector (two pages of 25), 2 of a colleague; 30 days overdue each, the
    // amounts 1010.00 … 1290.00 in another order than the names, the collector's least 1020.00
    // (customer 08)
    StringBuilder customers = new StringBuilder();
    StringBuilder invoices = new StringBuilder();
    LocalDate due = LocalDate.now().minusDays(30);
    for (int i = 1; i <= 29; i++) {
      String number = "EXC-%s-%02d".formatted(suffix, i);
      customers
          .append(customers.isEmpty() ? "[" : ",")
          .append(
              ("{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"Case Export %s %02d\","
                      + "\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\",\"locale\":\"de-DE\","
                      + "\"currency\":\"EUR\",\"collector\":\"%s\"}")
                  .formatted(number, number, suffix, i, i <= 27 ? "collector" : colleague));
      invoices
          .append(invoices.isEmpty() ? "[" : ",")
          .append(
              ("{\"externalId\":\"%s\",\"number\":\"%s\",\"customerNumber\":\"%s\","
                      + "\"issueDate\":\"%s\",\"dueDate\":\"%s\",\"currency\":\"EUR\","
                      + "\"amount\":\"%s\"}")
                  .formatted(
                      "INV-" + number,
                      "INV-" + number,
                      number,
                      due.minusDays(30),
                      due,
                      (1000 + (i * 11 % 29 + 1) * 10) + ".00"));
    }
    for (String[] batch :
        new String[][] {
          {"/api/v1/customers/batch", customers + "]"}, {"/api/v1/invoices/batch", invoices + "]"}
        }) {
      var answer =
          Courtesy.anonymous()
              .postJson(batch[0], batch[1], "integration", Courtesy.INTEGRATION_PASSWORD);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
    assertThat(
            Courtesy.anonymous()
                .postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD)
                .statusCode())
        .isEqualTo(200);

    collector.go("/cases/");
    collector.typeAndAwait("cases:search", "Case Export " + suffix, "#cases\\:table", "1–25 of 27");
    // sorted by the overdue amount, smallest first
    collector.clickCss("#cases\\:table th[aria-label^='Overdue']");
    collector.awaitAjax();
    List<String> shown = new ArrayList<>(casesShown());
    collector.clickCss("#cases\\:table .ui-paginator-next");
    collector.awaitAjax();
    assertThat(collector.text("#cases\\:table")).contains("26–27 of 27");
    shown.addAll(casesShown());
    assertThat(shown).hasSize(27).doesNotHaveDuplicates();
    assertThat(shown.get(0)).isEqualTo("Case Export %s 08".formatted(suffix));

    export("cases", "csv");
    Path csvFile = collector.downloaded("cases.csv");
    List<String> csv = Files.readAllLines(csvFile, StandardCharsets.UTF_8);
    assertThat(csv.get(0))
        .isEqualTo(
            "\uFEFFPriority,Customer,Customer number,Country,Why,Currency,Overdue,Days late,Status,"
                + "Next action,Last contact,Collector");
    assertThat(csv.subList(1, csv.size()).stream().map(line -> line.split(",")[1]))
        .containsExactlyElementsOf(shown);
    assertThat(csv.get(1)).contains(",EXC-%s-08,DE,".formatted(suffix), ",EUR,1020.00,30,");
    Files.delete(csvFile);

    // The list may show every collector's cases; the export still holds only the collector's own.
    collector.choose("cases:collector", "");
    assertThat(collector.text("#cases\\:table")).contains("of 29");
    export("cases", "xlsx");
    try (InputStream in = Files.newInputStream(collector.downloaded("cases.xlsx"));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheet("cases");
      assertThat(sheet.getLastRowNum()).isEqualTo(27);
      List<String> names = new ArrayList<>();
      for (int r = 1; r <= 27; r++) {
        names.add(sheet.getRow(r).getCell(1).getStringCellValue());
      }
      assertThat(names).containsExactlyElementsOf(shown);
      assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(1020.0);
    }
    assertThat(
            Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD)
                .get(
                    "/cases/export?format=csv&text=Case+Export+"
                        + suffix
                        + "&collector="
                        + colleague)
                .body())
        .contains("Case Export " + suffix + " 08")
        .doesNotContain("Case Export " + suffix + " 28", "Case Export " + suffix + " 29");
  }

  @Test
  void theOutboxExportsWhatWasSentNewestFirstEveryPage() throws IOException {
    LocalDate today = LocalDate.now();
    List<LondonCustomer> written = new ArrayList<>();
    for (String name : List.of("Aldgate", "Bow")) {
      written.add(
          new LondonCustomer(
                  "EXO-" + name + "-" + suffix,
                  name + " Outbox " + suffix,
                  "Nell Carver",
                  "nell." + name.toLowerCase() + "." + suffix + "@example.org")
              .invoice("EXO-" + name + "-" + suffix + "-1", today.minusDays(15), "95.00"));
    }
    assertThat(
            Courtesy.anonymous()
                .postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD)
                .statusCode())
        .isEqualTo(200);
    for (LondonCustomer customer : written) {
      var sent =
          Courtesy.anonymous()
              .postJson(
                  "/api/v1/cases/" + customer.caseId() + "/emails",
                  ("{\"contact\":\"P-%s\",\"subject\":\"Your invoice\",\"body\":\"Dear Nell"
                          + " Carver,\\n\\nthank you for your business. Invoice %s-1 of 95.00 GBP"
                          + " was due on %s. Just reply or call us on +44 20 7946 0000 if we can"
                          + " help.\\n\\nKind regards\"}")
                      .formatted(customer.number(), customer.number(), today.minusDays(15)),
                  "collector",
                  Courtesy.COLLECTOR_PASSWORD);
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
      assertThat(sent.body()).contains("SENT");
    }
    Browser admin = Browser.open();
    try {
      admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
      admin.go("/admin/reminders.xhtml");
      admin.choose("outbox-list:outcome", "SENT");
      long before = total(admin.text("#outbox-list\\:outcomes"));

      export(admin, "outbox-list", "outbox", "csv");
      List<String> csv = Files.readAllLines(admin.downloaded("outbox.csv"), StandardCharsets.UTF_8);
      assertThat(csv.get(0))
          .startsWith("\uFEFFCustomer,Customer number,Step,Channel,Invoices,Outcome,Sent (");
      List<String> rows = csv.subList(1, csv.size());
      // each row sent, with when, and no error (names before may hold quoted commas)
      assertThat(rows)
          .allMatch(row -> row.matches(".*,\\d+,Sent,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,"));
      // newest first: Bow's email went out after Aldgate's
      assertThat(rows.stream().map(row -> row.split(",")[0]))
          .containsSubsequence("Bow Outbox " + suffix, "Aldgate Outbox " + suffix);
      // every page: as many rows as the list counted (more only if a message went out meanwhile)
      admin.choose("outbox-list:outcome", "SENT");
      assertThat((long) rows.size())
          .isBetween(before, total(admin.text("#outbox-list\\:outcomes")));
      admin.screenshot("outbox-export", "#outbox");
    } finally {
      Browser.closeAll(admin);
    }
  }

  private void export(String form, String format) {
    export(collector, form, form, format);
  }

  private static void export(Browser browser, String form, String list, String format) {
    browser.clickCss("#" + form + "\\:export_button");
    // The menu slides open: its item takes a click once it is there.
    browser.pressCss("#" + form + "\\:export-" + format);
    browser.downloaded(list + "." + format);
    browser.await(
        "#" + form + "\\:export-progress[aria-valuenow='100']", java.time.Duration.ofSeconds(20));
    browser.awaitAjax();
  }

  /** The N of a table's "1–20 of N". */
  private static long total(String table) {
    Matcher of = Pattern.compile("of (\\d+)").matcher(table);
    assertThat(of.find()).as(table).isTrue();
    return Long.parseLong(of.group(1));
  }

  private List<String> casesShown() {
    Matcher names =
        Pattern.compile("Case Export " + suffix + " \\d\\d")
            .matcher(collector.text("#cases\\:table_data"));
    List<String> found = new ArrayList<>();
    while (names.find()) {
      found.add(names.group());
    }
    return found;
  }

  private List<String> numbersShown() {
    Matcher numbers =
        Pattern.compile("INV-X-" + suffix + "-\\d\\d")
            .matcher(collector.text("#invoices\\:table_data"));
    List<String> found = new ArrayList<>();
    while (numbers.find()) {
      found.add(numbers.group());
    }
    return found;
  }
}
