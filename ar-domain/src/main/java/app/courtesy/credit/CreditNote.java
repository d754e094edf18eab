package app.courtesy.credit;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** A credit given to a customer (a price correction, returned goods), applied to its invoices. */
@Entity
@Table(name = "credit_note")
public class CreditNote {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credit_note_seq")
  @SequenceGenerator(
      name = "credit_note_seq",
      sequenceName = "credit_note_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "external_id", unique = true, length = 100)
  private String externalId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(nullable = false, unique = true, length = 40)
  private String number;

  @Column(name = "issue_date", nullable = false)
  private LocalDate issueDate;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(length = 400)
  private String reason;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @OneToMany(mappedBy = "creditNote", cascade = CascadeType.PERSIST)
  private List<CreditAllocation> allocations = new ArrayList<>();

  protected CreditNote() {}

  CreditNote(CreditNoteData data, Customer customer, OffsetDateTime createdAt) {
    Money money = new Money(data.amount(), Currency.getInstance(data.currency()));
    this.externalId = data.externalId();
    this.customer = customer;
    this.number = data.number();
    this.issueDate = data.issueDate();
    this.currency = money.currency().getCurrencyCode();
    this.amount = money.amount();
    this.reason = data.reason();
    this.createdAt = createdAt;
  }

  /** Applies part of this credit to an invoice of the same customer and currency. */
  void allocate(Invoice invoice, Money part) {
    if (part.compareTo(unapplied()) > 0) {
      throw new IllegalArgumentException("Allocations would exceed the credit of " + getAmount());
    }
    allocations.add(new CreditAllocation(this, invoice, part));
  }

  /** What of this credit is not applied to any invoice. */
  public Money unapplied() {
    return allocations.stream().map(CreditAllocation::getAmount).reduce(getAmount(), Money::minus);
  }

  /** Whether this credit note is the one the data describes (customer, number, date, amount). */
  boolean isSameAs(CreditNoteData data, Customer customer) {
    return this.customer.equals(customer)
        && number.equals(data.number())
        && issueDate.equals(data.issueDate())
        && getAmount().compareTo(new Money(data.amount(), Currency.getInstance(data.currency())))
            == 0;
  }

  public String getExternalId() {
    return externalId;
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public LocalDate getIssueDate() {
    return issueDate;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Money getAmount() {
    return new Money(amount, Currency.getInstance(currency));
  }

  public String getReason() {
    return reason;
  }

  /** What it was applied to, invoice by invoice. */
  public List<CreditAllocation> getAllocations() {
    return List.copyOf(allocations);
  }
}
