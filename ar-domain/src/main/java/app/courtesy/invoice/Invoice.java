package app.courtesy.invoice;

import app.courtesy.customer.Customer;
import app.courtesy.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
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
 * A bill sent to a customer. What is still open on it is derived from the payments and credit notes
 * allocated to it: the database sums them into column {@code allocated} as they are written (see
 * migration V005), which this entity reads as it was when loaded and never writes. Its amount,
 * currency and customer cannot change once something is allocated.
 *
 * <p>Whether it is disputed is derived from its open disputes and written only by {@code
 * app.courtesy.collection.Disputes}; this entity reads it. What the ERP last said about a dispute
 * is its own column ({@code feed_disputed}), written here only: a change of it is reported to
 * {@link DisputeFeed} by {@link InvoiceService}.
 *
 * <p>Its payment schedule (instalments, see {@link PaymentSchedule}) comes from the ERP with it and
 * is replaced as a whole. The exceptions a collector makes for it — chasing stopped, another
 * reminder policy — are written only through {@link #stopChasing}, {@link #resumeChasing} and
 * {@link #followPolicy} ({@link InvoiceExceptions}), never by what the ERP sends.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
  @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
  private Long id;

  @Column(name = "external_id", unique = true, length = 100)
  private String externalId;

  @Column(nullable = false, unique = true, length = 40)
  private String number;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(name = "issue_date", nullable = false)
  private LocalDate issueDate;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  /** Kept by the database from the allocations; as loaded, not updated within a transaction. */
  @Column(insertable = false, updatable = false, precision = 19, scale = 4)
  private BigDecimal allocated;

  @Column(length = 100)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private InvoiceState state = InvoiceState.ISSUED;

  /** Whether a dispute is open on it: written by the disputes only, as loaded. */
  @Column(insertable = false, updatable = false)
  private boolean disputed;

  /** What the ERP last said: disputed or not; {@code null} when it never said. */
  @Column(name = "feed_disputed")
  private Boolean feedDisputed;

  @Enumerated(EnumType.STRING)
  @Column(length = 10)
  private Delivery delivery;

  /** In due-date order; empty when the invoice is due at once. */
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "invoice_instalment", joinColumns = @JoinColumn(name = "invoice_id"))
  @OrderBy("number")
  private List<Instalment> instalments = new ArrayList<>();

  /** Whether it has instalments, for the reminder run to read without joining them. */
  @Column(nullable = false)
  private boolean scheduled;

  @Column(name = "chasing_stopped_reason", length = 200)
  private String chasingStoppedReason;

  @Column(name = "chasing_stopped_until")
  private LocalDate chasingStoppedUntil;

  @Column(name = "chasing_stopped_by", length = 64)
  private String chasingStoppedBy;

  @Column(name = "chasing_stopped_at")
  private OffsetDateTime chasingStoppedAt;

  /** The policy it follows instead of its customer's; null: its customer's. */
  @Column(name = "reminder_policy_id")
  private Long reminderPolicyId;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Invoice() {}

  public Invoice(InvoiceData data, Customer customer, OffsetDateTime createdAt) {
    this.externalId = data.externalId();
    this.createdAt = createdAt;
    apply(data, customer);
  }

  /**
   * Takes over what the data says.
   *
   * @return whether anything changed
   */
  boolean revise(InvoiceData data, Customer customer) {
    if (matches(data, customer)) {
      return false;
    }
    apply(data, customer);
    return true;
  }

  /** What it holds of the ERP's data, as loaded. */
  InvoiceFacts facts() {
    return new InvoiceFacts(
        number,
        customer.getId(),
        issueDate,
        dueDate,
        currency,
        amount,
        allocated,
        reference,
        state,
        feedDisputed,
        delivery,
        scheduled);
  }

  private boolean matches(InvoiceData data, Customer customer) {
    return facts().matches(data, customer.getId())
        && (data.schedule() == null || instalments.equals(PaymentSchedule.instalments(data)));
  }

  private void apply(InvoiceData data, Customer customer) {
    Money money = money(data);
    this.number = data.number();
    this.customer = customer;
    this.issueDate = data.issueDate();
    this.dueDate = data.dueDate();
    this.currency = money.currency().getCurrencyCode();
    this.amount = money.amount();
    this.reference = data.reference();
    this.state = data.stateOrIssued();
    if (data.disputed() != null) {
      this.feedDisputed = data.disputed();
    }
    this.delivery = data.delivery();
    if (data.schedule() != null) {
      this.instalments.clear();
      this.instalments.addAll(PaymentSchedule.instalments(data));
      this.scheduled = !instalments.isEmpty();
    }
  }

  /**
   * Stops chasing it, without a dispute: no reminder lists it while stopped, its customer's other
   * invoices are still reminded.
   *
   * @param until the last day it is not chased; null: until someone resumes it
   */
  void stopChasing(String reason, LocalDate until, String by, OffsetDateTime at) {
    this.chasingStoppedReason = reason;
    this.chasingStoppedUntil = until;
    this.chasingStoppedBy = by;
    this.chasingStoppedAt = at;
  }

  /** Chases it again from the step it had reached. */
  void resumeChasing() {
    this.chasingStoppedReason = null;
    this.chasingStoppedUntil = null;
    this.chasingStoppedBy = null;
    this.chasingStoppedAt = null;
  }

  /** Follows {@code policyId} from now on; null: its customer's policy again. */
  void followPolicy(Long policyId) {
    this.reminderPolicyId = policyId;
  }

  private static Money money(InvoiceData data) {
    return new Money(data.amount(), Currency.getInstance(data.currency()));
  }

  /** Its instalments in due-date order; empty when it is due at once. */
  public List<Instalment> getInstalments() {
    return List.copyOf(instalments);
  }

  /** What is open on one of its instalments, as the invoice was loaded. */
  public Money openOn(Instalment instalment) {
    return new Money(
        instalment.open(allocated == null ? BigDecimal.ZERO : allocated),
        Currency.getInstance(currency));
  }

  /** What is open on it, as loaded: its amount less what payments and credit notes applied. */
  public Money getOpen() {
    return new Money(
        amount.subtract(allocated == null ? BigDecimal.ZERO : allocated),
        Currency.getInstance(currency));
  }

  /** Where it stands, derived from its state and what is open on it. */
  public InvoiceStatus getStatus() {
    return InvoiceStatus.of(state, disputed, getAmount(), getOpen());
  }

  /** Why chasing it is stopped, while it is on {@code date}. */
  public Optional<String> chasingStoppedOn(LocalDate date) {
    return chasingStoppedReason == null
            || (chasingStoppedUntil != null && chasingStoppedUntil.isBefore(date))
        ? Optional.empty()
        : Optional.of(chasingStoppedReason);
  }

  /** The last day chasing is stopped; empty when until someone resumes it (or not stopped). */
  public Optional<LocalDate> getChasingStoppedUntil() {
    return Optional.ofNullable(chasingStoppedUntil);
  }

  /** Who stopped chasing it, if it is stopped. */
  public Optional<String> getChasingStoppedBy() {
    return Optional.ofNullable(chasingStoppedBy);
  }

  public Optional<OffsetDateTime> getChasingStoppedAt() {
    return Optional.ofNullable(chasingStoppedAt);
  }

  /** The policy it follows instead of its customer's. */
  public Optional<Long> getReminderPolicyId() {
    return Optional.ofNullable(reminderPolicyId);
  }

  public long getVersion() {
    return version;
  }

  public Long getId() {
    return id;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getNumber() {
    return number;
  }

  public Customer getCustomer() {
    return customer;
  }

  public LocalDate getIssueDate() {
    return issueDate;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public Money getAmount() {
    return new Money(amount, Currency.getInstance(currency));
  }

  public String getReference() {
    return reference;
  }

  public InvoiceState getState() {
    return state;
  }

  public boolean isDisputed() {
    return disputed;
  }

  /** What the ERP last said about the invoice being disputed, if it ever said. */
  public Optional<Boolean> getFeedDisputed() {
    return Optional.ofNullable(feedDisputed);
  }

  public Delivery getDelivery() {
    return delivery;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
