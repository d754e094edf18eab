package app.courtesy.charge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How far an invoice's interest has been charged: every day up to and including {@code chargedTo},
 * for {@code exactCharged} before rounding. The next charge starts the day after, so no day is
 * charged twice; its version makes two writers of the same invoice collide.
 */
@Entity
@Table(name = "charge_accrual")
public class InterestAccrual {

  @Id
  @Column(name = "invoice_id")
  private long invoiceId;

  @Column(name = "policy_id", nullable = false)
  private long policyId;

  @Column(name = "charged_to", nullable = false)
  private LocalDate chargedTo;

  @Column(name = "exact_charged", nullable = false, precision = 29, scale = 10)
  private BigDecimal exactCharged;

  @Column(nullable = false)
  private boolean closed;

  @Version private long version;

  protected InterestAccrual() {}

  /** An invoice not charged yet: as if charged up to its due date, for nothing. */
  InterestAccrual(long invoiceId, long policyId, LocalDate dueDate) {
    this.invoiceId = invoiceId;
    this.policyId = policyId;
    this.chargedTo = dueDate;
    this.exactCharged = BigDecimal.ZERO;
  }

  void charged(LocalDate to, BigDecimal exact) {
    this.chargedTo = to;
    this.exactCharged = exact;
  }

  /** Nothing more is open on the invoice: no more interest until it opens again. */
  void close() {
    this.closed = true;
  }

  void reopen(long policyId) {
    this.closed = false;
    this.policyId = policyId;
  }

  public long getInvoiceId() {
    return invoiceId;
  }

  public long getPolicyId() {
    return policyId;
  }

  public LocalDate getChargedTo() {
    return chargedTo;
  }

  public BigDecimal getExactCharged() {
    return exactCharged;
  }

  public boolean isClosed() {
    return closed;
  }
}
