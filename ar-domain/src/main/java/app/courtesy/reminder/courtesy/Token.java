package app.courtesy.reminder.courtesy;

import java.util.ArrayList;
import java.util.List;

/**
 * One word, number or currency sign of a {@link NormalText}, with where it stands: its sentence
 * (phrases never reach across one), its clause (a negation only reaches within one) and its line.
 *
 * @param start first character in the normalised text
 * @param end character after the last one
 * @param text the normalised word
 * @param capitalised whether its first letter was upper case in the original
 * @param allCapitals whether all its letters (two or more) were upper case in the original
 */
record Token(
    Kind kind,
    int start,
    int end,
    String text,
    int sentence,
    int clause,
    int line,
    boolean quoted,
    boolean capitalised,
    boolean allCapitals) {

  enum Kind {
    WORD,
    NUMBER,
    CURRENCY
  }

  /** No word runs longer: a longer run of letters is read in pieces, so no token costs more. */
  static final int MAX_LENGTH = 64;

  boolean isWord() {
    return kind == Kind.WORD;
  }

  /** Splits {@code normal} into tokens, in one pass. */
  static List<Token> of(NormalText normal) {
    List<Token> tokens = new ArrayList<>();
    int sentence = 0;
    int clause = 0;
    int line = 0;
    int length = normal.length();
    int i = 0;
    while (i < length) {
      char c = normal.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        boolean letters = false;
        int uppers = 0;
        int letterCount = 0;
        while (i < length && i - start < MAX_LENGTH) {
          char d = normal.charAt(i);
          if (Character.isLetter(d) || isMark(d)) {
            letters = true;
            letterCount += isMark(d) ? 0 : 1;
            uppers += normal.upper(i) ? 1 : 0;
          } else if (!Character.isDigit(d)
              && !(isNumberJoint(d)
                  && !letters
                  && i + 1 < length
                  && Character.isDigit(normal.charAt(i + 1))
                  && Character.isDigit(normal.charAt(i - 1)))) {
            break;
          }
          i++;
        }
        tokens.add(
            new Token(
                letters ? Kind.WORD : Kind.NUMBER,
                start,
                i,
                normal.text().substring(start, i),
                sentence,
                clause,
                line,
                normal.quoted(start),
                letters && normal.upper(start),
                letterCount >= 2 && uppers == letterCount));
        continue;
      }
      if (Character.getType(c) == Character.CURRENCY_SYMBOL) {
        tokens.add(
            new Token(
                Kind.CURRENCY,
                i,
                i + 1,
                String.valueOf(c),
                sentence,
                clause,
                line,
                normal.quoted(i),
                false,
                false));
      } else if (c == '\n') {
        line++;
        int next = i + 1;
        while (next < length && normal.charAt(next) == ' ') {
          next++;
        }
        if (next < length && normal.charAt(next) == '\n') {
          sentence++;
          clause++;
        }
      } else if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':') {
        sentence++;
        clause++;
      } else if (c == ',' || c == '(' || c == ')' || c == '–' || c == '—') {
        clause++;
      }
      i++;
    }
    return tokens;
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isNumberJoint(char c) {
    return c == '.' || c == ',' || c == '/' || c == '-' || c == '\'' || c == '’';
  }
}
