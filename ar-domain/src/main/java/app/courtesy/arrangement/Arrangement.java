package app.courtesy.arrangement;

import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * An instalment plan, extension or early-payment discount on some of a customer's invoices. Its
 * instalments are what the customer pays and when: a plan's instalments, an extension's new date
 * with everything covered, a discount's pay-by date with the discounted amount. Who proposed and
 * who decided, when and why, stay on it; every change is also written to the communication log.
 */
@Entity
@Table(name = "arrangement")
public class Arrangement {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "arrangement_seq")
  @SequenceGenerator(
      name = "arrangement_seq",
      sequenceName = "arrangement_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private ArrangementKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private ArrangementStatus status;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false)
  private BigDecimal covered;

  @Enumerated(EnumType.STRING)
  @Column(length = 12)
  private Frequency frequency;

  @Column(name = "new_due_date")
  private LocalDate newDueDate;

  @Column(name = "discount_percent")
  private BigDecimal discountPercent;

  private BigDecimal discount;

  @Column(name = "pay_by")
  private LocalDate payBy;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Column(name = "proposed_by", nullable = false, length = 64)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false)
  private OffsetDateTime proposedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Column(name = "decision_note", length = 2000)
  private String decisionNote;

  @Column(name = "active_from")
  private LocalDate activeFrom;

  @Column(name = "noticed_instalment")
  private Integer noticedInstalment;

  @Column(name = "noticed_on")
  private LocalDate noticedOn;

  @Column(name = "closed_on")
  private LocalDate closedOn;

  @Column(name = "live_customer_id")
  private Long liveCustomerId;

  @ElementCollection
  @CollectionTable(name = "instalment", joinColumns = @JoinColumn(name = "arrangement_id"))
  @OrderBy("number")
  private List<Instalment> instalments = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "arrangement_invoice", joinColumns = @JoinColumn(name = "arrangement_id"))
  private List<CoveredInvoice> invoices = new ArrayList<>();

  @Version private long version;

  protected Arrangement() {}

  /** A proposal, pending until an approver decides it. */
  Arrangement(
      long caseId,
      long customerId,
      ArrangementKind kind,
      Money covered,
      List<CoveredInvoice> invoices,
      List<PlannedInstalment> schedule,
      String reason,
      String proposedBy,
      OffsetDateTime proposedAt) {
    this.caseId = caseId;
    this.customerId = customerId;
    this.kind = kind;
    this.status = ArrangementStatus.PENDING;
    this.currency = covered.currency().getCurrencyCode();
    this.covered = covered.amount();
    this.invoices.addAll(invoices);
    schedule.stream().map(Instalment::new).forEach(this.instalments::add);
    this.reason = reason;
    this.proposedBy = proposedBy;
    this.proposedAt = proposedAt;
    this.liveCustomerId = customerId;
  }

  /** A plan's frequency, when its dates were generated rather than written by hand. */
  void planned(Frequency frequency) {
    this.frequency = frequency;
  }

  void extendedTo(LocalDate newDueDate) {
    this.newDueDate = newDueDate;
  }

  void discounted(BigDecimal percent, Money discount, LocalDate payBy) {
    this.discountPercent = percent;
    this.discount = discount.amount();
    this.payBy = payBy;
  }

  /**
   * Refuses when someone changed the arrangement since {@code readVersion}: whoever decided or
   * withdrew it.
   */
  public void requireVersion(long readVersion) {
    if (version != readVersion) {
      throw new ConcurrentChangeException("This arrangement", decidedBy, decidedAt);
    }
  }

  void approve(String approver, String note, OffsetDateTime at) {
    decide(ArrangementStatus.ACTIVE, approver, note, at);
    activeFrom = at.toLocalDate();
  }

  void reject(String approver, String note, OffsetDateTime at) {
    decide(ArrangementStatus.REJECTED, approver, note, at);
    liveCustomerId = null;
  }

  void withdraw(String proposer, String note, OffsetDateTime at) {
    decide(ArrangementStatus.WITHDRAWN, proposer, note, at);
    liveCustomerId = null;
  }

  private void decide(ArrangementStatus to, String actor, String note, OffsetDateTime at) {
    status = to;
    decidedBy = actor;
    decidedAt = at;
    decisionNote = note;
  }

  /** The one "we noticed" message about instalment {@code number} was queued on {@code date}. */
  void noticed(int number, LocalDate date) {
    noticedInstalment = number;
    noticedOn = date;
  }

  /** Completed, defaulted, ended or lapsed on {@code date}: its invoices are chased as usual. */
  void close(ArrangementStatus to, LocalDate date) {
    status = to;
    closedOn = date;
    liveCustomerId = null;
  }

  public Long getId() {
    return id;
  }

  public long getCaseId() {
    return caseId;
  }

  public long getCustomerId() {
    return customerId;
  }

  public ArrangementKind getKind() {
    return kind;
  }

  public ArrangementStatus getStatus() {
    return status;
  }

  public Money getCovered() {
    return new Money(covered, currency());
  }

  public Optional<Frequency> getFrequency() {
    return Optional.ofNullable(frequency);
  }

  public LocalDate getNewDueDate() {
    return newDueDate;
  }

  public BigDecimal getDiscountPercent() {
    return discountPercent;
  }

  public Money getDiscount() {
    return discount == null ? null : new Money(discount, currency());
  }

  public LocalDate getPayBy() {
    return payBy;
  }

  public String getReason() {
    return reason;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public OffsetDateTime getProposedAt() {
    return proposedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public OffsetDateTime getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionNote() {
    return decisionNote;
  }

  public LocalDate getActiveFrom() {
    return activeFrom;
  }

  public Optional<Integer> getNoticedInstalment() {
    return Optional.ofNullable(noticedInstalment);
  }

  public LocalDate getNoticedOn() {
    return noticedOn;
  }

  public LocalDate getClosedOn() {
    return closedOn;
  }

  /** What the customer pays and when, in date order. */
  public List<PlannedInstalment> getSchedule() {
    return instalments.stream().map(i -> i.planned(currency())).toList();
  }

  /**
   * The first instalment {@code paid} does not cover, counting payments towards the instalments in
   * date order; empty once everything is paid.
   */
  public Optional<PlannedInstalment> firstUnpaid(Money paid) {
    return getSchedule().stream()
        .filter(i -> dueThrough(i.number()).compareTo(paid) > 0)
        .findFirst();
  }

  /** What instalments 1 to {@code number} add up to. */
  public Money dueThrough(int number) {
    return getSchedule().stream()
        .filter(i -> i.number() <= number)
        .map(PlannedInstalment::amount)
        .reduce(Money.zero(currency()), Money::plus);
  }

  public List<CoveredInvoice> getInvoices() {
    return List.copyOf(invoices);
  }

  public long getVersion() {
    return version;
  }

  private Currency currency() {
    return Currency.getInstance(currency);
  }
}
