package app.courtesy.web.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An XLSX workbook of one sheet, written as a stream: only the last {@value #ROWS_IN_MEMORY} rows
 * are held in memory, the rest go to a temporary file that is removed on close. The header row is
 * bold and frozen; amounts and counts are numeric cells, dates date cells, text is text (a
 * spreadsheet never reads a text cell as a formula).
 */
public final class XlsxTableWriter implements TableWriter {

  private static final int ROWS_IN_MEMORY = 100;

  private final OutputStream out;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
  private final SXSSFSheet sheet;
  private final CellStyle header;
  private final CellStyle amount;
  private final CellStyle date;
  private int next;

  public XlsxTableWriter(OutputStream out, String sheetName) {
    this.out = out;
    this.sheet = workbook.createSheet(sheetName);
    sheet.createFreezePane(0, 1);
    Font bold = workbook.createFont();
    bold.setBold(true);
    header = workbook.createCellStyle();
    header.setFont(bold);
    amount = workbook.createCellStyle();
    amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
    date = workbook.createCellStyle();
    date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
  }

  @Override
  public void row(List<?> cells) {
    Row row = sheet.createRow(next);
    for (int i = 0; i < cells.size(); i++) {
      Object value = cells.get(i);
      if (value == null) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (value instanceof BigDecimal number) {
        cell.setCellValue(number.doubleValue());
        cell.setCellStyle(amount);
      } else if (value instanceof Number whole) {
        cell.setCellValue(whole.doubleValue());
      } else if (value instanceof LocalDate day) {
        cell.setCellValue(day);
        cell.setCellStyle(date);
      } else {
        cell.setCellValue(value.toString());
        if (next == 0) {
          cell.setCellStyle(header);
        }
      }
    }
    next++;
  }

  @Override
  public void close() throws IOException {
    try {
      workbook.write(out);
      out.flush();
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }
}
