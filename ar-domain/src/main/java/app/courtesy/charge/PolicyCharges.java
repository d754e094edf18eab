package app.courtesy.charge;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A reminder policy's late-payment charges as saved (see {@link ChargeTerms}). */
@Entity
@Table(name = "policy_charges")
public class PolicyCharges {

  /** A fee per step (counted from 0, as the policy's steps are stored) and currency. */
  @Embeddable
  public static class Fee {
    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    protected Fee() {}

    Fee(int position, String currency, BigDecimal amount) {
      this.position = position;
      this.currency = currency;
      this.amount = amount;
    }

    public int getPosition() {
      return position;
    }

    public String getCurrency() {
      return currency;
    }

    public BigDecimal getAmount() {
      return amount;
    }
  }

  @Id
  @Column(name = "policy_id")
  private long policyId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private InterestBasis interest;

  @Column(precision = 7, scale = 4)
  private BigDecimal margin;

  @Column(name = "monthly_rate", precision = 7, scale = 4)
  private BigDecimal monthlyRate;

  @Column(nullable = false)
  private boolean compensation;

  @Column(name = "show_in_reminders", nullable = false)
  private boolean showInReminders;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "policy_step_fee", joinColumns = @JoinColumn(name = "policy_id"))
  private List<Fee> fees = new ArrayList<>();

  @Version private long version;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  protected PolicyCharges() {}

  PolicyCharges(long policyId) {
    this.policyId = policyId;
    this.interest = InterestBasis.NONE;
  }

  void revise(ChargeTerms terms, String by, OffsetDateTime at) {
    this.interest = terms.interest();
    this.margin = terms.interest() == InterestBasis.EU_DIRECTIVE ? terms.effectiveMargin() : null;
    this.monthlyRate = terms.interest() == InterestBasis.CONTRACTUAL ? terms.monthlyRate() : null;
    this.compensation = terms.compensation();
    this.showInReminders = terms.showInReminders();
    this.fees.clear();
    for (ChargeTerms.StepFee fee : terms.fees()) {
      this.fees.add(new Fee(fee.step() - 1, fee.currency(), fee.amount()));
    }
    this.updatedBy = by;
    this.updatedAt = at;
  }

  /** The terms as an editor changes them. */
  public ChargeTerms terms() {
    return new ChargeTerms(
        interest,
        margin,
        monthlyRate,
        compensation,
        showInReminders,
        fees.stream()
            .sorted(Comparator.comparingInt(Fee::getPosition).thenComparing(Fee::getCurrency))
            .map(f -> new ChargeTerms.StepFee(f.getPosition() + 1, f.getCurrency(), f.getAmount()))
            .toList());
  }

  public long getPolicyId() {
    return policyId;
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
