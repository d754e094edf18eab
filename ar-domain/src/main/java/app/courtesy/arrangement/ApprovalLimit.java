package app.courtesy.arrangement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The most an approver may approve in one currency, with who set it and when. Amounts of different
 * currencies are never converted: an approver without a limit in a currency approves nothing in it.
 */
@Entity
@Table(name = "approval_limit")
@IdClass(ApprovalLimit.Key.class)
public class ApprovalLimit {

  /** An approver's user id and the ISO currency code. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long userId;
    private String currency;

    public Key() {}

    Key(long userId, String currency) {
      this.userId = userId;
      this.currency = currency;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(userId, key.userId)
          && Objects.equals(currency, key.currency);
    }

    @Override
    public int hashCode() {
      return Objects.hash(userId, currency);
    }
  }

  @Id
  @Column(name = "user_id")
  private Long userId;

  @Id
  @Column(length = 3)
  private String currency;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(name = "updated_by", length = 64)
  private String updatedBy;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  protected ApprovalLimit() {}

  ApprovalLimit(
      long userId, String currency, BigDecimal amount, String updatedBy, OffsetDateTime at) {
    this.userId = userId;
    this.currency = currency;
    this.amount = amount;
    this.updatedBy = updatedBy;
    this.updatedAt = at;
  }

  void change(BigDecimal amount, String by, OffsetDateTime at) {
    this.amount = amount;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  long getUserId() {
    return userId;
  }

  String getCurrency() {
    return currency;
  }

  BigDecimal getAmount() {
    return amount;
  }

  String getUpdatedBy() {
    return updatedBy;
  }

  OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
