package app.courtesy.reminder;

import java.util.regex.Pattern;

/** The text a reader sees in an HTML message, line by line, for the courtesy check. */
public final class HtmlText {

  private static final Pattern BREAKS =
      Pattern.compile("(?i)<br\\s*/?>|</p>|</tr>|</h[1-6]>|</li>|</div>");
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");

  private HtmlText() {}

  public static String of(String html) {
    String text = BREAKS.matcher(html).replaceAll("\n");
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
