package app.courtesy.invoice;

import app.courtesy.customer.Customer;
import app.courtesy.shared.Money;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Objects;
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

  /** Whether the data changes what allocations depend on: customer, currency or amount. */
  /** Whether payments or credit notes had been applied to it when it was loaded. */
  boolean hasAllocations() {
    return allocated != null && allocated.signum() > 0;
  }

  boolean changesMoney(InvoiceData data, Customer customer) {
    return !Objects.equals(this.customer.getId(), customer.getId())
        || !currency.equals(data.currency())
        || amount.compareTo(data.amount()) != 0;
  }

  private boolean matches(InvoiceData data, Customer customer) {
    return number.equals(data.number())
        && !changesMoney(data, customer)
        && issueDate.equals(data.issueDate())
        && dueDate.equals(data.dueDate())
        && Objects.equals(reference, data.reference())
        && state == data.stateOrIssued()
        && (data.disputed() == null || data.disputed().equals(feedDisputed))
        && delivery == data.delivery();
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
  }

  private static Money money(InvoiceData data) {
    return new Money(data.amount(), Currency.getInstance(data.currency()));
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
}
