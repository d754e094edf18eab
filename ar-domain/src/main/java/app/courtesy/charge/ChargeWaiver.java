package app.courtesy.charge;

import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Optional;

/**
 * A waiver of one charge document: proposed with a reason, decided by an approver other than the
 * proposer (four eyes), or made directly by an approver. It stays on the record whatever was
 * decided.
 */
@Entity
@Table(name = "charge_waiver")
public class ChargeWaiver {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charge_waiver_seq")
  @SequenceGenerator(
      name = "charge_waiver_seq",
      sequenceName = "charge_waiver_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "document_id", nullable = false)
  private long documentId;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(nullable = false, length = 1000)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private WaiverStatus status = WaiverStatus.PENDING;

  @Column(name = "proposed_by", nullable = false, length = 64)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false)
  private OffsetDateTime proposedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Column(name = "decision_note", length = 1000)
  private String decisionNote;

  @Version private long version;

  protected ChargeWaiver() {}

  ChargeWaiver(ChargeDocument document, String reason, String proposedBy, OffsetDateTime at) {
    this.documentId = document.getId();
    this.currency = document.getCurrency().getCurrencyCode();
    this.amount = document.getOpen().amount().abs();
    this.reason = reason;
    this.proposedBy = proposedBy;
    this.proposedAt = at;
  }

  /**
   * @throws ConcurrentChangeException when it changed since the caller read it
   */
  void requireVersion(long readVersion) {
    if (version != readVersion) {
      throw new ConcurrentChangeException("This waiver", decidedBy, decidedAt);
    }
  }

  void decide(WaiverStatus decision, String approver, String note, OffsetDateTime at) {
    if (status != WaiverStatus.PENDING) {
      throw new ConcurrentChangeException("This waiver", decidedBy, decidedAt);
    }
    this.status = decision;
    this.decidedBy = approver;
    this.decisionNote = note;
    this.decidedAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getDocumentId() {
    return documentId;
  }

  /** What was open on the document when the waiver was proposed. */
  public Money getAmount() {
    return new Money(amount, Currency.getInstance(currency));
  }

  public String getReason() {
    return reason;
  }

  public WaiverStatus getStatus() {
    return status;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public OffsetDateTime getProposedAt() {
    return proposedAt;
  }

  public Optional<String> getDecidedBy() {
    return Optional.ofNullable(decidedBy);
  }

  public Optional<OffsetDateTime> getDecidedAt() {
    return Optional.ofNullable(decidedAt);
  }

  public Optional<String> getDecisionNote() {
    return Optional.ofNullable(decisionNote);
  }

  public long getVersion() {
    return version;
  }
}
