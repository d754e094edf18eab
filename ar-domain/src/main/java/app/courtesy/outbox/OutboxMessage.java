package app.courtesy.outbox;

import app.courtesy.customer.Channel;
import app.courtesy.reminder.Tone;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A message in the outbox and where it is on its way: claimed, sent, suppressed, failed, or retried
 * later. Only {@link Outbox} writes it: it inserts the rows, and its methods are the only ones that
 * move a message on.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

  /** Attempts before a failing message is given up. */
  public static final int MAX_ATTEMPTS = 10;

  @Id private Long id;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "business_date", nullable = false)
  private LocalDate businessDate;

  /** The policy step a reminder is for, counted from 0; none for any other kind. */
  @Column(name = "step_position")
  private Integer stepPosition;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Tone tone;

  @Column(name = "invoice_count", nullable = false)
  private int invoiceCount;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal total;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private MessageStatus status;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Suppression reason;

  @Column(name = "scheduled_at", nullable = false)
  private OffsetDateTime scheduledAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 2000)
  private String lastError;

  @Column(name = "sent_at")
  private OffsetDateTime sentAt;

  @Column(name = "contact_id")
  private Long contactId;

  @Column(name = "claimed_at")
  private OffsetDateTime claimedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private MessageKind kind;

  @Column(name = "dedup_key", nullable = false, updatable = false)
  private String dedupKey;

  /** A collector's own email: its subject and text as written, and who wrote it. */
  @Column(insertable = false, updatable = false)
  private String subject;

  @Column(insertable = false, updatable = false)
  private String body;

  @Column(name = "arrangement_id", insertable = false, updatable = false)
  private Long arrangementId;

  @Column(name = "instalment_no", insertable = false, updatable = false)
  private int instalmentNo;

  @Column(name = "written_by", insertable = false, updatable = false)
  private String writtenBy;

  /** The customer's reply a collector's email answers. */
  @Column(name = "answers_reply_id", insertable = false, updatable = false)
  private Long answersReplyId;

  @Version private long version;

  protected OutboxMessage() {}

  public MessageKind getKind() {
    return kind;
  }

  /** What the message stands for, unique in the outbox: the same message is never queued twice. */
  public String getDedupKey() {
    return dedupKey;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  /** Who wrote a collector's email; empty for what Courtesy planned. */
  public Optional<String> getWrittenBy() {
    return Optional.ofNullable(writtenBy);
  }

  public Optional<Long> getAnswersReplyId() {
    return Optional.ofNullable(answersReplyId);
  }

  public Optional<Long> getArrangementId() {
    return Optional.ofNullable(arrangementId);
  }

  /** The instalment a note or "we noticed" message is about; 0 for anything else. */
  public int getInstalmentNo() {
    return instalmentNo;
  }

  /** A dispatcher takes the message to send it now. */
  void claim(Instant at) {
    status = MessageStatus.SENDING;
    attempts++;
    claimedAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** The claim was never confirmed; the message may have gone out. */
  void unconfirmed() {
    status = MessageStatus.UNCONFIRMED;
  }

  /** Not before {@code at}: outside the recipient's window, the claim is handed back unspent. */
  void postpone(Instant at) {
    status = MessageStatus.QUEUED;
    attempts--;
    scheduledAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  void suppress(Suppression why) {
    status = MessageStatus.SUPPRESSED;
    reason = why;
  }

  void sent(long contactId, Instant at) {
    status = MessageStatus.SENT;
    this.contactId = contactId;
    sentAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    lastError = null;
  }

  /**
   * Records a failed attempt: tried again after a backoff that doubles from two minutes up to two
   * hours (about eight hours in all), or given up when the failure is permanent or the attempts are
   * spent.
   *
   * @return true when the message is given up
   */
  boolean failed(String error, boolean permanent, Instant at) {
    lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
    if (permanent || attempts >= MAX_ATTEMPTS) {
      status = MessageStatus.FAILED;
      return true;
    }
    status = MessageStatus.QUEUED;
    scheduledAt =
        OffsetDateTime.ofInstant(
            at.plus(Duration.ofMinutes(Math.min(1L << attempts, 120))), ZoneOffset.UTC);
    return false;
  }

  public Long getId() {
    return id;
  }

  public long getCustomerId() {
    return customerId;
  }

  public String getCurrency() {
    return currency;
  }

  public LocalDate getBusinessDate() {
    return businessDate;
  }

  /** The policy step a reminder is for, counted from 1; 0 for any other kind. */
  public int getStep() {
    return stepPosition == null ? 0 : stepPosition + 1;
  }

  /** What the message is, in a collector's words: "2 · Friendly", "Thank you", … */
  public String label() {
    return kind.label(getStep(), tone, instalmentNo);
  }

  public Channel getChannel() {
    return channel;
  }

  public Tone getTone() {
    return tone;
  }

  public int getInvoiceCount() {
    return invoiceCount;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public MessageStatus getStatus() {
    return status;
  }

  public Optional<Suppression> getReason() {
    return Optional.ofNullable(reason);
  }

  public OffsetDateTime getScheduledAt() {
    return scheduledAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public OffsetDateTime getSentAt() {
    return sentAt;
  }

  public OffsetDateTime getClaimedAt() {
    return claimedAt;
  }

  public Optional<Long> getContactId() {
    return Optional.ofNullable(contactId);
  }
}
