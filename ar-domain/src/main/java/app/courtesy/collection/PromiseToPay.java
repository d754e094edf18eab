package app.courtesy.collection;

import app.courtesy.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;

/**
 * A customer's word to pay an amount by a date, covering some of their invoices. It is decided
 * once, from payments: kept as soon as the covered invoices' open amount has gone down by the
 * promised amount, broken when that has not happened by the date plus grace.
 */
@Entity
@Table(name = "promise_to_pay")
public class PromiseToPay {

  /** Pending until payments decide it. */
  public enum Status {
    PENDING,
    KEPT,
    BROKEN
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promise_to_pay_seq")
  @SequenceGenerator(
      name = "promise_to_pay_seq",
      sequenceName = "promise_to_pay_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(name = "promised_on", nullable = false)
  private LocalDate promisedOn;

  @Column(name = "grace_days", nullable = false)
  private int graceDays;

  /** What the covered invoices had open when the promise was made. */
  @Column(name = "open_at_promise", nullable = false)
  private BigDecimal openAtPromise;

  @Column(nullable = false, length = 8)
  private String status;

  @Column(length = 2000)
  private String note;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  @Column(name = "decided_on")
  private LocalDate decidedOn;

  protected PromiseToPay() {}

  PromiseToPay(
      CollectionCase forCase,
      Money amount,
      LocalDate promisedOn,
      int graceDays,
      Money openAtPromise,
      String note,
      String recordedBy,
      OffsetDateTime recordedAt) {
    this.caseId = forCase.getId();
    this.customerId = forCase.getCustomer().getId();
    this.currency = amount.currency().getCurrencyCode();
    this.amount = amount.amount();
    this.promisedOn = promisedOn;
    this.graceDays = graceDays;
    this.openAtPromise = openAtPromise.amount();
    this.status = Status.PENDING.name();
    this.note = note;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  /** The last day reminders for the covered invoices wait: the date plus grace. */
  public LocalDate waitsUntil() {
    return promisedOn.plusDays(graceDays);
  }

  void decide(Status outcome, LocalDate on) {
    this.status = outcome.name();
    this.decidedOn = on;
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

  public Money getAmount() {
    return new Money(amount, Currency.getInstance(currency));
  }

  public LocalDate getPromisedOn() {
    return promisedOn;
  }

  public Status getStatus() {
    return Status.valueOf(status);
  }

  public String getNote() {
    return note;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public OffsetDateTime getRecordedAt() {
    return recordedAt;
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }
}
