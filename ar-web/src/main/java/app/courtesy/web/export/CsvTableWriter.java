package app.courtesy.web.export;

import app.courtesy.shared.CsvField;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * CSV as RFC 4180 says (comma separated, CRLF line ends, quoted where needed) in UTF-8 with a byte
 * order mark, so that spreadsheets read accents right. Text is neutralised by {@link CsvField};
 * amounts are plain decimals ({@code 1234.50}), dates ISO ({@code 2026-12-03}).
 */
public final class CsvTableWriter implements TableWriter {

  private final Writer out;

  public CsvTableWriter(OutputStream out) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    this.out.write('\uFEFF');
  }

  @Override
  public void row(List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(cells.get(i)));
    }
    out.write("\r\n");
  }

  private static String field(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof BigDecimal amount) {
      return amount.toPlainString();
    }
    if (cell instanceof LocalDate date) {
      return date.toString();
    }
    return CsvField.of(cell.toString());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
