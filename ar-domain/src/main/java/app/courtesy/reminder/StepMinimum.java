package app.courtesy.reminder;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The smallest open amount worth a message at one step of a policy, in one currency (a value): a
 * final-courteous letter need not go out for a balance a friendly email is still worth sending for.
 * The policy's own minimum still applies to every step.
 *
 * @see PolicyData#stepMinimums()
 */
@Embeddable
public class StepMinimum {

  /** The step, counted from 0 as the policy orders them. */
  @Min(0)
  @Column(nullable = false)
  private int position;

  @NotNull
  @Column(nullable = false, length = 3)
  private String currency;

  @NotNull
  @PositiveOrZero
  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  protected StepMinimum() {}

  public StepMinimum(int position, String currency, BigDecimal amount) {
    this.position = position;
    this.currency = currency;
    this.amount = amount;
  }

  public int getPosition() {
    return position;
  }

  public String getCurrency() {
    return currency;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StepMinimum that
        && position == that.position
        && Objects.equals(currency, that.currency)
        && amount != null
        && that.amount != null
        && amount.compareTo(that.amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(position, currency);
  }

  @Override
  public String toString() {
    return "step " + (position + 1) + ": " + amount + " " + currency;
  }
}
