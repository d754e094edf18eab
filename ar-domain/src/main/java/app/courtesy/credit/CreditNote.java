package app.courtesy.credit;

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

  protected CreditNote() {}

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Money getAmount() {
    return new Money(amount, Currency.getInstance(currency));
  }
}
