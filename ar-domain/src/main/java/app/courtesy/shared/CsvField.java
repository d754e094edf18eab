package app.courtesy.shared;

import java.util.regex.Pattern;

/**
 * One field of a CSV file we write, safe to open in a spreadsheet. Text that a spreadsheet would
 * read as a formula — a field that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return — gets a single quote in front, so that a customer name such as {@code
 * =HYPERLINK("http://…")} or an email body starting {@code @SUM(…)} is shown as the text it is and
 * never run (CSV injection). Plain numbers ({@code -12.50}) are left as they are: a spreadsheet
 * reads them as numbers, never as formulas. The field is then quoted as RFC 4180 says when it holds
 * a comma, a double quote or a line break.
 *
 * <pre>{@code
 * CsvField.of("=1+2")        // '=1+2
 * CsvField.of("-12.50")      // -12.50
 * CsvField.of("Weber, Anna") // "Weber, Anna"
 * }</pre>
 */
public final class CsvField {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private CsvField() {}

  /** The field as written: neutralised, then quoted if need be; an absent value is empty. */
  public static String of(String value) {
    if (value == null) {
      return "";
    }
    String text = neutralised(value);
    return text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }

  /** The value with a single quote in front when a spreadsheet would take it for a formula. */
  public static String neutralised(String value) {
    if (value.isEmpty() || NUMBER.matcher(value).matches()) {
      return value;
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
      default -> value;
    };
  }
}
