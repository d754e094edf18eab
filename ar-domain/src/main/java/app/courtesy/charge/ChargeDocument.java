package app.courtesy.charge;

import app.courtesy.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
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
import java.util.Optional;

/**
 * What one business date charged one customer in one currency: fees for the reminders queued that
 * day, interest on the invoices they listed, the fixed compensation, corrections. A document of its
 * own, never a change of an invoice; one per customer, currency and date (a unique key), numbered
 * {@code CHG-…}.
 *
 * <p>It is {@link ChargeStatus#OPEN} until it is settled (by payments the ERP allocates to it, or a
 * credit document) or waived. A document whose corrections outweigh its charges is a credit: its
 * total is below zero and it is applied to the customer's open charges in the currency.
 *
 * <p>The waiver's fields (amount, who, when, why) are here, for the waiver's workflow to fill.
 */
@Entity
@Table(name = "charge_document")
public class ChargeDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charge_document_seq")
  @SequenceGenerator(
      name = "charge_document_seq",
      sequenceName = "charge_document_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String number;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "business_date", nullable = false)
  private LocalDate businessDate;

  @Column(name = "policy_id", nullable = false)
  private long policyId;

  @Column(name = "message_id")
  private Long messageId;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal total = BigDecimal.ZERO;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal settled = BigDecimal.ZERO;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private ChargeStatus status = ChargeStatus.OPEN;

  @Column(name = "waived_amount", precision = 19, scale = 4)
  private BigDecimal waivedAmount;

  @Column(name = "waived_at")
  private OffsetDateTime waivedAt;

  @Column(name = "waived_by", length = 64)
  private String waivedBy;

  @Column(name = "waived_reason", length = 1000)
  private String waivedReason;

  @OneToMany(mappedBy = "document", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<ChargeLine> lines = new ArrayList<>();

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected ChargeDocument() {}

  ChargeDocument(
      long customerId,
      String currency,
      LocalDate businessDate,
      long policyId,
      Long messageId,
      OffsetDateTime createdAt) {
    this.customerId = customerId;
    this.currency = currency;
    this.businessDate = businessDate;
    this.policyId = policyId;
    this.messageId = messageId;
    this.createdAt = createdAt;
  }

  /** The number people and the ERP know the document by, made from its id once it has one. */
  static String numberOf(long id) {
    return "CHG-" + String.format("%07d", id);
  }

  /** Takes its number; called once it was persisted (and so has its id). */
  void numbered() {
    this.number = numberOf(id);
  }

  void add(ChargeLine line) {
    line.belongsTo(this);
    lines.add(line);
    total = total.add(line.getAmount());
  }

  /** Whether it has a line of its own. */
  boolean isEmpty() {
    return lines.isEmpty();
  }

  /** A document whose corrections outweigh its charges: a credit to apply. */
  public boolean isCredit() {
    return total.signum() < 0;
  }

  /**
   * What is still asked for (a charge: above zero) or still to apply (a credit: below zero); zero
   * once settled or waived.
   */
  public Money getOpen() {
    BigDecimal waived = waivedAmount == null ? BigDecimal.ZERO : waivedAmount;
    BigDecimal open =
        isCredit() ? total.add(settled).add(waived) : total.subtract(settled).subtract(waived);
    return money(open);
  }

  /** Settles {@code amount} of what is open (of a credit: applies it). */
  void settle(BigDecimal amount) {
    if (amount.signum() <= 0 || amount.compareTo(getOpen().amount().abs()) > 0) {
      throw new IllegalArgumentException(
          "Cannot settle " + amount + " of " + number + ", which has " + getOpen() + " open");
    }
    settled = settled.add(amount);
    if (getOpen().amount().signum() == 0) {
      status = ChargeStatus.SETTLED;
    }
  }

  /**
   * Takes back {@code amount} a reversed payment had settled: that much is open again, whatever the
   * document's state was.
   */
  void unsettle(BigDecimal amount) {
    if (amount.signum() <= 0 || amount.compareTo(settled) > 0) {
      throw new IllegalArgumentException(
          "Cannot take back " + amount + " of " + number + ", which has " + settled + " settled");
    }
    settled = settled.subtract(amount);
    status = ChargeStatus.OPEN;
  }

  /**
   * Waives what is open: nothing more is asked for it, and it stays on the record with who waived
   * it, when and why. The waiver's workflow (a proposal, an approver's decision) decides when.
   *
   * @throws IllegalStateException when nothing is open
   */
  public void waive(String by, String reason, OffsetDateTime at) {
    if (status != ChargeStatus.OPEN || getOpen().amount().signum() == 0) {
      throw new IllegalStateException(number + " has nothing open to waive");
    }
    waivedAmount =
        getWaivedAmount().orElse(money(BigDecimal.ZERO)).amount().add(getOpen().amount().abs());
    waivedBy = by;
    waivedReason = reason;
    waivedAt = at;
    status = ChargeStatus.WAIVED;
  }

  private Money money(BigDecimal amount) {
    return new Money(amount, Currency.getInstance(currency));
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public long getCustomerId() {
    return customerId;
  }

  public Currency getCurrency() {
    return Currency.getInstance(currency);
  }

  public LocalDate getBusinessDate() {
    return businessDate;
  }

  public long getPolicyId() {
    return policyId;
  }

  /** The reminder the document goes with, if one was queued that day. */
  public Optional<Long> getMessageId() {
    return Optional.ofNullable(messageId);
  }

  public Money getTotal() {
    return money(total);
  }

  /** What payments (or, of a credit, the documents it was applied to) took of it so far. */
  public Money getSettled() {
    return money(settled);
  }

  public ChargeStatus getStatus() {
    return status;
  }

  public Optional<Money> getWaivedAmount() {
    return Optional.ofNullable(waivedAmount).map(this::money);
  }

  public Optional<OffsetDateTime> getWaivedAt() {
    return Optional.ofNullable(waivedAt);
  }

  public Optional<String> getWaivedBy() {
    return Optional.ofNullable(waivedBy);
  }

  public Optional<String> getWaivedReason() {
    return Optional.ofNullable(waivedReason);
  }

  public List<ChargeLine> getLines() {
    return Collections.unmodifiableList(lines);
  }

  public long getVersion() {
    return version;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
