package app.courtesy.reminder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A reminder policy as an editor changes it.
 *
 * @param graceDays days after the due date before overdue steps start counting
 * @param repeatDays after the last step, remind again every so many days until paid; {@code null}
 *     stops after the last step
 * @param capDays at most one message per customer and channel within so many days
 * @param minimums the smallest open amount worth a reminder, per ISO currency code
 * @param stepMinimums the smallest open amount worth a message at one step, per step and currency
 */
public record PolicyData(
    @Min(0) @Max(60) int graceDays,
    @Min(1) @Max(365) Integer repeatDays,
    @Min(0) @Max(60) int capDays,
    boolean thankYou,
    @NotEmpty List<@NotNull @Valid ReminderStep> steps,
    @NotNull Map<@NotNull String, @NotNull BigDecimal> minimums,
    @NotNull List<@NotNull @Valid StepMinimum> stepMinimums) {

  /** A policy without minimums per step. */
  public PolicyData(
      int graceDays,
      Integer repeatDays,
      int capDays,
      boolean thankYou,
      List<ReminderStep> steps,
      Map<String, BigDecimal> minimums) {
    this(graceDays, repeatDays, capDays, thankYou, steps, minimums, List.of());
  }
}
