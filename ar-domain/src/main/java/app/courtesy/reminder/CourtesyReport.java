package app.courtesy.reminder;

import java.util.List;

/**
 * The courtesy check's verdict on one message.
 *
 * @param score 100 for a message with nothing to fix, less for every finding
 * @param findings what is missing or must go, in the order of {@link Rule}
 */
public record CourtesyReport(int score, List<Finding> findings) {

  /**
   * One thing to fix.
   *
   * @param spans where in the checked text the offending words are; empty for a missing element
   */
  public record Finding(Rule rule, List<Span> spans) {

    public String advice() {
      return rule.advice();
    }
  }

  /** Characters {@code start} (inclusive) to {@code end} (exclusive) of the checked text. */
  public record Span(int start, int end, String text) {}

  public CourtesyReport {
    findings = List.copyOf(findings);
  }

  /** A message passes when there is nothing to fix. */
  public boolean passes() {
    return findings.isEmpty();
  }
}
