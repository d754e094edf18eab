package app.courtesy.charge;

import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A charge document as people and the ERP read it: its lines with the invoices' numbers, what
 * settled it, and the waiver, if any. Values without one are null (left out of JSON).
 *
 * @param total what it charged (below zero: a credit)
 * @param open what is still asked for (a credit: still to apply)
 * @param reminder the business date's reminder it goes with, if any
 */
public record ChargeView(
    String number,
    String customerNumber,
    String customerName,
    LocalDate date,
    String currency,
    Money total,
    Money settled,
    Money open,
    ChargeStatus status,
    boolean credit,
    Long reminder,
    List<Line> lines,
    List<Settlement> settlements,
    Waiver waiver) {

  /**
   * One line.
   *
   * @param invoice the invoice's number (fees have none)
   * @param from first day of interest, both days included
   * @param base the amount interest was reckoned on, or the late debt that sized the compensation
   * @param referenceRate the reference rate in percent (statutory interest)
   * @param rate the annual rate applied, percent
   * @param step the reminder step a fee is for, from 1
   */
  public record Line(
      ChargeKind kind,
      String label,
      String invoice,
      LocalDate from,
      LocalDate to,
      Money base,
      BigDecimal referenceRate,
      BigDecimal rate,
      Integer days,
      Integer step,
      Money amount,
      String note) {}

  /**
   * What settled part of it: a payment (by its external id) or a credit document (by its number);
   * of a credit, the charge document it was applied to ({@code charge}).
   *
   * @param reversedOn when the payment was reversed, since when this settles nothing; else null
   */
  public record Settlement(
      String payment,
      String charge,
      Money amount,
      OffsetDateTime at,
      String by,
      LocalDate reversedOn) {}

  /** How much was waived, by whom, when and why. */
  public record Waiver(Money amount, OffsetDateTime at, String by, String reason) {}

  /**
   * What one settlement of this document was, in a phrase: "payment P-7 25.00 EUR (reversed on
   * 2026-11-30)", "credit CHG-9 1.97 EUR", of a credit "applied to CHG-8 1.97 EUR".
   */
  public String settledBy(Settlement settlement) {
    return (settlement.payment() != null
            ? "payment " + settlement.payment()
            : (credit ? "applied to " : "credit ") + settlement.charge())
        + " "
        + settlement.amount()
        + (settlement.reversedOn() == null ? "" : " (reversed on " + settlement.reversedOn() + ")");
  }

  /** The line's figures in one phrase: "12 days on 6,000.00 at 10.15 %". */
  public static String basis(Line line) {
    if (line.kind() == ChargeKind.INTEREST && line.days() != null) {
      return line.days()
          + (line.days() == 1 ? " day" : " days")
          + " on "
          + line.base()
          + " at "
          + line.rate().stripTrailingZeros().toPlainString()
          + " %"
          + (line.referenceRate() == null
              ? ""
              : " (reference rate "
                  + line.referenceRate().stripTrailingZeros().toPlainString()
                  + " %)");
    }
    if (line.kind() == ChargeKind.COMPENSATION && line.base() != null) {
      return "late debt " + line.base();
    }
    if (line.kind() == ChargeKind.FEE && line.step() != null) {
      return "reminder step " + line.step();
    }
    return line.note() == null ? "" : line.note();
  }
}
