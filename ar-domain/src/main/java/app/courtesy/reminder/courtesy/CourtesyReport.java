package app.courtesy.reminder.courtesy;

import java.util.List;
import java.util.Locale;

/**
 * The courtesy check's verdict on one message.
 *
 * @param score 100 for a message with nothing to fix, less for every rule it breaks
 * @param findings what is missing or must go, in the order of {@link Rule}
 * @param language the language the message was read in; for {@link Rule#UNKNOWN_LANGUAGE} the one
 *     it seems to be written in ({@link Locale#ROOT} when not even that is known)
 */
public record CourtesyReport(int score, List<Finding> findings, Locale language) {

  /**
   * One thing to fix.
   *
   * @param spans where in the checked text (plain text or HTML source) the offending words are;
   *     empty for a missing element
   * @param why why it hurts, in the staff's words (English)
   * @param suggestion a courteous way to say it instead, in the message's language
   */
  public record Finding(Rule rule, List<Span> spans, String why, String suggestion) {

    public Finding {
      spans = List.copyOf(spans);
    }

    /** What the author should do, in a sentence. */
    public String advice() {
      return rule.advice();
    }
  }

  /** Characters {@code start} (inclusive) to {@code end} (exclusive) of the checked text. */
  public record Span(int start, int end, String text) {}

  public CourtesyReport {
    findings = List.copyOf(findings);
  }

  /**
   * The language the message was read in, in English ("German"); empty when it is in none the check
   * reads.
   */
  public String readAs() {
    return findings.stream().anyMatch(f -> f.rule() == Rule.UNKNOWN_LANGUAGE)
        ? ""
        : language.getDisplayLanguage(Locale.ENGLISH);
  }

  /** A message passes when there is nothing to fix. */
  public boolean passes() {
    return findings.isEmpty();
  }
}
