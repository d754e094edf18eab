package app.courtesy.web.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {

  private static String csv(List<?>... rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvTableWriter writer = new CsvTableWriter(bytes)) {
      for (List<?> row : rows) {
        writer.row(row);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aHeaderThenRowsWithPlainAmountsAndIsoDatesEndingInCrlf() throws IOException {
    String csv =
        csv(
            List.of("Invoice", "Due", "Currency", "Amount"),
            List.of("INV-1", LocalDate.of(2026, 12, 3), "EUR", new BigDecimal("1234.50")));

    assertThat(csv)
        .isEqualTo("\uFEFFInvoice,Due,Currency,Amount\r\nINV-1,2026-12-03,EUR,1234.50\r\n");
  }

  @Test
  void textThatASpreadsheetWouldRunIsWrittenAsText() throws IOException {
    String csv = csv(List.of("=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1", "-12.50"));

    assertThat(csv).isEqualTo("\uFEFF\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),'+1,-12.50\r\n");
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedAndEmptyCellsStayEmpty() throws IOException {
    String csv = csv(Arrays.asList("Weber, Anna", "say \"hi\"", "two\nlines", null, "Müller"));

    assertThat(csv)
        .isEqualTo("\uFEFF\"Weber, Anna\",\"say \"\"hi\"\"\",\"two\nlines\",,Müller\r\n");
  }
}
