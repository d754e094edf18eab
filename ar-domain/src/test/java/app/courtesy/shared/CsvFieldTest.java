package app.courtesy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFieldTest {

  @Test
  void textASpreadsheetWouldRunAsAFormulaStartsWithAQuote() {
    assertThat(CsvField.of("=HYPERLINK(\"http://x.test\";\"Pay here\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x.test\"\";\"\"Pay here\"\")\"");
    assertThat(CsvField.of("+1+2")).isEqualTo("'+1+2");
    assertThat(CsvField.of("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvField.of("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
    assertThat(CsvField.of("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvField.of("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @Test
  void numbersAndOrdinaryTextStayAsTheyAre() {
    assertThat(CsvField.of("-12.50")).isEqualTo("-12.50");
    assertThat(CsvField.of("1250.00")).isEqualTo("1250.00");
    assertThat(CsvField.of("Weber & Söhne AG")).isEqualTo("Weber & Söhne AG");
    assertThat(CsvField.of("2026-11-23")).isEqualTo("2026-11-23");
    assertThat(CsvField.of("a = b")).isEqualTo("a = b");
    assertThat(CsvField.of("")).isEmpty();
    assertThat(CsvField.of(null)).isEmpty();
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
    assertThat(CsvField.of("Weber, Anna")).isEqualTo("\"Weber, Anna\"");
    assertThat(CsvField.of("say \"hello\"")).isEqualTo("\"say \"\"hello\"\"\"");
    assertThat(CsvField.of("line\nbreak")).isEqualTo("\"line\nbreak\"");
  }
}
