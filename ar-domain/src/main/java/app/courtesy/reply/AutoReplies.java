package app.courtesy.reply;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Recognises automatic replies (out-of-office notices, auto-responders, bulk mail) so that they are
 * not treated as a customer's answer, and reads the day an out-of-office notice says its sender is
 * back.
 */
public final class AutoReplies {

  private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("auto_reply", "bulk", "junk");
  private static final Pattern REPLY_PREFIX =
      Pattern.compile(
          "^(?:\\s*(?:re|aw|antw|wg|fw|fwd|tr|sv|vs|rv|r|i|doorst)\\s*(?:\\[\\d+\\])?\\s*:)+\\s*");
  private static final Pattern AUTOMATIC_SUBJECT =
      Pattern.compile(
          "^[\\[(]?\\s*(?:out\\s+of\\s+(?:the\\s+)?office|automatic\\s+reply|auto[\\s-]?reply"
              + "|auto\\s*:|abwesenheitsnotiz|automatische\\s+antwort|abwesend"
              + "|reponse\\s+automatique|absen(?:ce|t)\\s+du\\s+bureau|message\\s+d'absence"
              + "|respuesta\\s+automatica|fuera\\s+de\\s+(?:la\\s+)?oficina|mensaje\\s+de\\s+ausencia"
              + "|risposta\\s+automatica|fuori\\s+(?:sede|ufficio)|assente"
              + "|automatisch\\s+antwoord|afwezig|niet\\s+aanwezig|buiten\\s+kantoor)"
              + "(?![a-z])");
  private static final Pattern UNTIL =
      Pattern.compile(
          "(?:\\buntil|\\btill|\\bthrough|\\bthru|\\bbis|\\bjusqu|\\bhasta|\\bfino"
              + "|\\btot(?=\\s))\\S*(?:\\s+\\S+){0,3}?\\s*$");
  private static final Pattern RANGE = Pattern.compile("^\\s*(?:to|-|au|bis|al|tot)\\s*$");
  private static final Pattern BACK_BEFORE =
      Pattern.compile(
          "\\b(?:back|return|returning|returns|zuruck|wieder|retour|reviens|reviendrai"
              + "|rentre|rentrerai|again|vuelta|regreso|regresare|volvere|rientro|rientrero"
              + "|ritorno|nuovo|terug|weer)\\b");
  private static final Pattern BACK_AFTER =
      Pattern.compile(
          "^[^.!?]{0,40}?\\b(?:wieder|zuruck|retour|again|de\\s+vuelta|di\\s+nuovo|weer"
              + "|terug)\\b");
  private static final int AFTER_WINDOW = 40;

  private AutoReplies() {}

  /**
   * Tells whether a message was sent automatically, judging only by its headers and subject (never
   * by its body, where a person may well write "out of office").
   *
   * <p>Automatic when {@code Auto-Submitted} is present and not {@code no} (RFC 3834; parameters
   * after {@code ;} are ignored); when {@code X-Autoreply} or {@code X-Autorespond} is present;
   * when {@code Precedence} or {@code X-Precedence} is {@code auto_reply}, {@code bulk} or {@code
   * junk}; or when the subject, after any {@code Re:}/{@code AW:}/{@code RE :} prefixes, starts
   * like an out-of-office notice ("Out of Office", "Automatic reply", "Auto-Reply", "Auto:",
   * "Abwesenheitsnotiz", "Automatische Antwort", "Abwesend", "Réponse automatique", "Absence du
   * bureau", "Absent du bureau", "Message d'absence", "Respuesta automática", "Fuera de la
   * oficina", "Risposta automatica", "Fuori ufficio", "Automatisch antwoord", "Afwezig"). {@code
   * X-Auto-Response-Suppress} alone does not count: Outlook adds it to ordinary mail.
   *
   * @param header returns the first value of the named header, or null when absent; matching the
   *     name case-insensitively is up to the caller; may be null when there are no headers
   * @param subject the message subject, may be null
   */
  public static boolean isAutomatic(Function<String, String> header, String subject) {
    if (header != null) {
      String autoSubmitted = header.apply("Auto-Submitted");
      if (autoSubmitted != null && !firstToken(autoSubmitted).equals("no")) {
        return true;
      }
      if (header.apply("X-Autoreply") != null || header.apply("X-Autorespond") != null) {
        return true;
      }
      for (String name : List.of("Precedence", "X-Precedence")) {
        String precedence = header.apply(name);
        if (precedence != null && AUTOMATIC_PRECEDENCE.contains(firstToken(precedence))) {
          return true;
        }
      }
    }
    if (subject == null) {
      return false;
    }
    String folded = REPLY_PREFIX.matcher(Fold.fold(Fold.nfc(subject)).strip()).replaceFirst("");
    return AUTOMATIC_SUBJECT.matcher(folded).find();
  }

  /**
   * Returns the day an out-of-office {@code text} says its sender is back, when it says so: "back
   * on 7 January", "returning 07/01/2027", "ab dem 7. Januar wieder im Büro", "zurück am
   * 07.01.2027", "de retour le 7 janvier", "estaré de vuelta el 7 de enero", "rientrerò il 7
   * gennaio", "vanaf 7 januari weer aanwezig" give 7 January; "out of the office until 6 January",
   * "bis einschließlich 6.1.2027 abwesend", "absent jusqu'au 6 janvier", "ausente hasta el 6 de
   * enero", "assente fino al 6 gennaio", "afwezig tot en met 6 januari" and "from 20 December to 6
   * January" give the day after the last day away, 7 January. Dates are read as in {@link
   * ReplyDates#first(String, LocalDate)}, so a date without a year that has passed means next year;
   * only a day after {@code received} counts. Empty when no such phrase is found.
   *
   * @throws NullPointerException when {@code received} is null
   */
  public static Optional<LocalDate> backOn(String text, LocalDate received) {
    Objects.requireNonNull(received, "received");
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String composed = Fold.nfc(text);
    String folded = Fold.fold(composed);
    List<ReplyDates.Found> dates = ReplyDates.inFolded(folded, received, false);
    for (Sentences.Span sentence : Sentences.split(composed, folded, dates)) {
      List<ReplyDates.Found> inSentence =
          dates.stream()
              .filter(d -> d.start() >= sentence.start() && d.end() <= sentence.end())
              .toList();
      for (int k = 0; k < inSentence.size(); k++) {
        ReplyDates.Found date = inSentence.get(k);
        int from = k == 0 ? sentence.start() : inSentence.get(k - 1).end();
        int to = k + 1 < inSentence.size() ? inSentence.get(k + 1).start() : sentence.end();
        String before = folded.substring(from, date.start());
        String after = folded.substring(date.end(), Math.min(to, date.end() + AFTER_WINDOW));
        LocalDate back = null;
        if (UNTIL.matcher(before).find() || (k > 0 && RANGE.matcher(before).matches())) {
          back = date.date().plusDays(1);
        } else if (BACK_BEFORE.matcher(before).find() || BACK_AFTER.matcher(after).find()) {
          back = date.date();
        }
        if (back != null && back.isAfter(received)) {
          return Optional.of(back);
        }
      }
    }
    return Optional.empty();
  }

  private static String firstToken(String value) {
    int semicolon = value.indexOf(';');
    String token = semicolon < 0 ? value : value.substring(0, semicolon);
    return token.strip().toLowerCase(Locale.ROOT);
  }
}
