package app.courtesy.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words a customer actually wrote in a reply, without the quoted reminder, earlier messages or
 * their signature, for showing to a collector.
 *
 * <p>Understood in English, German, French, Spanish, Italian and Dutch (examples here in the first
 * three):
 *
 * <ul>
 *   <li>lines quoted with {@code >} (dropped wherever they are, so answers written between quoted
 *       lines are kept);
 *   <li>attribution lines such as {@code On Mon, 3 Dec 2026 at 10:02, Jane <j@x.org> wrote:} (also
 *       wrapped over two lines), {@code Am 03.12.2026 um 10:02 schrieb Jane Doe <j@x.org>:} and
 *       {@code Le 3 déc. 2026 à 10:02, Jane <j@x.org> a écrit :} — cut with everything after;
 *   <li>separators {@code -----Original Message-----}, {@code -----Ursprüngliche Nachricht-----},
 *       {@code -------- Message d'origine --------}, {@code -------- Original-Nachricht --------},
 *       the Outlook line {@code ________________________________}, and Outlook header blocks
 *       ({@code From:}/{@code Von:}/{@code De :} followed within four lines by {@code Sent:}/{@code
 *       Date:}/{@code Gesendet:}/{@code Datum:}/{@code Envoyé :}) — cut with everything after;
 *   <li>signatures starting with a line {@code --} or {@code -- }, and mobile footers such as
 *       {@code Sent from my iPhone}, {@code Get Outlook for Android}, {@code Von meinem iPhone
 *       gesendet}, {@code Gesendet von meinem …}, {@code Envoyé de mon iPhone}, {@code Envoyé
 *       depuis mon …} — cut with everything after.
 * </ul>
 */
public final class ReplyText {

  private static final Pattern ATTRIBUTION_START = Pattern.compile("^(?:on|am|le|el|il|op)\\s.*");
  private static final Pattern ATTRIBUTION_END =
      Pattern.compile(
          ".*\\b(?:wrote|schrieb|a\\s+ecrit|escribio|ha\\s+scritto|schreef)\\b.*:\\s*$");
  private static final Pattern SEPARATOR =
      Pattern.compile(
          "^-{2,}\\s*(?:original message|ursprungliche nachricht|original-nachricht"
              + "|originalnachricht|message d'origine|message original|forwarded message"
              + "|weitergeleitete nachricht|message transfere|mensaje original|mensaje reenviado"
              + "|messaggio originale|messaggio inoltrato|oorspronkelijk bericht"
              + "|origineel bericht|doorgestuurd bericht)\\s*-{2,}$");
  private static final Pattern OUTLOOK_LINE = Pattern.compile("^_{10,}$");
  private static final Pattern HEADER_FROM =
      Pattern.compile("^\\*?(?:from|von|de|da|van)\\s*:\\*?\\s*\\S.*");
  private static final Pattern HEADER_SENT =
      Pattern.compile(
          "^\\*?(?:sent|date|gesendet|datum|envoye|envoye le|enviado|enviado el|fecha|inviato|data"
              + "|verzonden)\\s*:.*");
  private static final Pattern SIGNATURE = Pattern.compile("^--[ \\t]*$");
  private static final Pattern MOBILE_FOOTER =
      Pattern.compile(
          "^(?:sent from my\\s.+|sent from (?:outlook|mail for windows|yahoo mail|samsung).*"
              + "|get outlook for\\s.+|von meinem\\s.+\\sgesendet|gesendet von meinem\\s.+"
              + "|gesendet vom\\s.+|envoye de mon\\s.+|envoye depuis mon\\s.+"
              + "|envoye a partir de\\s.+|enviado desde mi\\s.+|inviato da\\s.+"
              + "|verstuurd (?:vanaf|met) (?:mijn\\s)?.+|verzonden (?:vanaf|met) (?:mijn\\s)?.+)$");
  private static final int FOOTER_LENGTH = 80;
  private static final int HEADER_LOOKAHEAD = 4;

  private ReplyText() {}

  /**
   * Returns the new words of an email or SMS {@code body}: quoted lines, quoted history and the
   * signature removed, line ends as {@code \n}, blanks at the end of lines and at either end of the
   * text removed, runs of blank lines collapsed to one. When nothing would be left — a reply with
   * nothing above the quote, for example — returns the whole body, trimmed, instead. Returns {@code
   * ""} for null.
   *
   * <pre>{@code
   * ReplyText.newText("Paid today.\n\nOn Thu, 3 Dec 2026 at 10:02, Courtesy <ar@x.org> wrote:\n> ...")
   * // "Paid today."
   * }</pre>
   */
  public static String newText(String body) {
    if (body == null) {
      return "";
    }
    String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> folded = new ArrayList<>(lines.length);
    for (String line : lines) {
      folded.add(Fold.fold(Fold.nfc(line)).strip());
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (cutsHere(lines[i], folded, i)) {
        break;
      }
      if (!folded.get(i).startsWith(">")) {
        kept.add(lines[i]);
      }
    }
    String text = tidy(kept);
    return text.isEmpty() ? tidy(List.of(lines)) : text;
  }

  private static boolean cutsHere(String line, List<String> folded, int i) {
    String current = folded.get(i);
    if (SIGNATURE.matcher(line).matches()
        || SEPARATOR.matcher(current).matches()
        || OUTLOOK_LINE.matcher(current).matches()
        || (current.length() <= FOOTER_LENGTH && MOBILE_FOOTER.matcher(current).matches())) {
      return true;
    }
    if (isAttribution(current)) {
      return true;
    }
    if (i + 1 < folded.size()
        && ATTRIBUTION_START.matcher(current).matches()
        && isAttribution(current + " " + folded.get(i + 1))) {
      return true;
    }
    if (HEADER_FROM.matcher(current).matches()) {
      for (int next = i + 1; next < folded.size() && next <= i + HEADER_LOOKAHEAD; next++) {
        if (HEADER_SENT.matcher(folded.get(next)).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isAttribution(String line) {
    if (!ATTRIBUTION_END.matcher(line).matches()) {
      return false;
    }
    return ATTRIBUTION_START.matcher(line).matches() || line.contains("@");
  }

  private static String tidy(List<String> lines) {
    StringBuilder text = new StringBuilder();
    boolean blankPending = false;
    for (String line : lines) {
      String trimmed = line.stripTrailing();
      if (trimmed.isEmpty()) {
        blankPending = text.length() > 0;
        continue;
      }
      if (blankPending) {
        text.append('\n');
        blankPending = false;
      }
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(trimmed);
    }
    return text.toString().strip();
  }
}
