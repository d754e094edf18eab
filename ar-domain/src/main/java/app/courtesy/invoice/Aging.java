package app.courtesy.invoice;

import app.courtesy.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * What was open as of a date, by how late it was: not yet due, 1–30, 31–60, 61–90 and more than 90
 * days past due; beside it the customer's unapplied credit (negative: money paid or credited and
 * not applied to an invoice) and the late-payment charges then open (fees, interest and
 * compensation, never aged). One line per currency; amounts of different currencies are never
 * added.
 */
public record Aging(LocalDate asOf, List<Line> lines) {

  /** The open amounts of one currency, by bucket. */
  public record Line(
      Money current,
      Money days1to30,
      Money days31to60,
      Money days61to90,
      Money over90,
      Money unapplied,
      Money charges) {

    /** A currency in which no invoice is open, only credit or charges. */
    static Line besideInvoices(Money unapplied, Money charges) {
      Money zero = Money.zero(unapplied.currency());
      return new Line(zero, zero, zero, zero, zero, unapplied, charges);
    }

    /** What is open on invoices, credit and charges left aside. */
    public Money total() {
      return current.plus(days1to30).plus(days31to60).plus(days61to90).plus(over90);
    }

    /**
     * What the customer owes once their unapplied credit and open charges are counted: may be
     * negative.
     */
    public Money net() {
      return total().plus(unapplied).plus(charges);
    }
  }
}
