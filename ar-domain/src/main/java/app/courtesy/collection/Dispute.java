package app.courtesy.collection;

import app.courtesy.invoice.Invoice;
import app.courtesy.shared.BusinessException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A customer's objection to one invoice. While it is open the invoice is not chased; it ends upheld
 * (the open amount is credited) or rejected (the invoice is chased again), once; one the ERP opened
 * can also be cleared by the ERP. It says who opened it ({@link DisputeSource}). Opened and ended
 * only through {@link Disputes}, which keeps {@code invoice.disputed} in step.
 */
@Entity
@Table(name = "dispute")
public class Dispute {

  /** How a dispute ended. */
  public enum Resolution {
    UPHELD,
    REJECTED,
    /** The ERP sent the invoice as no longer disputed; only for a dispute the ERP opened. */
    CLEARED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dispute_seq")
  @SequenceGenerator(name = "dispute_seq", sequenceName = "dispute_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "invoice_id", updatable = false)
  private Invoice invoice;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DisputeReason reason;

  @Column(length = 2000)
  private String note;

  @Column(name = "opened_by", nullable = false, length = 64)
  private String openedBy;

  @Column(name = "opened_at", nullable = false)
  private OffsetDateTime openedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12, updatable = false)
  private DisputeSource source;

  @Enumerated(EnumType.STRING)
  @Column(length = 8)
  private Resolution resolution;

  @Column(name = "resolution_note", length = 2000)
  private String resolutionNote;

  @Column(name = "resolved_by", length = 64)
  private String resolvedBy;

  @Column(name = "resolved_at")
  private OffsetDateTime resolvedAt;

  @Version private long version;

  protected Dispute() {}

  Dispute(
      Invoice invoice,
      DisputeReason reason,
      String note,
      DisputeSource source,
      String openedBy,
      OffsetDateTime at) {
    this.invoice = invoice;
    this.source = source;
    this.customerId = invoice.getCustomer().getId();
    this.reason = reason;
    this.note = note;
    this.openedBy = openedBy;
    this.openedAt = at;
  }

  /**
   * Ends the dispute.
   *
   * @throws BusinessException when it already ended
   */
  void resolve(Resolution how, String note, String by, OffsetDateTime at) {
    if (resolution != null) {
      throw new DisputeClosedException(this);
    }
    this.resolution = how;
    this.resolutionNote = note;
    this.resolvedBy = by;
    this.resolvedAt = at;
  }

  public boolean isOpen() {
    return resolution == null;
  }

  public Long getId() {
    return id;
  }

  public Invoice getInvoice() {
    return invoice;
  }

  public DisputeReason getReason() {
    return reason;
  }

  public String getNote() {
    return note;
  }

  public String getOpenedBy() {
    return openedBy;
  }

  public OffsetDateTime getOpenedAt() {
    return openedAt;
  }

  public DisputeSource getSource() {
    return source;
  }

  public Optional<Resolution> getResolution() {
    return Optional.ofNullable(resolution);
  }

  public String getResolutionNote() {
    return resolutionNote;
  }

  public String getResolvedBy() {
    return resolvedBy;
  }

  public long getVersion() {
    return version;
  }

  /** A dispute that already ended cannot end again. */
  public static class DisputeClosedException extends BusinessException {
    DisputeClosedException(Dispute dispute) {
      super(
          "The dispute on invoice "
              + dispute.getInvoice().getNumber()
              + " was already "
              + dispute.resolution.name().toLowerCase()
              + " by "
              + dispute.resolvedBy
              + ".");
    }
  }
}
