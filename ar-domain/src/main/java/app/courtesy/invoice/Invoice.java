package app.courtesy.invoice;

import app.courtesy.customer.Customer;
import app.courtesy.shared.Money;
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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;

/**
 * A bill sent to a customer. Its amount never changes once issued; what is still open is derived
 * from the payments allocated to it (view {@code invoice_open_item}), never stored twice.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
  @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
  private Long id;

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

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Invoice() {}

  public Invoice(
      String number,
      Customer customer,
      LocalDate issueDate,
      LocalDate dueDate,
      Money amount,
      OffsetDateTime createdAt) {
    if (dueDate.isBefore(issueDate)) {
      throw new IllegalArgumentException("Invoice " + number + " is due before it is issued");
    }
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("Invoice " + number + " must have a positive amount");
    }
    this.number = number;
    this.customer = customer;
    this.issueDate = issueDate;
    this.dueDate = dueDate;
    this.currency = amount.currency().getCurrencyCode();
    this.amount = amount.amount();
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
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
}
