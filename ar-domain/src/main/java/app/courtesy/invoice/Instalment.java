package app.courtesy.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One instalment of an invoice's schedule (a value): its number (from 1, in due-date order), due
 * date and amount, and what this instalment and those before it add up to, so what is open on it
 * follows from what was applied to the invoice: payments settle the instalments in date order.
 */
@Embeddable
public class Instalment {

  @Column(nullable = false)
  private int number;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(name = "amount_through", nullable = false, precision = 19, scale = 4)
  private BigDecimal amountThrough;

  protected Instalment() {}

  Instalment(int number, LocalDate dueDate, BigDecimal amount, BigDecimal amountThrough) {
    this.number = number;
    this.dueDate = dueDate;
    this.amount = amount;
    this.amountThrough = amountThrough;
  }

  public int getNumber() {
    return number;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  /** This instalment's amount and those before it. */
  BigDecimal getAmountThrough() {
    return amountThrough;
  }

  /** What is open on it when {@code allocated} has been applied to the invoice. */
  public BigDecimal open(BigDecimal allocated) {
    return amount.min(amountThrough.subtract(allocated)).max(BigDecimal.ZERO);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Instalment that
        && number == that.number
        && dueDate.equals(that.dueDate)
        && amount.compareTo(that.amount) == 0
        && amountThrough.compareTo(that.amountThrough) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, dueDate, amount.stripTrailingZeros());
  }

  @Override
  public String toString() {
    return number + ": " + amount.toPlainString() + " due " + dueDate;
  }
}
