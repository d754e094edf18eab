package app.courtesy.communication;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.communication.CommunicationLog.Logged;
import app.courtesy.customer.Channel;
import app.courtesy.invoice.InvoiceListing;
import app.courtesy.invoice.InvoiceStatus;
import app.courtesy.shared.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DossierTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

  @Test
  void theCsvExportNeverHandsASpreadsheetAFormula() {
    // A customer name, an invoice number and a reply a customer wrote, each made to run in Excel.
    Dossier dossier =
        new Dossier(
            "C-1",
            "=HYPERLINK(\"http://evil.test\",\"Weber\")",
            "DE",
            ZoneId.of("Europe/Berlin"),
            List.of(
                new InvoiceListing.Row(
                    1,
                    "@INV-1",
                    "C-1",
                    "Weber",
                    LocalDate.parse("2026-10-01"),
                    LocalDate.parse("2026-10-31"),
                    Money.of("120.00", "EUR"),
                    Money.of("-5.00", "EUR"),
                    InvoiceStatus.OPEN)),
            List.of(),
            List.of(
                new Logged(
                    1,
                    new Entry(
                        7,
                        NOW,
                        Channel.EMAIL,
                        false,
                        "customer",
                        null,
                        "+cmd|' /C calc'!A0",
                        "-1+1",
                        Outcome.RECORDED,
                        "\tindented",
                        null),
                    "abc123")),
            null,
            NOW);

    String csv = new String(dossier.csv(), StandardCharsets.UTF_8);

    assertThat(csv)
        .contains("customer,C-1,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"Weber\"\")\",DE,")
        .contains("invoice,'@INV-1,2026-10-01,2026-10-31,120.00,-5.00,EUR,OPEN")
        .contains(",'+cmd|' /C calc'!A0,'-1+1,RECORDED,'\tindented,abc123");
    for (String line : csv.split("\r\n")) {
      for (String field : line.split(",")) {
        assertThat(field).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
      }
    }
  }
}
