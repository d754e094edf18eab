package app.courtesy.reminder;

import app.courtesy.shared.BusinessException;

/** A template that fails the courtesy check (or cannot be read) is not activated. */
public class TemplateRefusedException extends BusinessException {

  public TemplateRefusedException(TemplateReview review) {
    super(
        review.problem() != null
            ? "The template cannot be read: " + review.problem()
            : "The template does not pass the courtesy check (score "
                + review.score()
                + "); fix the findings and activate again.");
  }
}
