package app.courtesy.importing;

import app.courtesy.shared.BusinessException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as read: its header and its lines, each with its line number in the file. Reads UTF-8
 * (with or without byte-order mark), comma- or semicolon-separated (whichever the header uses),
 * with RFC 4180 quoting. Anything else is refused with a message that says how to fix it.
 */
public record CsvTable(List<String> header, List<Line> lines) {

  /** One line of data; {@code number} is the line in the file (the header is line 1). */
  public record Line(int number, List<String> cells) {}

  /** The file cannot be read as CSV at all. */
  public static class UnreadableFileException extends BusinessException {
    public UnreadableFileException(String message) {
      super(message);
    }
  }

  public static CsvTable parse(byte[] bytes) {
    String text = decode(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int firstBreak = text.indexOf('\n');
    String headerLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
    char delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
    List<Line> records = records(text, delimiter);
    if (records.isEmpty() || records.get(0).cells().stream().allMatch(String::isBlank)) {
      throw new UnreadableFileException("The file is empty: it needs a header line and data.");
    }
    List<String> header = records.get(0).cells().stream().map(String::strip).toList();
    return new CsvTable(header, records.subList(1, records.size()));
  }

  private static String decode(byte[] bytes) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return utf8.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableFileException(
          "The file is not UTF-8 text. Save it as \"CSV UTF-8\" (Excel: Save as, CSV UTF-8) and"
              + " upload it again.");
    }
  }

  private static List<Line> records(String text, char delimiter) {
    List<Line> lines = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int recordStart = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
      } else if (c == delimiter) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(cell.toString());
        cell.setLength(0);
        addUnlessBlank(lines, recordStart, cells);
        cells = new ArrayList<>();
        line++;
        recordStart = line;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new UnreadableFileException(
          "Line " + recordStart + " opens a quote (\") that is never closed.");
    }
    cells.add(cell.toString());
    addUnlessBlank(lines, recordStart, cells);
    return lines;
  }

  private static void addUnlessBlank(List<Line> lines, int number, List<String> cells) {
    if (!(cells.size() == 1 && cells.get(0).isBlank())) {
      lines.add(new Line(number, List.copyOf(cells)));
    }
  }

  private static long count(String text, char c) {
    return text.chars().filter(ch -> ch == c).count();
  }
}
