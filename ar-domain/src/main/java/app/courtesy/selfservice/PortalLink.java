package app.courtesy.selfservice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One link to a customer's page, as put in one message: only the SHA-256 digest of its token is
 * kept, so the links cannot be read back from the database.
 */
@Entity
@Table(name = "portal_link")
public class PortalLink {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_link_seq")
  @SequenceGenerator(
      name = "portal_link_seq",
      sequenceName = "portal_link_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  /** Who the message went to, where it went to someone. */
  @Column(name = "contact_id")
  private Long contactId;

  @Column(name = "message_id")
  private Long messageId;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "revoked_by", length = 64)
  private String revokedBy;

  protected PortalLink() {}

  PortalLink(
      long customerId,
      Long contactId,
      Long messageId,
      String tokenHash,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt) {
    this.customerId = customerId;
    this.contactId = contactId;
    this.messageId = messageId;
    this.tokenHash = tokenHash;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /** Whether the link opens the page at {@code now}: not revoked, not expired. */
  public boolean opensAt(OffsetDateTime now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  void revoke(String by, OffsetDateTime at) {
    if (revokedAt == null) {
      this.revokedAt = at;
      this.revokedBy = by;
    }
  }

  public Long getId() {
    return id;
  }

  public long getCustomerId() {
    return customerId;
  }

  public Optional<Long> getContactId() {
    return Optional.ofNullable(contactId);
  }

  public Optional<Long> getMessageId() {
    return Optional.ofNullable(messageId);
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }

  public Optional<OffsetDateTime> getRevokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public String getRevokedBy() {
    return revokedBy;
  }
}
