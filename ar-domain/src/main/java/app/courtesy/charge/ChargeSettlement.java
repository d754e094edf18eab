package app.courtesy.charge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What settled part of a charge document: part of a payment the ERP allocated to it, or a credit
 * document applied to it. At most one per payment (or credit) and document.
 */
@Entity
@Table(name = "charge_settlement")
public class ChargeSettlement {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charge_settlement_seq")
  @SequenceGenerator(
      name = "charge_settlement_seq",
      sequenceName = "charge_settlement_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "document_id")
  private ChargeDocument document;

  @Column(name = "payment_id")
  private Long paymentId;

  @Column(name = "credit_document_id")
  private Long creditDocumentId;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(name = "settled_at", nullable = false)
  private OffsetDateTime settledAt;

  @Column(name = "settled_by", nullable = false, length = 64)
  private String settledBy;

  protected ChargeSettlement() {}

  private ChargeSettlement(
      ChargeDocument document, BigDecimal amount, OffsetDateTime at, String by) {
    this.document = document;
    this.amount = amount;
    this.settledAt = at;
    this.settledBy = by;
  }

  static ChargeSettlement byPayment(
      ChargeDocument document, long paymentId, BigDecimal amount, OffsetDateTime at, String by) {
    ChargeSettlement settlement = new ChargeSettlement(document, amount, at, by);
    settlement.paymentId = paymentId;
    return settlement;
  }

  static ChargeSettlement byCredit(
      ChargeDocument document, long creditId, BigDecimal amount, OffsetDateTime at, String by) {
    ChargeSettlement settlement = new ChargeSettlement(document, amount, at, by);
    settlement.creditDocumentId = creditId;
    return settlement;
  }

  public Long getId() {
    return id;
  }

  public ChargeDocument getDocument() {
    return document;
  }

  public Optional<Long> getPaymentId() {
    return Optional.ofNullable(paymentId);
  }

  public Optional<Long> getCreditDocumentId() {
    return Optional.ofNullable(creditDocumentId);
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public OffsetDateTime getSettledAt() {
    return settledAt;
  }

  public String getSettledBy() {
    return settledBy;
  }
}
