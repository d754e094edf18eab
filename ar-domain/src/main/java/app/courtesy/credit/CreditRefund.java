package app.courtesy.credit;

import app.courtesy.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;

/**
 * Money paid back to a customer from their unapplied credit: it lowers that credit, never an
 * invoice. Written once, never changed.
 */
@Entity
@Table(name = "credit_refund")
public class CreditRefund {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credit_refund_seq")
  @SequenceGenerator(
      name = "credit_refund_seq",
      sequenceName = "credit_refund_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Column(name = "external_id", unique = true, length = 100)
  private String externalId;

  @Column(name = "refund_date", nullable = false)
  private LocalDate refundDate;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(length = 100)
  private String reference;

  @Column(nullable = false, length = 400)
  private String reason;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  protected CreditRefund() {}

  CreditRefund(
      long customerId,
      String externalId,
      LocalDate refundDate,
      Money amount,
      String reference,
      String reason,
      String recordedBy,
      OffsetDateTime recordedAt) {
    this.customerId = customerId;
    this.externalId = externalId;
    this.refundDate = refundDate;
    this.currency = amount.currency().getCurrencyCode();
    this.amount = amount.amount();
    this.reference = reference;
    this.reason = reason;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  /** Whether this refund is the one the terms describe (same date, amount and currency). */
  boolean isSameAs(LocalDate date, Money money) {
    return refundDate.equals(date) && getAmount().equals(money);
  }

  public Long getId() {
    return id;
  }

  public String getExternalId() {
    return externalId;
  }

  public LocalDate getRefundDate() {
    return refundDate;
  }

  public Money getAmount() {
    return new Money(amount, Currency.getInstance(currency));
  }

  public String getReference() {
    return reference;
  }

  public String getReason() {
    return reason;
  }
}
