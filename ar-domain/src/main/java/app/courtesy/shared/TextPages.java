package app.courtesy.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Plain text laid out as a PDF for printing: A4 pages, Helvetica 11 pt, lines wrapped at word
 * boundaries, as many pages as the text needs. Letters and customer dossiers are written this way.
 *
 * <pre>{@code
 * List<String> lines = new ArrayList<>(TextPages.wrap("Dear Ms Weber, …"));
 * TextPages.write(lines, out);
 * }</pre>
 */
public final class TextPages {

  private static final float MARGIN = 64;
  private static final float SIZE = 11;
  private static final float LEADING = 15;

  /** Characters per line: what fits between the margins in the font's size. */
  public static final int WIDTH = 88;

  private TextPages() {}

  /**
   * The text as lines of at most {@link #WIDTH} characters: each of its own lines (paragraphs)
   * wrapped at spaces. A word longer than a line stays whole.
   */
  public static List<String> wrap(String text) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        if (line.length() > 0 && line.length() + word.length() + 1 > WIDTH) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(line.length() == 0 ? "" : " ").append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Writes the lines, each as given (wrap them first), to {@code out} as a PDF. */
  public static void write(List<String> lines, OutputStream out) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
      for (int start = 0; start < lines.size(); start += perPage) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(document, page)) {
          text.beginText();
          text.setFont(font, SIZE);
          text.setLeading(LEADING);
          text.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
          for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
            text.showText(printable(font, line));
            text.newLine();
          }
          text.endText();
        }
      }
      document.save(out);
    }
  }

  /**
   * The line as the font can draw it: any space or tab (and the narrow no-break space French
   * amounts use) as a plain space, other characters it lacks as a question mark.
   */
  public static String printable(PDType1Font font, String line) {
    StringBuilder out = new StringBuilder();
    line.codePoints()
        .forEach(
            c -> {
              String character =
                  Character.isSpaceChar(c) || Character.isWhitespace(c)
                      ? " "
                      : new String(Character.toChars(c));
              out.append(drawable(font, character) ? character : "?");
            });
    return out.toString();
  }

  private static boolean drawable(PDType1Font font, String character) {
    try {
      font.encode(character);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }
}
