package app.courtesy.reply;

import java.text.Normalizer;

/**
 * Text folded for matching: lower case, accents removed, curly apostrophes straightened and
 * non-breaking spaces made plain. Folding keeps every character in place, so a position found in
 * the folded text is the same position in the {@link #nfc(String) composed} original.
 */
final class Fold {

  private Fold() {}

  /**
   * Returns {@code text} in composed form (NFC), the form all positions in this package refer to.
   */
  static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /**
   * Returns {@code text} (already {@link #nfc(String) composed}) in lower case without accents,
   * with the same length; for example {@code "Réglé l’été"} becomes {@code "regle l'ete"}.
   */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      folded.append(foldChar(text.charAt(i)));
    }
    return folded.toString();
  }

  private static char foldChar(char c) {
    if (c < 128) {
      return Character.toLowerCase(c);
    }
    switch (c) {
      case '\u2019', '\u2018', '\u02BC', '\u00B4', '\u2032':
        return '\'';
      case '\u00A0', '\u202F', '\u2007', '\u2009', '\u200A', '\u2002', '\u2003':
        return ' ';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014':
        return '-';
      default:
        break;
    }
    if (Character.isSurrogate(c)) {
      return c;
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    return Character.toLowerCase(decomposed.charAt(0));
  }
}
