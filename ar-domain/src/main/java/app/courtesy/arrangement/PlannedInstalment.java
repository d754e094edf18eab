package app.courtesy.arrangement;

import app.courtesy.shared.Money;
import java.time.LocalDate;

/**
 * One instalment of a plan.
 *
 * @param number 1 for the first
 */
public record PlannedInstalment(int number, LocalDate dueOn, Money amount) {}
