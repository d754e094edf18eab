package app.courtesy.charge;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of a charge document, written once and never changed. Its key ({@code dedup_key},
 * unique) says what it stands for, so the same fee, days of interest or compensation cannot be
 * charged twice, whichever node or run tries.
 */
@Entity
@Table(name = "charge_line")
public class ChargeLine {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charge_line_seq")
  @SequenceGenerator(
      name = "charge_line_seq",
      sequenceName = "charge_line_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "document_id")
  private ChargeDocument document;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private ChargeKind kind;

  @Column(name = "invoice_id")
  private Long invoiceId;

  @Column(name = "period_from")
  private LocalDate periodFrom;

  @Column(name = "period_to")
  private LocalDate periodTo;

  @Column(name = "base_amount", precision = 19, scale = 4)
  private BigDecimal base;

  @Column(name = "reference_rate", precision = 7, scale = 4)
  private BigDecimal referenceRate;

  @Column(precision = 7, scale = 4)
  private BigDecimal rate;

  private Integer days;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(name = "step_position")
  private Integer stepPosition;

  @Column(name = "message_id")
  private Long messageId;

  @Column(name = "dedup_key", nullable = false, length = 80)
  private String dedupKey;

  @Column(length = 400)
  private String note;

  protected ChargeLine() {}

  private ChargeLine(ChargeKind kind, BigDecimal amount, String dedupKey) {
    this.kind = kind;
    this.amount = amount;
    this.dedupKey = dedupKey;
  }

  /** The fee of a reminder at step {@code position} (from 0). */
  static ChargeLine fee(long messageId, int position, BigDecimal amount) {
    ChargeLine line = new ChargeLine(ChargeKind.FEE, amount, "fee/" + messageId);
    line.messageId = messageId;
    line.stepPosition = position;
    return line;
  }

  /** Interest on an invoice over one segment of days at one balance and rate. */
  static ChargeLine interest(long invoiceId, LateInterest.Segment segment, BigDecimal amount) {
    ChargeLine line =
        new ChargeLine(ChargeKind.INTEREST, amount, "interest/" + invoiceId + "/" + segment.from());
    line.invoiceId = invoiceId;
    line.periodFrom = segment.from();
    line.periodTo = segment.to();
    line.base = segment.base();
    line.referenceRate = segment.reference();
    line.rate = segment.annual();
    line.days = segment.days();
    return line;
  }

  /** A correction of the interest charged on an invoice for the days {@code from..to}. */
  static ChargeLine correction(
      long invoiceId, LocalDate date, LocalDate from, LocalDate to, BigDecimal amount) {
    ChargeLine line =
        new ChargeLine(ChargeKind.CORRECTION, amount, "correction/" + invoiceId + "/" + date);
    line.invoiceId = invoiceId;
    line.periodFrom = from;
    line.periodTo = to;
    line.note =
        "Worked out again with the payments and credits known on "
            + date
            + ": some were recorded after interest had been charged for their days.";
    return line;
  }

  /** The fixed compensation for an invoice whose debt was {@code debt} when it became late. */
  static ChargeLine compensation(long invoiceId, BigDecimal debt, BigDecimal amount) {
    ChargeLine line = new ChargeLine(ChargeKind.COMPENSATION, amount, "compensation/" + invoiceId);
    line.invoiceId = invoiceId;
    line.base = debt;
    return line;
  }

  void belongsTo(ChargeDocument document) {
    this.document = document;
  }

  public Long getId() {
    return id;
  }

  public ChargeDocument getDocument() {
    return document;
  }

  public ChargeKind getKind() {
    return kind;
  }

  public Optional<Long> getInvoiceId() {
    return Optional.ofNullable(invoiceId);
  }

  public LocalDate getPeriodFrom() {
    return periodFrom;
  }

  public LocalDate getPeriodTo() {
    return periodTo;
  }

  /** The amount interest was reckoned on, or the debt the compensation was sized by. */
  public BigDecimal getBase() {
    return base;
  }

  /** The reference rate the annual rate came from (percent), null for a contractual rate. */
  public BigDecimal getReferenceRate() {
    return referenceRate;
  }

  /** The annual rate applied, percent. */
  public BigDecimal getRate() {
    return rate;
  }

  public Integer getDays() {
    return days;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  /** The reminder step a fee is for, counted from 0. */
  public Integer getStepPosition() {
    return stepPosition;
  }

  public Long getMessageId() {
    return messageId;
  }

  public String getDedupKey() {
    return dedupKey;
  }

  public String getNote() {
    return note;
  }
}
