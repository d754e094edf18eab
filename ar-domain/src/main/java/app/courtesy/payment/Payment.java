package app.courtesy.payment;

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
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/**
 * Money received from a customer, allocated to one or more of its invoices. The allocations never
 * add up to more than the payment; what is not allocated is the customer's unapplied credit. A
 * recorded payment does not change.
 */
@Entity
@Table(name = "payment")
public class Payment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
  @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
  private Long id;

  @Column(name = "external_id", unique = true, length = 100)
  private String externalId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(name = "payment_date", nullable = false)
  private LocalDate paymentDate;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(length = 30)
  private String method;

  @Column(length = 100)
  private String reference;

  @OneToMany(mappedBy = "payment", cascade = CascadeType.PERSIST)
  private List<PaymentAllocation> allocations = new ArrayList<>();

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Payment() {}

  public Payment(
      String externalId,
      Customer customer,
      LocalDate paymentDate,
      Money amount,
      String method,
      String reference,
      OffsetDateTime createdAt) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("A payment must have a positive amount");
    }
    this.externalId = externalId;
    this.customer = customer;
    this.paymentDate = paymentDate;
    this.currency = amount.currency().getCurrencyCode();
    this.amount = amount.amount();
    this.method = method;
    this.reference = reference;
    this.createdAt = createdAt;
  }

  /** Applies part of this payment to an invoice of the same customer and currency. */
  public void allocate(Invoice invoice, Money part) {
    if (!invoice.getCustomer().equals(customer)) {
      throw new IllegalArgumentException(
          "Invoice " + invoice.getNumber() + " is another customer's");
    }
    if (allocated().plus(part).compareTo(getAmount()) > 0) {
      throw new IllegalArgumentException("Allocations would exceed the payment of " + getAmount());
    }
    allocations.add(new PaymentAllocation(this, invoice, part));
  }

  /** What of this payment is not applied to any invoice: the customer's credit. */
  public Money unapplied() {
    return getAmount().minus(allocated());
  }

  public Money allocated() {
    return allocations.stream()
        .map(PaymentAllocation::getAmount)
        .reduce(Money.zero(getAmount().currency()), Money::plus);
  }

  public Long getId() {
    return id;
  }

  public String getExternalId() {
    return externalId;
  }

  public Customer getCustomer() {
    return customer;
  }

  public LocalDate getPaymentDate() {
    return paymentDate;
  }

  public Money getAmount() {
    return new Money(amount, Currency.getInstance(currency));
  }

  public String getMethod() {
    return method;
  }

  public String getReference() {
    return reference;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public List<PaymentAllocation> getAllocations() {
    return Collections.unmodifiableList(allocations);
  }
}
