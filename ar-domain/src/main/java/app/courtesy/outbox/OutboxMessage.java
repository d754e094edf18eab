package app.courtesy.outbox;

import app.courtesy.customer.Channel;
import app.courtesy.reminder.Tone;
import app.courtesy.reminder.Variant;
import app.courtesy.shared.Texts;
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
import java.util.Locale;
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

  @Column(name = "policy_id", insertable = false, updatable = false)
  private long policyId;

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

  /** The language a reminder was written in, once it was written for its recipient. */
  @Column(length = 8)
  private String language;

  /** The template experiment a reminder was written in, and the customer's variant in it. */
  @Column(name = "experiment_id")
  private Long experimentId;

  @Enumerated(EnumType.STRING)
  @Column(length = 1)
  private Variant variant;

  @Column(name = "contact_id")
  private Long contactId;

  @Column(name = "claimed_at")
  private OffsetDateTime claimedAt;

  /** The claim that holds the message: only its holder hands it over or records its outcome. */
  @Column(name = "claim_token")
  private String claimToken;

  /** The node that claimed it, for a person who checks what became of it. */
  @Column(name = "claimed_by")
  private String claimedBy;

  /** Until when the claim holds; a message not handed over by then is claimed again. */
  @Column(name = "lease_until")
  private OffsetDateTime leaseUntil;

  /** When it was handed to the server (SMTP DATA, the gateway's POST, the letter's file). */
  @Column(name = "handed_over_at")
  private OffsetDateTime handedOverAt;

  /** The server it was handed to. */
  @Column(name = "handed_to")
  private String handedTo;

  /** Sent again by a person after it went unconfirmed: the message says so. */
  @Column(name = "sent_again")
  private boolean sentAgain;

  /** Who decided what became of an unconfirmed message. */
  @Column(name = "checked_by")
  private String checkedBy;

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

  /**
   * A dispatcher takes the message to send it now, under {@code token}, until {@code leaseUntil}. A
   * message claimed before and never handed over (its dispatcher stopped) is taken the same way.
   */
  void claim(Instant at, String token, String node, Instant leaseUntil) {
    status = MessageStatus.SENDING;
    attempts++;
    claimedAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    claimToken = token;
    claimedBy = node;
    this.leaseUntil = OffsetDateTime.ofInstant(leaseUntil, ZoneOffset.UTC);
    handedOverAt = null;
    handedTo = null;
  }

  /** Handed over with no answer, or the dispatcher stopped before recording one. */
  void unconfirmed(String why) {
    status = MessageStatus.UNCONFIRMED;
    lastError = Texts.clip(why, 2000);
  }

  /** A person checked and found it arrived. */
  void confirmedBy(String person, Instant at) {
    status = MessageStatus.SENT;
    sentAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    checkedBy = person;
  }

  /** A person chose to send it again, now; the message tells the customer so. */
  void sendAgain(String person, Instant at) {
    status = MessageStatus.QUEUED;
    scheduledAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    sentAgain = true;
    checkedBy = person;
  }

  /** Not before {@code at}: outside the recipient's window, the claim is handed back unspent. */
  void postpone(Instant at) {
    status = MessageStatus.QUEUED;
    attempts--;
    scheduledAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /**
   * Written for its recipient in {@code language}, from the template of {@code variant} in the
   * experiment {@code experimentId} (both null outside an experiment).
   */
  void written(Locale language, Long experimentId, Variant variant) {
    this.language = language.getLanguage();
    this.experimentId = experimentId;
    this.variant = variant;
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
    lastError = Texts.clip(error, 2000);
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

  /** The reminder policy a reminder follows. */
  public long getPolicyId() {
    return policyId;
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

  public Optional<String> getClaimToken() {
    return Optional.ofNullable(claimToken);
  }

  public Optional<String> getClaimedBy() {
    return Optional.ofNullable(claimedBy);
  }

  public OffsetDateTime getLeaseUntil() {
    return leaseUntil;
  }

  public Optional<OffsetDateTime> getHandedOverAt() {
    return Optional.ofNullable(handedOverAt);
  }

  public Optional<String> getHandedTo() {
    return Optional.ofNullable(handedTo);
  }

  public boolean isSentAgain() {
    return sentAgain;
  }

  public Optional<String> getCheckedBy() {
    return Optional.ofNullable(checkedBy);
  }

  public Optional<Long> getContactId() {
    return Optional.ofNullable(contactId);
  }
}
