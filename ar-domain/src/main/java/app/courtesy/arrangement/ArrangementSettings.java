package app.courtesy.arrangement;

import app.courtesy.shared.ConcurrentChangeException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The one row of {@link ArrangementLimits}, with who changed it last. */
@Entity
@Table(name = "arrangement_settings")
public class ArrangementSettings {

  @Id private int id;

  @Column(name = "max_instalments", nullable = false)
  private int maxInstalments;

  @Column(name = "max_plan_days", nullable = false)
  private int maxPlanDays;

  @Column(name = "max_extension_days", nullable = false)
  private int maxExtensionDays;

  @Column(name = "max_discount_percent", nullable = false)
  private BigDecimal maxDiscountPercent;

  @Column(name = "max_discount_days", nullable = false)
  private int maxDiscountDays;

  @Column(name = "reminder_days_before", nullable = false)
  private int reminderDaysBefore;

  @Column(name = "notice_grace_days", nullable = false)
  private int noticeGraceDays;

  @Column(name = "default_grace_days", nullable = false)
  private int defaultGraceDays;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", length = 64)
  private String updatedBy;

  @Version private long version;

  protected ArrangementSettings() {}

  public ArrangementLimits limits() {
    return new ArrangementLimits(
        maxInstalments,
        maxPlanDays,
        maxExtensionDays,
        maxDiscountPercent,
        maxDiscountDays,
        reminderDaysBefore,
        noticeGraceDays,
        defaultGraceDays);
  }

  void change(ArrangementLimits limits, long readVersion, String actor, OffsetDateTime at) {
    if (version != readVersion) {
      throw new ConcurrentChangeException("The arrangement limits", updatedBy, updatedAt);
    }
    maxInstalments = limits.maxInstalments();
    maxPlanDays = limits.maxPlanDays();
    maxExtensionDays = limits.maxExtensionDays();
    maxDiscountPercent = limits.maxDiscountPercent();
    maxDiscountDays = limits.maxDiscountDays();
    reminderDaysBefore = limits.reminderDaysBefore();
    noticeGraceDays = limits.noticeGraceDays();
    defaultGraceDays = limits.defaultGraceDays();
    updatedBy = actor;
    updatedAt = at;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
