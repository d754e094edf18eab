package app.courtesy.collection;

import app.courtesy.customer.Customer;
import app.courtesy.security.UserAccount;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.Money;
import app.courtesy.shared.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Optional;

/**
 * A customer's overdue balance being worked: opened and closed by the review (never created here),
 * assigned to a collector, its figures and status re-derived from data. The version is raised by
 * every action that changes the case, so a collector acting on what they read a while ago learns
 * that someone else acted in between.
 *
 * <p>This entity writes only the assignee, who changed the case and when, and the version; every
 * other column is mapped read-only and written by {@link CaseReview} alone.
 */
@Entity
@Table(name = "collection_case")
public class CollectionCase {

  @Id private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id", updatable = false)
  private Customer customer;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "assignee_id")
  private UserAccount assignee;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, insertable = false, updatable = false)
  private CaseStatus status;

  @Column(name = "opened_on", insertable = false, updatable = false)
  private LocalDate openedOn;

  @Column(name = "closed_on", insertable = false, updatable = false)
  private LocalDate closedOn;

  @Column(insertable = false, updatable = false)
  private String currency;

  @Column(name = "overdue_amount", insertable = false, updatable = false)
  private BigDecimal overdueAmount;

  @Column(name = "oldest_due_on", insertable = false, updatable = false)
  private LocalDate oldestDueOn;

  @Column(name = "last_contact_at", insertable = false, updatable = false)
  private OffsetDateTime lastContactAt;

  @Column(name = "promise_due_on", insertable = false, updatable = false)
  private LocalDate promiseDueOn;

  @Column(name = "promise_broken_on", insertable = false, updatable = false)
  private LocalDate promiseBrokenOn;

  @Column(name = "arrangement_defaulted_on", insertable = false, updatable = false)
  private LocalDate planDefaultedOn;

  @Column(insertable = false, updatable = false)
  private boolean bounced;

  @Column(name = "needs_call", insertable = false, updatable = false)
  private boolean needsCall;

  @Column(name = "next_action_on", insertable = false, updatable = false)
  private LocalDate nextActionOn;

  @Column(insertable = false, updatable = false)
  private int priority;

  @Version private long version;

  /** What the customer last asked for on their page, until a person acts on the case. */
  @Column(name = "customer_request", length = 200)
  private String customerRequest;

  @Column(name = "customer_request_on")
  private LocalDate customerRequestOn;

  /** When the oldest reply of the customer's that no one has answered came in; the review's. */
  @Column(name = "reply_waiting_on", insertable = false, updatable = false)
  private LocalDate replyWaitingOn;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", length = 64)
  private String updatedBy;

  protected CollectionCase() {}

  /**
   * Refuses to go on when the case changed since the caller read it at {@code readVersion}.
   *
   * @throws ConcurrentChangeException naming who changed it and when
   */
  public void requireVersion(long readVersion) {
    if (version != readVersion) {
      throw new ConcurrentChangeException("This case", updatedBy, updatedAt);
    }
  }

  /** Records that {@code actor} changed the case now; raises its version. */
  void changedBy(String actor, OffsetDateTime now) {
    this.updatedBy = actor;
    this.updatedAt = now;
    this.customerRequest = null;
    this.customerRequestOn = null;
  }

  /**
   * The customer asked for something on their page: the case rises until a person acts on it. It is
   * a change like a person's, so a collector who read the case before it is told.
   */
  void customerAsked(String request, String actor, OffsetDateTime now) {
    this.updatedBy = actor;
    this.updatedAt = now;
    this.customerRequest = Texts.clip(request, 200);
    this.customerRequestOn = now.toLocalDate();
  }

  /** What the customer asked for, while no person has acted on the case since. */
  public Optional<String> getCustomerRequest() {
    return Optional.ofNullable(customerRequest);
  }

  /** Hands the case to another collector. */
  void assignTo(UserAccount collector, String actor, OffsetDateTime now) {
    this.assignee = collector;
    changedBy(actor, now);
  }

  public boolean isOpen() {
    return closedOn == null;
  }

  public CaseFigures figures() {
    return new CaseFigures(
        new Money(overdueAmount, Currency.getInstance(currency)),
        oldestDueOn,
        lastContactAt,
        promiseDueOn,
        promiseBrokenOn,
        planDefaultedOn,
        bounced,
        needsCall,
        replyWaitingOn);
  }

  public Long getId() {
    return id;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Optional<UserAccount> getAssignee() {
    return Optional.ofNullable(assignee);
  }

  public CaseStatus getStatus() {
    return status;
  }

  public LocalDate getOpenedOn() {
    return openedOn;
  }

  public LocalDate getClosedOn() {
    return closedOn;
  }

  public LocalDate getNextActionOn() {
    return nextActionOn;
  }

  public int getPriority() {
    return priority;
  }

  public long getVersion() {
    return version;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
