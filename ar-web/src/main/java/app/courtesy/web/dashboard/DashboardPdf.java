package app.courtesy.web.dashboard;

import app.courtesy.shared.TextPages;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The dashboard as a PDF: a heading saying whose figures, in which currency and over which period,
 * then every table of the page in its order, on landscape A4 pages. The first column (what a line
 * is about) is twice as wide as the figures; a cell too long for its column is cut with an
 * ellipsis.
 */
final class DashboardPdf {

  private static final PDRectangle PAGE =
      new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
  private static final float MARGIN = 40;
  private static final float SIZE = 9;
  private static final float LEADING = 13;

  private final PDDocument document;
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream page;
  private float y;

  private DashboardPdf(PDDocument document) {
    this.document = document;
  }

  static void write(String heading, List<FigureTable> tables, OutputStream out) throws IOException {
    try (PDDocument document = new PDDocument()) {
      DashboardPdf pdf = new DashboardPdf(document);
      pdf.newPage();
      pdf.line(List.of("Courtesy · Collections dashboard"), new float[] {1}, pdf.bold, 14);
      pdf.line(List.of(heading), new float[] {1}, pdf.regular, 10);
      for (FigureTable table : tables) {
        pdf.table(table);
      }
      pdf.page.close();
      document.save(out);
    }
  }

  private void table(FigureTable table) throws IOException {
    float[] widths = widths(table.headings().size());
    if (y - 4 * LEADING < MARGIN) {
      newPage();
    }
    y -= LEADING / 2;
    line(List.of(table.title()), new float[] {1}, bold, 11);
    line(table.headings(), widths, bold, SIZE);
    if (table.rows().isEmpty()) {
      line(List.of("No figures for this period."), new float[] {1}, regular, SIZE);
    }
    for (FigureTable.Row row : table.rows()) {
      line(row.cells(), widths, regular, SIZE);
    }
  }

  /** Each column's share of the width: the first counts twice. */
  private static float[] widths(int columns) {
    float[] widths = new float[columns];
    for (int i = 0; i < columns; i++) {
      widths[i] = (i == 0 ? 2f : 1f) / (columns + 1);
    }
    return widths;
  }

  private void line(List<String> cells, float[] shares, PDType1Font font, float size)
      throws IOException {
    if (y - LEADING < MARGIN) {
      newPage();
    }
    y -= size > SIZE ? size + 4 : LEADING;
    float width = PAGE.getWidth() - 2 * MARGIN;
    float x = MARGIN;
    for (int i = 0; i < cells.size(); i++) {
      float column = width * shares[i];
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(x, y);
      page.showText(fitted(TextPages.printable(font, cells.get(i)), font, size, column - 6));
      page.endText();
      x += column;
    }
  }

  private static String fitted(String text, PDType1Font font, float size, float width)
      throws IOException {
    if (font.getStringWidth(text) / 1000 * size <= width) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }

  private void newPage() throws IOException {
    if (page != null) {
      page.close();
    }
    PDPage next = new PDPage(PAGE);
    document.addPage(next);
    page = new PDPageContentStream(document, next);
    y = PAGE.getHeight() - MARGIN;
  }
}
