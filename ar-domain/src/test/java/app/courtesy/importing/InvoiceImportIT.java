package app.courtesy.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.courtesy.customer.CustomerData;
import app.courtesy.customer.CustomerService;
import app.courtesy.invoice.InvoiceListing;
import app.courtesy.invoice.InvoiceListing.Filter;
import app.courtesy.invoice.InvoiceListing.Row;
import app.courtesy.invoice.InvoiceListing.Show;
import app.courtesy.invoice.InvoiceListing.Sort;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestLedger;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class InvoiceImportIT {

  private static final Map<String, String[]> MARKETS =
      Map.of(
          "391", new String[] {"US", "America/Chicago", "en-US", "USD"},
          "406", new String[] {"DE", "Europe/Berlin", "de-DE", "EUR"},
          "770", new String[] {"FR", "Europe/Paris", "fr-FR", "EUR"},
          "818", new String[] {"GB", "Europe/London", "en-GB", "GBP"},
          "897", new String[] {"CA", "America/Toronto", "en-CA", "CAD"});

  @Inject private InvoiceImport importer;
  @Inject private ImportMappings mappings;
  @Inject private CustomerService customers;
  @Inject private InvoiceRepository invoices;
  @Inject private InvoiceListing listing;
  @Inject private TestLedger ledger;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void importsTheIbmSampleAndChangesNothingTheSecondTime() throws IOException {
    byte[] sample = resource("/demo/receivables.csv");
    ensureCustomersOf(sample);

    InvoiceMapping ibm = mappings.find("IBM accounts-receivable sample").orElseThrow();

    ImportReport first = importer.run(sample, ibm, ImportMode.ALL_OR_NOTHING);
    ImportReport second = importer.run(sample, ibm, ImportMode.ALL_OR_NOTHING);

    assertThat(first.rows()).isEqualTo(2466);
    assertThat(first.rejected()).isEmpty();
    assertThat(first.invoices().created() + first.invoices().unchanged()).isEqualTo(2466);
    assertThat(first.totals())
        .containsExactly(
            Money.of("16348.48", "CAD"),
            Money.of("66803.68", "EUR"),
            Money.of("24502.06", "GBP"),
            Money.of("40048.96", "USD"));
    assertThat(second.invoices().unchanged()).isEqualTo(2466);
    assertThat(second.payments().unchanged()).isEqualTo(2466);
    assertThat(invoices.findByNumber("611365")).isPresent();
  }

  @Test
  void aFileOfTenThousandInvoicesImportsWholeAndEachIsFoundByPartOfItsNumber() {
    String customer = ensureCustomer();
    List<String> lines = new ArrayList<>(List.of("Invoice,Customer,Issued,Due,Amount"));
    for (int i = 1; i <= 10_000; i++) {
      lines.add("L%05d-%s,%s,2026-01-05,2026-02-04,%d.50".formatted(i, tag, customer, i));
    }

    ImportReport report =
        importer.run(csv(lines.toArray(String[]::new)), mapping(), ImportMode.ALL_OR_NOTHING);

    assertThat(report.invoices().created()).isEqualTo(10_000);
    assertThat(report.totals()).containsExactly(Money.of("50010000.00", "CHF"));
    Filter search = new Filter("l04321-" + tag, null, Show.ALL);
    assertThat(listing.page(search, Sort.DUE_DATE, true, 0, 25))
        .extracting(Row::number, Row::open)
        .containsExactly(tuple("L04321-" + tag, Money.of("4321.50", "CHF")));
    assertThat(listing.count(search)).isEqualTo(1);
  }

  @Test
  void aLargeFileIsCheckedWholeAndEachBadRowIsNamedByItsOwnLine() {
    String customer = ensureCustomer();
    List<String> lines = new ArrayList<>(List.of("Invoice,Customer,Issued,Due,Amount"));
    Set<Integer> bad = Set.of(1, 4_501, 4_502, 9_000);
    for (int i = 1; i <= 9_000; i++) {
      String sign = bad.contains(i) ? "-" : "";
      lines.add("V%05d-%s,%s,2026-01-05,2026-02-04,%s%d.25".formatted(i, tag, customer, sign, i));
    }

    ImportReport report =
        importer.run(csv(lines.toArray(String[]::new)), mapping(), ImportMode.VALID_ROWS_ONLY);

    assertThat(report.rejected())
        .as("an amount below zero, on the first, the middle two and the last line")
        .extracting(r -> r.line() + " " + r.column())
        .containsExactly("2 Amount", "4502 Amount", "4503 Amount", "9001 Amount");
    assertThat(report.invoices().created()).isEqualTo(8_996);
    assertThat(invoices.findByNumber("V04500-" + tag)).isPresent();
    assertThat(invoices.findByNumber("V04501-" + tag)).isEmpty();
    assertThat(invoices.findByNumber("V09000-" + tag)).isEmpty();
  }

  @Test
  void oneBadLineImportsNothingAndEveryProblemIsNamedByLineAndColumn() {
    String customer = ensureCustomer();
    byte[] file =
        csv(
            "Invoice,Customer,Issued,Due,Amount",
            "A-" + tag + ",%s,2026-01-05,2026-02-04,120.00".formatted(customer),
            "B-" + tag + ",%s,2026-01-06,2026-02-05,abc".formatted(customer),
            "C-" + tag + ",NO-SUCH-CUSTOMER,2026-01-07,2026-02-06,10.00",
            "D-" + tag + ",%s,06.01.2026,2026-02-05,10.00".formatted(customer),
            "A-" + tag + ",%s,2026-01-05,2026-02-04,120.00".formatted(customer),
            "E-" + tag + ",%s,2026-01-05".formatted(customer));

    assertThatThrownBy(() -> importer.run(file, mapping(), ImportMode.ALL_OR_NOTHING))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e -> {
              assertThat(e.report().written()).isFalse();
              assertThat(e.report().rejected())
                  .extracting(r -> r.line() + " " + r.column())
                  .containsExactly("3 Amount", "4 Customer", "5 Issued", "6 Invoice", "7 ");
              assertThat(e.report().totals())
                  .as("what the valid rows invoice: the first line, not its repetition")
                  .containsExactly(Money.of("120.00", "CHF"));
            });
    assertThat(invoices.findByNumber("A-" + tag)).isEmpty();
  }

  @Test
  void validRowsOnlyImportsTheGoodLinesAndReportsTheRest() {
    String customer = ensureCustomer();
    byte[] file =
        csv(
            "Invoice,Customer,Issued,Due,Amount",
            "F-" + tag + ",%s,2026-01-05,2026-02-04,1234.50".formatted(customer),
            "G-" + tag + ",%s,2026-01-05,2026-01-04,10.00".formatted(customer));
    InvoiceMapping mapping =
        new InvoiceMapping(
            "Invoice",
            "Customer",
            "Issued",
            "Due",
            "Amount",
            null,
            "EUR",
            null,
            null,
            null,
            null,
            null,
            "yyyy-MM-dd",
            false);

    ImportReport report = importer.run(file, mapping, ImportMode.VALID_ROWS_ONLY);

    assertThat(report.written()).isTrue();
    assertThat(report.invoices().created()).isEqualTo(1);
    assertThat(report.rejected())
        .extracting(r -> r.line() + " " + r.column())
        .containsExactly("3 Due");
    assertThat(invoices.findByNumber("F-" + tag)).isPresent();
  }

  @Test
  void theMessySampleIsRefusedLineByLineAndNothingIsImported() throws IOException {
    byte[] messy = resource("/importing/receivables-messy.csv");
    ensureCustomersOf(resource("/demo/receivables.csv"));
    InvoiceMapping ibm = mappings.find("IBM accounts-receivable sample").orElseThrow();

    assertThatThrownBy(() -> importer.run(messy, ibm, ImportMode.ALL_OR_NOTHING))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e -> {
              assertThat(e.report().rows()).isEqualTo(2586);
              assertThat(e.report().rejected()).hasSize(120);
              assertThat(e.report().rejected())
                  .allSatisfy(
                      r -> {
                        assertThat(r.column()).isEqualTo("PaperlessBill");
                        assertThat(r.reason()).contains("is empty");
                      });
            });
  }

  @Test
  void aSavedMappingComesBackAsSaved() {
    InvoiceMapping mapping = mapping();

    mappings.save("ERP " + tag, mapping, "test");

    assertThat(mappings.find("ERP " + tag)).contains(mapping);
    assertThat(mappings.names()).contains("ERP " + tag, "IBM accounts-receivable sample");
  }

  @Test
  void aMappingThatDoesNotFitTheFileSaysWhichColumnsThereAre() {
    byte[] file = csv("Rechnung,Kunde", "R-1,K-1");

    assertThatThrownBy(() -> importer.run(file, mapping(), ImportMode.ALL_OR_NOTHING))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("no column Invoice")
        .hasMessageContaining("Its columns are: Rechnung, Kunde");
  }

  @Test
  void impossibleDatesExtraDecimalsAndFormulasAreRefusedByLineAndColumn() {
    String customer = ensureCustomer();
    byte[] file =
        csv(
            "Invoice,Customer,Issued,Due,Amount",
            "F1-" + tag + ",%s,2026-01-05,2026-02-04,120.00".formatted(customer),
            "F2-" + tag + ",%s,2026-01-05,2026-02-30,120.00".formatted(customer),
            "F3-" + tag + ",%s,2026-01-05,2026-02-04,1.005".formatted(customer),
            "=1+1,%s,2026-01-05,2026-02-04,10.00".formatted(customer),
            "\"\t-F5\",%s,2026-01-05,2026-02-04,10.00".formatted(customer),
            "F6/" + tag + ",%s,2026-01-05,2026-02-04,10.00".formatted(customer),
            "F7-" + tag + ",%s,1899-12-31,2026-02-04,10.00".formatted(customer));

    assertThatThrownBy(() -> importer.run(file, mapping(), ImportMode.ALL_OR_NOTHING))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e ->
                assertThat(e.report().rejected())
                    .extracting(r -> r.line() + " " + r.column())
                    .containsExactly(
                        "3 Due", "4 Amount", "5 Invoice", "6 Invoice", "7 Invoice", "8 Issued"));
    assertThat(invoices.findByNumber("F1-" + tag)).isEmpty();
  }

  @Test
  void aFileSentAgainIsComparedWithWhatIsStoredAndOnlyWhatChangesIsCheckedAnew() {
    String customer = ensureCustomer();
    String header = "Invoice,Customer,Issued,Due,Amount";
    String first = "S1-" + tag + ",%s,%s,2026-02-04,120.00";
    String second = "S2-" + tag + ",%s,2026-01-05,2026-02-04,%s";
    importer.run(
        csv(header, first.formatted(customer, "2026-01-05"), second.formatted(customer, "80.00")),
        mapping(),
        ImportMode.ALL_OR_NOTHING);
    ledger.unchecked(
        "update invoice set issue_date = ?1 where number = ?2",
        LocalDate.of(1899, 12, 31),
        "S1-" + tag);

    ImportReport again =
        importer.run(
            csv(
                header,
                first.formatted(customer, "1899-12-31"),
                second.formatted(customer, "80.00")),
            mapping(),
            ImportMode.ALL_OR_NOTHING);

    assertThat(again.rejected())
        .as("a row that says what its invoice holds, a date today's checks refuse included")
        .isEmpty();
    assertThat(again.invoices().unchanged()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                importer.run(
                    csv(
                        header,
                        first.formatted(customer, "1899-12-31"),
                        second.formatted(customer, "-80.00")),
                    mapping(),
                    ImportMode.ALL_OR_NOTHING))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e ->
                assertThat(e.report().rejected())
                    .as("a changed row is checked: an amount below zero")
                    .extracting(r -> r.line() + " " + r.column())
                    .containsExactly("3 Amount"));
    assertThat(invoices.findByNumber("S2-" + tag).orElseThrow().getAmount())
        .isEqualTo(Money.of("80.00", "CHF"));
  }

  @Test
  void aSettledLineSentAgainIsComparedWithItsRecordedPaymentAndAChangedOneIsRefused() {
    String customer = ensureCustomer();
    InvoiceMapping settled = mapping("Settled", "yyyy-MM-dd");
    String header = "Invoice,Customer,Issued,Due,Amount,Settled";
    String line = "P1-" + tag + ",%s,2026-01-05,2026-02-04,120.00,%s";
    importer.run(
        csv(header, line.formatted(customer, "2026-02-10")), settled, ImportMode.ALL_OR_NOTHING);
    ledger.unchecked(
        "update payment set payment_date = ?1 where external_id = ?2",
        LocalDate.of(1899, 12, 31),
        "settled-P1-" + tag);

    ImportReport again =
        importer.run(
            csv(header, line.formatted(customer, "1899-12-31")),
            settled,
            ImportMode.ALL_OR_NOTHING);

    assertThat(again.rejected())
        .as("a payment said again as recorded, a date today's checks refuse included")
        .isEmpty();
    assertThat(again.payments().unchanged()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                importer.run(
                    csv(header, line.formatted(customer, "2026-02-11")),
                    settled,
                    ImportMode.ALL_OR_NOTHING))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e ->
                assertThat(e.report().rejected())
                    .extracting(r -> r.line() + " " + r.column() + " " + r.reason())
                    .containsExactly(
                        "2 Settled payment settled-P1-"
                            + tag
                            + " was recorded earlier with other details; a payment cannot"
                            + " change"));
  }

  @Test
  void aMappingWhoseDatePatternIsNoDatePatternIsRefusedWhenSaved() {
    for (String pattern : List.of("yyyy-MM", "HH:mm", "qqq{")) {
      InvoiceMapping bad = mapping(null, pattern);

      assertThatThrownBy(() -> mappings.save("bad-" + tag, bad, "test"))
          .isInstanceOf(ConstraintViolationException.class)
          .hasMessageContaining("datePattern");
    }
    assertThat(mappings.find("bad-" + tag)).isEmpty();
  }

  private static InvoiceMapping mapping() {
    return mapping(null, "yyyy-MM-dd");
  }

  /** The test files' columns, with the settled date's column if any, and dates so written. */
  private static InvoiceMapping mapping(String settledDate, String datePattern) {
    return new InvoiceMapping(
        "Invoice",
        "Customer",
        "Issued",
        "Due",
        "Amount",
        null,
        null,
        null,
        null,
        null,
        settledDate,
        null,
        datePattern,
        false);
  }

  private String ensureCustomer() {
    String number = "IMP-" + tag;
    customers.upsert(
        List.of(
            new CustomerData(
                number,
                number,
                "Import Test AG",
                "CH",
                "Europe/Zurich",
                "de-CH",
                "CHF",
                null,
                null,
                null)),
        "test");
    return number;
  }

  private void ensureCustomersOf(byte[] sample) {
    Map<String, CustomerData> byNumber = new LinkedHashMap<>();
    for (CsvTable.Line line : CsvTable.parse(sample).lines()) {
      String[] market = MARKETS.get(line.cells().get(0));
      String number = line.cells().get(1);
      byNumber.putIfAbsent(
          number,
          new CustomerData(
              number,
              number,
              "Customer " + number,
              market[0],
              market[1],
              market[2],
              market[3],
              null,
              null,
              null));
    }
    customers.upsert(List.copyOf(byNumber.values()), "test");
  }

  private static byte[] csv(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = InvoiceImportIT.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
