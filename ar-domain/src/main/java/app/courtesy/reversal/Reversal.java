package app.courtesy.reversal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A payment reversed or a credit note cancelled: when, why, by whom. Its unwound allocations (what
 * the receipt had paid on which invoice) are kept beside it in {@code unwound_allocation}. Written
 * once, never changed.
 */
@Entity
@Table(name = "receipt_reversal")
public class Reversal {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "receipt_reversal_seq")
  @SequenceGenerator(
      name = "receipt_reversal_seq",
      sequenceName = "receipt_reversal_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Column(name = "payment_id")
  private Long paymentId;

  @Column(name = "credit_note_id")
  private Long creditNoteId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReversalKind kind;

  @Column(name = "reversed_on", nullable = false)
  private LocalDate reversedOn;

  @Column(nullable = false, length = 400)
  private String reason;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  protected Reversal() {}

  private Reversal(
      long customerId,
      Long paymentId,
      Long creditNoteId,
      ReversalKind kind,
      LocalDate reversedOn,
      String reason,
      String recordedBy,
      OffsetDateTime recordedAt) {
    this.customerId = customerId;
    this.paymentId = paymentId;
    this.creditNoteId = creditNoteId;
    this.kind = kind;
    this.reversedOn = reversedOn;
    this.reason = reason;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  static Reversal ofPayment(
      long customerId,
      long paymentId,
      ReversalKind kind,
      LocalDate on,
      String reason,
      String by,
      OffsetDateTime at) {
    if (!kind.forPayments()) {
      throw new ReversalRefusedException(
          "A payment is reversed as bounced, chargeback, refund or mistaken entry");
    }
    return new Reversal(customerId, paymentId, null, kind, on, reason, by, at);
  }

  static Reversal ofCreditNote(
      long customerId,
      long creditNoteId,
      LocalDate on,
      String reason,
      String by,
      OffsetDateTime at) {
    return new Reversal(customerId, null, creditNoteId, ReversalKind.CANCELLED, on, reason, by, at);
  }

  public Long getId() {
    return id;
  }

  public long getCustomerId() {
    return customerId;
  }

  public Long getPaymentId() {
    return paymentId;
  }

  public Long getCreditNoteId() {
    return creditNoteId;
  }

  public ReversalKind getKind() {
    return kind;
  }

  public LocalDate getReversedOn() {
    return reversedOn;
  }

  public String getReason() {
    return reason;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public OffsetDateTime getRecordedAt() {
    return recordedAt;
  }
}
