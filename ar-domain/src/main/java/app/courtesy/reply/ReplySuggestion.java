package app.courtesy.reply;

import app.courtesy.shared.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a reply's words suggest doing, offered to the collector pre-filled; Courtesy never does it
 * alone.
 */
@Entity
@Table(name = "reply_suggestion")
public class ReplySuggestion {

  /** Whether the collector took it up. */
  public enum State {
    OPEN,
    ACCEPTED,
    DISMISSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reply_suggestion_seq")
  @SequenceGenerator(
      name = "reply_suggestion_seq",
      sequenceName = "reply_suggestion_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "reply_id", nullable = false)
  private long replyId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Suggestion.Kind kind;

  @Column(name = "on_date")
  private LocalDate onDate;

  @Column(length = 100)
  private String reference;

  @Column(nullable = false, length = 400)
  private String evidence;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private State state;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  protected ReplySuggestion() {}

  ReplySuggestion(long replyId, Suggestion suggestion) {
    this.replyId = replyId;
    this.kind = suggestion.kind();
    this.onDate = suggestion.date();
    this.reference = Texts.clip(suggestion.reference(), 100);
    this.evidence = Texts.clip(suggestion.evidence(), 400);
    this.state = State.OPEN;
  }

  void decide(State decision, String actor) {
    this.state = decision;
    this.decidedBy = actor;
  }

  public Long getId() {
    return id;
  }

  public long getReplyId() {
    return replyId;
  }

  public Suggestion.Kind getKind() {
    return kind;
  }

  public Optional<LocalDate> getOnDate() {
    return Optional.ofNullable(onDate);
  }

  public Optional<String> getReference() {
    return Optional.ofNullable(reference);
  }

  public String getEvidence() {
    return evidence;
  }

  public State getState() {
    return state;
  }

  public Optional<String> getDecidedBy() {
    return Optional.ofNullable(decidedBy);
  }
}
