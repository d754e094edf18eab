package app.courtesy.arrangement;

import java.math.BigDecimal;

/**
 * How far an arrangement may go, and how patiently its instalments are followed; administrators set
 * them.
 *
 * @param maxInstalments most instalments in a plan
 * @param maxPlanDays the last instalment at most this many days after the proposal
 * @param maxExtensionDays a new due date at most this many days after the proposal
 * @param maxDiscountPercent the largest early-payment discount
 * @param maxDiscountDays the date to pay by for a discount at most this many days after the
 *     proposal
 * @param reminderDaysBefore a friendly note this many days before each instalment (or new date)
 * @param noticeGraceDays days after a missed instalment before one gentle "we noticed" message
 * @param defaultGraceDays days after that message before the arrangement defaults
 */
public record ArrangementLimits(
    int maxInstalments,
    int maxPlanDays,
    int maxExtensionDays,
    BigDecimal maxDiscountPercent,
    int maxDiscountDays,
    int reminderDaysBefore,
    int noticeGraceDays,
    int defaultGraceDays) {}
