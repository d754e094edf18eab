package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An administrator imports invoice files through the page, with a saved mapping. */
class ImportPageIT {

  private static final Path IBM_SAMPLE =
      Path.of("../ar-domain/src/main/resources/demo/receivables.csv");
  private static final Path MESSY_SAMPLE =
      Path.of("../ar-domain/src/test/resources/importing/receivables-messy.csv");

  private Browser browser;

  @BeforeEach
  void signIn() {
    browser = Browser.open();
    browser.signIn("admin", Courtesy.ADMIN_PASSWORD).go("/imports/invoices.xhtml");
  }

  @AfterEach
  void closeBrowser() {
    Browser.closeAll(browser);
  }

  @Test
  void theIbmSampleImportsWithItsSavedMappingAndShowsItsTotals() {
    browser.upload("upload:file", IBM_SAMPLE);
    browser.await("#import\\:preview", Duration.ofSeconds(20));
    assertThat(browser.text("#import")).contains("2466 rows", "customerID", "InvoiceAmount");
    browser.choose("import:saved", "IBM accounts-receivable sample");
    browser.screenshot("import-mapping");

    browser.press("import:start");
    browser.await("#import-report", Duration.ofSeconds(120));
    browser.screenshot("import-report");

    assertThat(browser.text("#rows-read")).isEqualTo("2466");
    assertThat(browser.text("#rejected-count")).isEqualTo("0");
    // The demo book's customers of the sample's country 391 are shared between the US and Spain,
    // so the Spanish ones' invoices are in euros.
    assertThat(browser.text("#import-totals"))
        .contains("CA$16,348.48", "€88,059.13", "£24,502.06", "$18,793.51");
  }

  @Test
  void theMessySampleImportsNothingAndNamesEveryLineToFix() {
    browser.upload("upload:file", MESSY_SAMPLE);
    browser.await("#import\\:preview", Duration.ofSeconds(20));
    browser.choose("import:saved", "IBM accounts-receivable sample");

    browser.press("import:start");
    browser.await("#import-report", Duration.ofSeconds(120));
    browser.screenshot("import-messy-report");

    assertThat(browser.text("#import-report")).contains("Nothing was imported");
    assertThat(browser.text("#rejected-count")).isEqualTo("120");
    assertThat(browser.text("#rejected"))
        .contains("PaperlessBill", "is empty: say Paper or Electronic");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithAFix() throws Exception {
    Path latin1 = java.nio.file.Files.createTempFile("latin1", ".csv");
    java.nio.file.Files.write(
        latin1, "Kunde,Betrag\nMüller,12\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    browser.upload("upload:file", latin1);
    browser.await("#messages .ui-messages-error", Duration.ofSeconds(20));

    assertThat(browser.text("#messages")).contains("not UTF-8", "CSV UTF-8");
  }
}
