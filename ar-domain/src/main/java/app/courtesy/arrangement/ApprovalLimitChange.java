package app.courtesy.arrangement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One change to an approver's limit in a currency, as written; never changed afterwards. */
@Entity
@Table(name = "approval_limit_change")
public class ApprovalLimitChange {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_limit_change_seq")
  @SequenceGenerator(
      name = "approval_limit_change_seq",
      sequenceName = "approval_limit_change_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(nullable = false, length = 3)
  private String currency;

  /** Null when there was no limit before. */
  @Column(name = "old_amount")
  private BigDecimal oldAmount;

  /** Null when the limit was removed. */
  @Column(name = "new_amount")
  private BigDecimal newAmount;

  @Column(name = "changed_by", nullable = false, length = 64)
  private String changedBy;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  protected ApprovalLimitChange() {}

  ApprovalLimitChange(
      long userId,
      String currency,
      BigDecimal oldAmount,
      BigDecimal newAmount,
      String changedBy,
      OffsetDateTime changedAt) {
    this.userId = userId;
    this.currency = currency;
    this.oldAmount = oldAmount;
    this.newAmount = newAmount;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }

  long getUserId() {
    return userId;
  }

  String getCurrency() {
    return currency;
  }

  BigDecimal getOldAmount() {
    return oldAmount;
  }

  BigDecimal getNewAmount() {
    return newAmount;
  }

  String getChangedBy() {
    return changedBy;
  }

  OffsetDateTime getChangedAt() {
    return changedAt;
  }
}
