package app.courtesy.arrangement;

import app.courtesy.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** A date and amount the customer pays under an arrangement, as stored. */
@Embeddable
public class Instalment {

  @Column(nullable = false)
  private int number;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Column(nullable = false)
  private BigDecimal amount;

  protected Instalment() {}

  Instalment(PlannedInstalment planned) {
    this.number = planned.number();
    this.dueOn = planned.dueOn();
    this.amount = planned.amount().amount();
  }

  PlannedInstalment planned(Currency currency) {
    return new PlannedInstalment(number, dueOn, new Money(amount, currency));
  }
}
