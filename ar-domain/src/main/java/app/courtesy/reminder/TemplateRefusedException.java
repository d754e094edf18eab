package app.courtesy.reminder;

import app.courtesy.reminder.courtesy.CourtesyReport;
import app.courtesy.reminder.courtesy.Rule;
import app.courtesy.shared.BusinessException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A template that fails the courtesy check (or cannot be read) is not activated. */
public class TemplateRefusedException extends BusinessException {

  public TemplateRefusedException(TemplateReview review) {
    super(
        review.problem() != null
            ? "The template cannot be read: " + review.problem()
            : "The template does not pass the courtesy check (score "
                + review.score()
                + ")"
                + unread(review)
                + "; fix the findings and activate again.");
  }

  /** Why the check could not read a body at all (its language, its length), if so. */
  private static String unread(TemplateReview review) {
    String why =
        Stream.of(review.text(), review.html())
            .map(CourtesyReport::findings)
            .flatMap(List::stream)
            .filter(f -> f.rule() == Rule.UNKNOWN_LANGUAGE || f.rule() == Rule.TOO_LONG)
            .map(CourtesyReport.Finding::why)
            .distinct()
            .collect(Collectors.joining(" "));
    return why.isEmpty() ? "" : ": " + why;
  }
}
