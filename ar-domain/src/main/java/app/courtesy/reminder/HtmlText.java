package app.courtesy.reminder;

import java.util.regex.Pattern;

/**
 * Between plain text and HTML: the text a reader sees in an HTML message, line by line, for the
 * courtesy check; and the HTML of a message written as plain text.
 */
public final class HtmlText {

  private static final Pattern BREAKS =
      Pattern.compile("(?i)<br\\s*/?>|</p>|</tr>|</h[1-6]>|</li>|</div>");
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");
  private static final Pattern UNSEEN =
      Pattern.compile("(?is)<(head|style|script)\\b.*?</\\1\\s*>|<!--.*?-->");

  private HtmlText() {}

  /** Plain text as HTML: paragraphs at blank lines, line breaks kept, every character escaped. */
  public static String html(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.strip().split("\\R\\s*\\R")) {
      html.append("<p>")
          .append(
              paragraph
                  .replace("&", "&amp;")
                  .replace("<", "&lt;")
                  .replace(">", "&gt;")
                  .replace("\"", "&quot;")
                  .replace("'", "&#39;")
                  .replaceAll("\\R", "<br>\n"))
          .append("</p>\n");
    }
    return html.toString();
  }

  /**
   * The text a reader sees in {@code html}, line by line; styles, scripts and comments left out.
   */
  public static String of(String html) {
    String text = UNSEEN.matcher(html).replaceAll("");
    text = BREAKS.matcher(text).replaceAll("\n");
    text = TAGS.matcher(text).replaceAll(" ");
    return text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }
}
