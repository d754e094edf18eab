package app.courtesy.dunning;

import app.courtesy.reminder.PolicyData;
import app.courtesy.reminder.ReminderStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which invoices reach a policy step on a business date, written out as plain bounds so the run can
 * select them for the whole book in one join: an invoice matches when its step reached so far lies
 * in {@code reachedFrom..reachedTo} (both null: never reminded), its due date lies in {@code
 * (dueAfter, dueTo]} and it was last reminded on or before {@code remindedTo}.
 *
 * <p>The rules the bounds encode: a step is due {@code offset} days from the due date, an overdue
 * step (offset above zero) {@code grace} days later still. Escalation moves one step per message
 * and never skips a step the customer has not received. A note before the due date only makes sense
 * while the invoice is not yet due: an invoice that became due after a pre-due note goes on to the
 * first step from the due date on, and a late first reminder starts there too. After the last step
 * the reminder repeats every {@code repeatDays} until paid.
 *
 * @param dueAfter null when any due date up to {@code dueTo} fits
 * @param remindedTo null when the last reminder's date does not matter
 */
public record StepBound(
    int position,
    int reachedFrom,
    int reachedTo,
    LocalDate dueAfter,
    LocalDate dueTo,
    LocalDate remindedTo) {

  /** The step reached by an invoice never reminded. */
  public static final int NEVER = -1;

  /**
   * The bounds of every step of {@code policy} on {@code date}; empty for a policy without steps.
   */
  public static List<StepBound> of(PolicyData policy, LocalDate date) {
    List<ReminderStep> steps = policy.steps();
    List<StepBound> bounds = new ArrayList<>();
    int firstDue = firstDueStep(steps);
    for (int position = 0; position < steps.size(); position++) {
      LocalDate dueTo = latestDue(policy, steps.get(position), date);
      if (position < firstDue) {
        // before the due date: the first note for an invoice never reminded, then one by one
        int reached = position == 0 ? NEVER : position - 1;
        bounds.add(new StepBound(position, reached, reached, date, dueTo, null));
      } else if (position == firstDue) {
        bounds.add(new StepBound(position, NEVER, NEVER, null, dueTo, null));
        if (position > 0) {
          bounds.add(new StepBound(position, 0, position - 1, null, dueTo, null));
        }
      } else {
        bounds.add(new StepBound(position, position - 1, position - 1, null, dueTo, null));
      }
    }
    int last = steps.size() - 1;
    if (policy.repeatDays() != null && last >= 0 && last >= firstDue) {
      bounds.add(
          new StepBound(
              last,
              last,
              Integer.MAX_VALUE,
              null,
              latestDue(policy, steps.get(last), date),
              date.minusDays(policy.repeatDays())));
    }
    return bounds;
  }

  /** The latest due date for which {@code step} has come on {@code date}, grace included. */
  private static LocalDate latestDue(PolicyData policy, ReminderStep step, LocalDate date) {
    int offset = step.getOffsetDays();
    return date.minusDays(offset + (offset > 0 ? policy.graceDays() : 0));
  }

  /** The first step from the due date on; {@code steps.size()} when every step comes before it. */
  private static int firstDueStep(List<ReminderStep> steps) {
    int position = 0;
    while (position < steps.size() && steps.get(position).getOffsetDays() < 0) {
      position++;
    }
    return position;
  }
}
