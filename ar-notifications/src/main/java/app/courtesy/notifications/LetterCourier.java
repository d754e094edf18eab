package app.courtesy.notifications;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.Courier;
import app.courtesy.dispatch.DeliveryException;
import app.courtesy.dispatch.Outgoing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Letters for printing: one A4 PDF per message in the pickup folder's {@code letters} folder,
 * addressed to the contact at the customer, the reminder's text below.
 */
public class LetterCourier implements Courier {

  private static final float MARGIN = 64;
  private static final float SIZE = 11;
  private static final float LEADING = 15;
  private static final int WIDTH = 88;

  private final Path pickup;

  public LetterCourier(Path pickup) {
    this.pickup = pickup;
  }

  @Override
  public Channel channel() {
    return Channel.LETTER;
  }

  @Override
  public String deliver(Outgoing message) throws DeliveryException {
    List<String> lines = new ArrayList<>();
    lines.add(message.recipientName());
    lines.add(message.address());
    lines.add("");
    lines.add(message.subject());
    lines.add("");
    for (String paragraph : message.text().split("\n", -1)) {
      lines.addAll(wrap(paragraph));
    }
    return new PickupFolder(pickup)
        .deliver(
            "letters",
            message.messageId(),
            "pdf",
            out -> {
              try (PDDocument document = pdf(lines)) {
                document.save(out);
              }
            });
  }

  private static PDDocument pdf(List<String> lines) throws IOException {
    PDDocument document = new PDDocument();
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
    return document;
  }

  /**
   * The line as the font can draw it: any space (the narrow no-break space French amounts use) as a
   * plain one, other characters it lacks as a question mark.
   */
  private static String printable(PDType1Font font, String line) {
    StringBuilder out = new StringBuilder();
    line.codePoints()
        .forEach(
            c -> {
              String character = Character.isSpaceChar(c) ? " " : new String(Character.toChars(c));
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

  private static List<String> wrap(String paragraph) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split(" ")) {
      if (line.length() > 0 && line.length() + word.length() + 1 > WIDTH) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
