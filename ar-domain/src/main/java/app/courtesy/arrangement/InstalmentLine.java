package app.courtesy.arrangement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One instalment of a plan as the collector entered or edited it, before it is checked: either part
 * may be missing and the amount may have more decimal places than its currency allows. {@link
 * ArrangementRules#checkPlan} says what is wrong with a list of them.
 */
public record InstalmentLine(LocalDate dueOn, BigDecimal amount) {}
