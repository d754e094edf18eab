package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/**
 * A collector filters and sorts the invoice list, then exports it as CSV and XLSX: the files hold
 * every page of what the list shows, in the list's order; a customer whose name looks like a
 * formula is exported as text.
 */
class ListExportPageIT {

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

  private void export(String form, String format) {
    collector.clickCss("#" + form + "\\:export_button");
    collector.clickCss("#" + form + "\\:export-" + format);
    collector.downloaded(form + "." + format);
    collector.await(
        "#" + form + "\\:export-progress[aria-valuenow='100']", java.time.Duration.ofSeconds(20));
    collector.awaitAjax();
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
