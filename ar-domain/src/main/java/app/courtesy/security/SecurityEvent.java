package app.courtesy.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One security event as written; never changed afterwards. Holds no password, code or secret. */
@Entity
@Table(name = "security_event")
public class SecurityEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "security_event_seq")
  @SequenceGenerator(
      name = "security_event_seq",
      sequenceName = "security_event_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private SecurityEventKind kind;

  /** The account concerned, as given (a failed sign-in may name one that does not exist). */
  @Column(length = 64)
  private String username;

  /** The client's address, where the event came from a request. */
  @Column(length = 64)
  private String address;

  @Column(length = 500)
  private String detail;

  protected SecurityEvent() {}

  SecurityEvent(
      OffsetDateTime occurredAt,
      SecurityEventKind kind,
      String username,
      String address,
      String detail) {
    this.occurredAt = occurredAt;
    this.kind = kind;
    this.username = username;
    this.address = address;
    this.detail = detail;
  }

  public Long getId() {
    return id;
  }

  public OffsetDateTime getOccurredAt() {
    return occurredAt;
  }

  public SecurityEventKind getKind() {
    return kind;
  }

  public String getUsername() {
    return username;
  }

  public String getAddress() {
    return address;
  }

  public String getDetail() {
    return detail;
  }
}
