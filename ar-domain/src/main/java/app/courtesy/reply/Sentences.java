package app.courtesy.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a message into sentences at {@code . ! ?} and line ends, without breaking a date ("3.
 * Dezember", "03.12.2026"), a common abbreviation ("ref.", "Nr.", "z.B.") or a line that an email
 * program wrapped in the middle of a sentence.
 */
final class Sentences {

  /** A sentence: its start and end in the text, end exclusive, surrounding blanks excluded. */
  record Span(int start, int end) {}

  private static final int WRAPPED_LINE_LENGTH = 60;
  private static final int EVIDENCE_LENGTH = 200;

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "ref", "nr", "no", "inv", "z.b", "e.g", "i.e", "ca", "bzw", "mr", "mrs", "ms", "dr", "st",
          "vs", "etc", "usw", "ggf", "evtl", "bzgl", "fact", "cf", "mme", "env", "tel", "vgl",
          "inkl", "zzgl", "art", "abs", "rg", "re", "u.a", "d.h", "p.ex", "approx", "jan", "feb",
          "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "dez",
          "janv", "fevr", "avr", "juil");

  private Sentences() {}

  /**
   * Returns the sentences of {@code text} (composed), given its {@link Fold folded} form and the
   * dates found in it so that their dots and line breaks do not end a sentence (a dot closing a
   * date does end one when a capital follows). A line break ends a sentence unless the line was
   * wrapped mid-sentence: a long line without closing punctuation, or a line without closing
   * punctuation or comma followed by one that starts in lower case.
   */
  static List<Span> split(String text, String folded, List<ReplyDates.Found> dates) {
    List<Span> sentences = new ArrayList<>();
    int start = 0;
    int lineStart = 0;
    int length = folded.length();
    for (int i = 0; i < length; i++) {
      char c = folded.charAt(i);
      if (c == '\n') {
        boolean wrapped = isWrapped(text, lineStart, i);
        lineStart = i + 1;
        if (!wrapped && !insideDate(dates, i)) {
          add(folded, start, i, sentences);
          start = i + 1;
        }
      } else if (c == '.' || c == '!' || c == '?') {
        int end = i;
        while (end < length && ".!?".indexOf(folded.charAt(end)) >= 0) {
          end++;
        }
        boolean atBreak = end == length || Character.isWhitespace(folded.charAt(end));
        boolean keptByDate =
            insideDate(dates, i) && !(endsDate(dates, end) && capitalNext(text, end));
        if (atBreak
            && !keptByDate
            && !(c == '.' && end == i + 1 && abbreviationBefore(folded, i))) {
          add(folded, start, end, sentences);
          start = end;
        }
        i = end - 1;
      }
    }
    add(folded, start, length, sentences);
    return sentences;
  }

  /**
   * Returns the sentence of {@code text} between {@code start} and {@code end} as evidence for a
   * collector: blanks collapsed and at most 200 characters.
   */
  static String evidence(String text, Span span) {
    String sentence = text.substring(span.start(), span.end()).replaceAll("\\s+", " ").strip();
    if (sentence.length() <= EVIDENCE_LENGTH) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', EVIDENCE_LENGTH - 1);
    if (cut < EVIDENCE_LENGTH / 2) {
      cut = EVIDENCE_LENGTH - 1;
    }
    return sentence.substring(0, cut).stripTrailing() + "…";
  }

  private static void add(String text, int start, int end, List<Span> into) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      into.add(new Span(start, end));
    }
  }

  private static boolean isWrapped(String text, int lineStart, int lineEnd) {
    String line = text.substring(lineStart, lineEnd).strip();
    if (line.isEmpty() || ".!?:;".indexOf(line.charAt(line.length() - 1)) >= 0) {
      return false;
    }
    boolean comma = line.endsWith(",");
    int next = lineEnd + 1;
    int nextEnd = text.indexOf('\n', next);
    String nextLine = text.substring(next, nextEnd < 0 ? text.length() : nextEnd).strip();
    if (nextLine.isEmpty() || nextLine.startsWith("-") || nextLine.startsWith("*")) {
      return false;
    }
    return line.length() >= WRAPPED_LINE_LENGTH
        || (!comma && Character.isLowerCase(nextLine.charAt(0)));
  }

  private static boolean insideDate(List<ReplyDates.Found> dates, int position) {
    for (ReplyDates.Found date : dates) {
      if (date.start() <= position && position < date.end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsDate(List<ReplyDates.Found> dates, int position) {
    for (ReplyDates.Found date : dates) {
      if (date.end() == position) {
        return true;
      }
    }
    return false;
  }

  private static boolean capitalNext(String text, int position) {
    int next = position;
    while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
      next++;
    }
    return next < text.length() && Character.isUpperCase(text.charAt(next));
  }

  private static boolean abbreviationBefore(String text, int dot) {
    int wordStart = dot;
    while (wordStart > 0
        && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
      wordStart--;
    }
    String word = text.substring(wordStart, dot);
    return word.length() == 1 || ABBREVIATIONS.contains(word);
  }
}
