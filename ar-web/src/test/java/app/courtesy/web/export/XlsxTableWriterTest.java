package app.courtesy.web.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTableWriterTest {

  private static Sheet sheet(List<?>... rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XlsxTableWriter writer = new XlsxTableWriter(bytes, "invoices")) {
      for (List<?> row : rows) {
        writer.row(row);
      }
    }
    return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray())).getSheet("invoices");
  }

  @Test
  void theHeaderIsABoldTextRowThenAmountsAreNumbersAndDatesAreDates() throws IOException {
    Sheet sheet =
        sheet(
            List.of("Invoice", "Due", "Currency", "Amount"),
            List.of("INV-1", LocalDate.of(2026, 12, 3), "EUR", new BigDecimal("1234.50")));

    Row header = sheet.getRow(0);
    assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Invoice");
    assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Amount");
    assertThat(
            sheet
                .getWorkbook()
                .getFontAt(header.getCell(0).getCellStyle().getFontIndex())
                .getBold())
        .isTrue();
    Row invoice = sheet.getRow(1);
    assertThat(invoice.getCell(0).getStringCellValue()).isEqualTo("INV-1");
    assertThat(invoice.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(DateUtil.isCellDateFormatted(invoice.getCell(1))).isTrue();
    assertThat(invoice.getCell(1).getLocalDateTimeCellValue().toLocalDate())
        .isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(invoice.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(invoice.getCell(3).getNumericCellValue()).isEqualTo(1234.50);
    assertThat(invoice.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
  }

  @Test
  void formulaLikeTextStaysTextAndEmptyCellsAreLeftOut() throws IOException {
    Sheet sheet = sheet(Arrays.asList("=1+2", null, "@SUM(A1)"));

    Row row = sheet.getRow(0);
    assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=1+2");
    assertThat(row.getCell(1)).isNull();
    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
  }
}
