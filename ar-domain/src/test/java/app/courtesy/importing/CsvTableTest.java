package app.courtesy.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.importing.CsvTable.UnreadableFileException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  @Test
  void readsQuotedCellsWithCommasQuotesAndLineBreaks() {
    CsvTable table =
        parse(
            "number,customer,note\r\n1,\"Acme, Inc.\",\"said \"\"hi\"\"\"\n2,Beta,\"two\nlines\"\n");

    assertThat(table.header()).containsExactly("number", "customer", "note");
    assertThat(table.lines()).hasSize(2);
    assertThat(table.lines().get(0).cells()).containsExactly("1", "Acme, Inc.", "said \"hi\"");
    assertThat(table.lines().get(1).cells()).containsExactly("2", "Beta", "two\nlines");
  }

  @Test
  void numbersLinesAsTheFileDoesSkippingBlankOnes() {
    CsvTable table = parse("a,b\n1,2\n\n3,4\n");

    assertThat(table.lines()).extracting(CsvTable.Line::number).containsExactly(2, 4);
  }

  @Test
  void takesSemicolonsWhenTheHeaderUsesThemAndDropsAByteOrderMark() {
    CsvTable table = parse("\uFEFFRechnung;Betrag\nR-1;1.234,50\n");

    assertThat(table.header()).containsExactly("Rechnung", "Betrag");
    assertThat(table.lines().get(0).cells()).containsExactly("R-1", "1.234,50");
  }

  @Test
  void refusesTextThatIsNotUtf8WithAFix() {
    byte[] latin1 = "Kunde,Betrag\nMüller,12\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> CsvTable.parse(latin1))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("not UTF-8")
        .hasMessageContaining("CSV UTF-8");
  }

  @Test
  void refusesAQuoteThatIsNeverClosed() {
    assertThatThrownBy(() -> parse("a,b\n1,\"open\n2,3\n"))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("Line 2");
  }

  @Test
  void refusesAnEmptyFile() {
    assertThatThrownBy(() -> parse("\n\n")).isInstanceOf(UnreadableFileException.class);
  }

  private static CsvTable parse(String text) {
    return CsvTable.parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
