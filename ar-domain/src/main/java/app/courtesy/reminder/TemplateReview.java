package app.courtesy.reminder;

import app.courtesy.reminder.courtesy.CourtesyReport;

/**
 * How a template reads: rendered with sample data and checked, or the problem that stops it from
 * being read at all.
 *
 * @param problem why the template cannot be read (which part, which line), or {@code null}
 * @param sample the email rendered with sample data, or {@code null} with a problem
 * @param text the courtesy check of the plain-text body, or {@code null} with a problem
 * @param html the courtesy check of the HTML body's text, or {@code null} with a problem
 */
public record TemplateReview(
    String problem, ReminderContent sample, CourtesyReport text, CourtesyReport html) {

  /** A template may be activated only when it reads and both bodies pass. */
  public boolean passes() {
    return problem == null && text.passes() && html.passes();
  }

  /** The lower of the two bodies' scores; 0 when the template cannot be read. */
  public int score() {
    return problem == null ? Math.min(text.score(), html.score()) : 0;
  }
}
