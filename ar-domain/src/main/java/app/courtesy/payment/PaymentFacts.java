package app.courtesy.payment;

import app.courtesy.shared.Money;
import app.courtesy.shared.SqlValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * What a recorded payment holds that the ERP's word about it must match, read as plain columns
 * ({@link PaymentRepository#factsByExternalId}): a batch that sends payments again loads none of
 * them. A payment never changes.
 */
record PaymentFacts(
    long customerId, LocalDate paymentDate, Money amount, String method, String reference) {

  /** The columns {@link #of} reads, after the key. */
  static final String COLUMNS = "customer_id, payment_date, amount, currency, method, reference";

  /** The facts of a row of {@link #COLUMNS}, which starts at {@code row[1]}. */
  static PaymentFacts of(Object[] row) {
    return new PaymentFacts(
        ((Number) row[1]).longValue(),
        SqlValues.date(row[2]),
        new Money((BigDecimal) row[3], Currency.getInstance((String) row[4])),
        (String) row[5],
        (String) row[6]);
  }

  /** Whether this payment is the one the data describes (same customer, date and amount). */
  boolean isSameAs(PaymentData data, long customerId) {
    return this.customerId == customerId
        && paymentDate.equals(data.paymentDate())
        && amount.equals(new Money(data.amount(), Currency.getInstance(data.currency())));
  }

  /**
   * Whether the data says again, field for field, what was recorded: the payment as {@link
   * #isSameAs} has it, its currency, method and reference. What it says of the invoices it pays is
   * not compared: a recorded payment's allocation never changes. Data not yet checked compares too:
   * any field it lacks differs.
   */
  boolean saysAgain(PaymentData data, long customerId) {
    return data.amount() != null
        && amount.currency().getCurrencyCode().equals(data.currency())
        && isSameAs(data, customerId)
        && Objects.equals(method, data.method())
        && Objects.equals(reference, data.reference());
  }
}
