package app.courtesy.customer;

import app.courtesy.security.UserAccount;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An account we invoice. Its country, time zone and locale decide when and in which language it is
 * contacted; its currency is the default for new invoices. Every change records who made it and
 * when; the version detects two people changing it at once.
 */
@Entity
@Table(name = "customer")
public class Customer {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
  @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
  private Long id;

  @Column(name = "external_id", unique = true, length = 100)
  private String externalId;

  @Column(nullable = false, unique = true, length = 40)
  private String number;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 2)
  private String country;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(nullable = false, length = 35)
  private String locale;

  @Column(nullable = false, length = 3)
  private String currency;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "collector_id")
  private UserAccount collector;

  @Column(length = 4000)
  private String notes;

  /** The customer's own reminder policy; {@code null} follows the default policy. */
  @Column(name = "reminder_policy_id")
  private Long reminderPolicyId;

  /** Automated reminders stop and collectors write gently; only an approver lifts it. */
  @Column(nullable = false)
  private boolean hardship;

  @Column(name = "hardship_reason", length = 2000)
  private String hardshipReason;

  @Column(name = "hardship_since")
  private OffsetDateTime hardshipSince;

  @Column(name = "hardship_by", length = 64)
  private String hardshipBy;

  /** No reminders up to and including this date. */
  @Column(name = "reminders_paused_until")
  private LocalDate remindersPausedUntil;

  @Column(name = "pause_reason", length = 2000)
  private String pauseReason;

  @Column(name = "paused_by", length = 64)
  private String pausedBy;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", length = 64)
  private String updatedBy;

  protected Customer() {}

  public Customer(
      CustomerData data, UserAccount collector, Long reminderPolicyId, OffsetDateTime createdAt) {
    this.externalId = data.externalId();
    this.createdAt = createdAt;
    apply(data, collector, reminderPolicyId);
  }

  /**
   * Takes over what the data says; records who and when if anything changed.
   *
   * @return whether anything changed
   */
  public boolean revise(
      CustomerData data,
      UserAccount collector,
      Long reminderPolicyId,
      String actor,
      OffsetDateTime now) {
    if (matches(data, collector, reminderPolicyId)) {
      return false;
    }
    apply(data, collector, reminderPolicyId);
    this.updatedAt = now;
    this.updatedBy = actor;
    return true;
  }

  private boolean matches(CustomerData data, UserAccount collector, Long reminderPolicyId) {
    return number.equals(data.number())
        && name.equals(data.name())
        && country.equals(data.country())
        && timeZone.equals(data.timeZone())
        && locale.equals(data.locale())
        && currency.equals(data.currency())
        && Objects.equals(this.collector, collector)
        && Objects.equals(notes, data.notes())
        && Objects.equals(this.reminderPolicyId, reminderPolicyId);
  }

  private void apply(CustomerData data, UserAccount collector, Long reminderPolicyId) {
    this.number = data.number();
    this.name = data.name();
    this.country = data.country();
    this.timeZone = data.timeZone();
    this.locale = data.locale();
    this.currency = data.currency();
    this.collector = collector;
    this.notes = data.notes();
    this.reminderPolicyId = reminderPolicyId;
  }

  /** Puts the customer in hardship: see {@link #isHardship()}. */
  public void startHardship(String reason, String actor, OffsetDateTime now) {
    this.hardship = true;
    this.hardshipReason = reason;
    this.hardshipSince = now;
    this.hardshipBy = actor;
    touch(actor, now);
  }

  /** Ends hardship; the caller has checked that {@code approver} may. */
  public void liftHardship(String approver, OffsetDateTime now) {
    this.hardship = false;
    this.hardshipReason = null;
    this.hardshipSince = null;
    this.hardshipBy = null;
    touch(approver, now);
  }

  /** Stops reminders up to and including {@code until}; they resume by themselves after. */
  public void pauseReminders(LocalDate until, String reason, String actor, OffsetDateTime now) {
    this.remindersPausedUntil = until;
    this.pauseReason = reason;
    this.pausedBy = actor;
    touch(actor, now);
  }

  /** Ends a pause in reminders before its last day. */
  public void resumeReminders(String actor, OffsetDateTime now) {
    this.remindersPausedUntil = null;
    this.pauseReason = null;
    this.pausedBy = null;
    touch(actor, now);
  }

  private void touch(String actor, OffsetDateTime now) {
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  /**
   * Whether the customer is in hardship: automated reminders stop, collectors' messages take the
   * gentle tone, and only an approver can lift it.
   */
  public boolean isHardship() {
    return hardship;
  }

  public String getHardshipReason() {
    return hardshipReason;
  }

  public OffsetDateTime getHardshipSince() {
    return hardshipSince;
  }

  public String getHardshipBy() {
    return hardshipBy;
  }

  /** The last day of a pause in chasing, if one is set (it may lie in the past). */
  public Optional<LocalDate> getRemindersPausedUntil() {
    return Optional.ofNullable(remindersPausedUntil);
  }

  public String getPauseReason() {
    return pauseReason;
  }

  public String getPausedBy() {
    return pausedBy;
  }

  /** The customer's own reminder policy, if it has one. */
  public Optional<Long> getReminderPolicyId() {
    return Optional.ofNullable(reminderPolicyId);
  }

  public Long getId() {
    return id;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getNumber() {
    return number;
  }

  public String getName() {
    return name;
  }

  public String getCountry() {
    return country;
  }

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(locale);
  }

  public Currency getCurrency() {
    return Currency.getInstance(currency);
  }

  public Optional<UserAccount> getCollector() {
    return Optional.ofNullable(collector);
  }

  public String getNotes() {
    return notes;
  }

  public long getVersion() {
    return version;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
