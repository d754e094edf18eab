package app.courtesy.reply;

import java.util.Locale;
import java.util.Set;

/** Recognises SMS opt-out keywords in English, German, French, Spanish, Italian and Dutch. */
public final class SmsKeywords {

  private static final Set<String> STOP_WORDS =
      Set.of(
          "STOP",
          "STOP ALL",
          "STOPALL",
          "UNSUBSCRIBE",
          "CANCEL",
          "END",
          "QUIT",
          "OPT OUT",
          "OPTOUT",
          "STOPP",
          "ABMELDEN",
          "ABBESTELLEN",
          "ENDE",
          "ARRET",
          "STOP SMS",
          "DESABONNER",
          "BAJA",
          "DAR DE BAJA",
          "DARME DE BAJA",
          "CANCELLAMI",
          "DISISCRIVIMI",
          "AFMELDEN",
          "UITSCHRIJVEN");

  private SmsKeywords() {}

  /**
   * Tells whether an SMS {@code text} is, as a whole, an opt-out keyword: STOP, STOP ALL, STOPALL,
   * UNSUBSCRIBE, CANCEL, END, QUIT, OPT OUT, OPTOUT, STOP SMS, STOPP, ABMELDEN, ABBESTELLEN, ENDE,
   * ARRÊT, DÉSABONNER, BAJA, DAR DE BAJA, DARME DE BAJA, CANCELLAMI, DISISCRIVIMI, AFMELDEN or
   * UITSCHRIJVEN, in any case, with or without accents and with any punctuation or emoji around it
   * ("stop." and "Stop 🛑" count). A sentence that merely contains such a word, like "Stop sending
   * me these, I paid yesterday", does not count. Returns false for null.
   */
  public static boolean isStop(String text) {
    if (text == null) {
      return false;
    }
    String folded = Fold.fold(Fold.nfc(text));
    int start = 0;
    int end = folded.length();
    while (start < end && !Character.isLetterOrDigit(folded.codePointAt(start))) {
      start += Character.charCount(folded.codePointAt(start));
    }
    while (end > start && !Character.isLetterOrDigit(folded.codePointBefore(end))) {
      end -= Character.charCount(folded.codePointBefore(end));
    }
    String word = folded.substring(start, end).replaceAll("[\\s_-]+", " ").toUpperCase(Locale.ROOT);
    return STOP_WORDS.contains(word);
  }
}
