package app.courtesy.charge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;

/**
 * A reminder policy's late-payment charges, as an editor changes them. Off by default: no interest,
 * no compensation, no fees.
 *
 * @param interest on what terms overdue invoices bear interest
 * @param margin points above the EU reference rate under the Directive (at least 8, the default);
 *     the UK Act's 8 points are fixed; ignored otherwise
 * @param monthlyRate a contractual rate, percent per month (12 times that a year)
 * @param compensation whether the law's fixed compensation is charged once per late invoice (EUR 40
 *     under the Directive, GBP 40/70/100 under the UK Act); only with those two
 * @param showInReminders whether reminders state the charges open
 * @param fees a fee per reminder step and currency, charged when that step's reminder is queued
 */
public record ChargeTerms(
    @NotNull InterestBasis interest,
    BigDecimal margin,
    BigDecimal monthlyRate,
    boolean compensation,
    boolean showInReminders,
    @NotNull List<@NotNull @Valid StepFee> fees) {

  /** The Directive's least margin over the reference rate, and the UK Act's fixed one. */
  public static final BigDecimal STATUTORY_MARGIN = new BigDecimal("8.00");

  /**
   * A fee for the reminders of one step in one currency.
   *
   * @param step the step as people count them, from 1
   */
  public record StepFee(int step, @NotNull String currency, @NotNull BigDecimal amount) {}

  /** Nothing charged. */
  public static ChargeTerms none() {
    return new ChargeTerms(InterestBasis.NONE, null, null, false, false, List.of());
  }

  /** Whether these terms charge anything at all. */
  public boolean chargesAnything() {
    return interest != InterestBasis.NONE || !fees.isEmpty() || compensation;
  }

  /** The margin the terms apply over the reference rate. */
  public BigDecimal effectiveMargin() {
    return interest == InterestBasis.EU_DIRECTIVE && margin != null ? margin : STATUTORY_MARGIN;
  }
}
