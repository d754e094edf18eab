package app.courtesy.reply;

import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.Texts;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A message a customer sent us, by email or SMS, kept once by its key (the email's Message-ID, the
 * gateway's id), with its whole original.
 */
@Entity
@Table(name = "inbound_reply")
public class InboundReply {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbound_reply_seq")
  @SequenceGenerator(
      name = "inbound_reply_seq",
      sequenceName = "inbound_reply_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "message_key", nullable = false, length = 400)
  private String messageKey;

  @Column(nullable = false, length = 12)
  private String channel;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  @Column(nullable = false, length = 320)
  private String sender;

  @Column(name = "sender_name", length = 200)
  private String senderName;

  @Column(length = 400)
  private String subject;

  @Column(length = 1_000_000)
  private String body;

  /** The outbox message it answers, when its thread or reply address names one. */
  @Column(name = "answers_id")
  private Long answersId;

  /** Its own Message-ID and its References, as an answer's References continue them. */
  @Column(length = 4000)
  private String thread;

  @Column(name = "customer_id")
  private Long customerId;

  @Column(name = "contact_id")
  private Long contactId;

  @Enumerated(EnumType.STRING)
  @Column(name = "matched_by", length = 12)
  private MatchedBy matchedBy;

  @Column(nullable = false)
  private boolean automatic;

  @Column(name = "back_on")
  private LocalDate backOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private ReplyState state;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Column(name = "decision_note", length = 500)
  private String decisionNote;

  @Basic(fetch = FetchType.LAZY)
  private byte[] original;

  @Version private long version;

  protected InboundReply() {}

  InboundReply(Incoming message, Long answersId, OffsetDateTime receivedAt) {
    this.messageKey = message.key();
    this.channel = message.channel().name();
    this.receivedAt = receivedAt;
    this.sender = Texts.clip(message.sender(), 320);
    this.senderName = Texts.clip(message.senderName(), 200);
    this.subject = Texts.clip(message.subject(), 400);
    this.body = message.text();
    this.answersId = answersId;
    this.thread = Texts.clip(String.join(" ", message.thread()), 4000);
    this.automatic = message.automatic();
    this.original = message.original();
    // An out-of-office that finds no customer needs nobody to assign it.
    this.state = automatic ? ReplyState.AUTOMATIC : ReplyState.UNMATCHED;
  }

  /** Ties it to its customer: a person's words wait for an answer, an automatic one does not. */
  void matched(long customerId, Long contactId, MatchedBy by, LocalDate backOn) {
    this.customerId = customerId;
    this.contactId = contactId;
    this.matchedBy = by;
    this.backOn = backOn;
    this.state = automatic ? ReplyState.AUTOMATIC : ReplyState.TO_ANSWER;
  }

  /** A collector assigned it to a customer, where it waits for an answer like any other. */
  void assigned(long customerId, String actor, OffsetDateTime now) {
    matched(customerId, null, MatchedBy.COLLECTOR, backOn);
    decided(actor, now, null);
  }

  /** A collector marked it handled, or answered it. */
  void closed(ReplyState how, String actor, OffsetDateTime now) {
    this.state = how;
    decided(actor, now, null);
  }

  void discarded(String reason, String actor, OffsetDateTime now) {
    this.state = ReplyState.DISCARDED;
    decided(actor, now, Texts.clip(reason, 500));
  }

  /**
   * Refuses to go on when someone changed it since the caller read it at {@code readVersion}.
   *
   * @throws ConcurrentChangeException naming who changed it and when
   */
  void requireVersion(long readVersion) {
    if (version != readVersion) {
      throw new ConcurrentChangeException("This reply", decidedBy, decidedAt);
    }
  }

  private void decided(String actor, OffsetDateTime now, String note) {
    this.decidedBy = actor;
    this.decidedAt = now;
    this.decisionNote = note;
  }

  public Long getId() {
    return id;
  }

  public String getMessageKey() {
    return messageKey;
  }

  public String getChannel() {
    return channel;
  }

  public OffsetDateTime getReceivedAt() {
    return receivedAt;
  }

  public String getSender() {
    return sender;
  }

  public Optional<String> getSenderName() {
    return Optional.ofNullable(senderName);
  }

  public String getSubject() {
    return subject;
  }

  /** Everything the message said, quoted history and signature included. */
  public String getBody() {
    return body;
  }

  /** What is new in it: its text with the quoted history and signature cut. */
  public String getNewText() {
    return ReplyText.newText(body);
  }

  public Optional<Long> getAnswersId() {
    return Optional.ofNullable(answersId);
  }

  /** Its Message-ID followed by the ones it refers to, for the References of an answer. */
  public String getThread() {
    return thread;
  }

  public Optional<Long> getCustomerId() {
    return Optional.ofNullable(customerId);
  }

  public Optional<Long> getContactId() {
    return Optional.ofNullable(contactId);
  }

  public Optional<MatchedBy> getMatchedBy() {
    return Optional.ofNullable(matchedBy);
  }

  public boolean isAutomatic() {
    return automatic;
  }

  public Optional<LocalDate> getBackOn() {
    return Optional.ofNullable(backOn);
  }

  public ReplyState getState() {
    return state;
  }

  public Optional<String> getDecidedBy() {
    return Optional.ofNullable(decidedBy);
  }

  public Optional<OffsetDateTime> getDecidedAt() {
    return Optional.ofNullable(decidedAt);
  }

  public Optional<String> getDecisionNote() {
    return Optional.ofNullable(decisionNote);
  }

  public long getVersion() {
    return version;
  }
}
