package app.courtesy.invoice;

import app.courtesy.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * What was open as of a date, by how late it was: not yet due, 1–30, 31–60, 61–90 and more than 90
 * days past due. One line per currency; amounts of different currencies are never added.
 */
public record Aging(LocalDate asOf, List<Line> lines) {

  /** The open amounts of one currency, by bucket. */
  public record Line(
      Money current, Money days1to30, Money days31to60, Money days61to90, Money over90) {

    public Money total() {
      return current.plus(days1to30).plus(days31to60).plus(days61to90).plus(over90);
    }
  }
}
