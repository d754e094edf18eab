package app.courtesy.webhook;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A URL and the event types posted to it, signed with its secret. The secret never leaves the
 * server after the subscription was created, except in the signatures. Deactivated, it gets no new
 * events and its pending deliveries wait until it is active again; it is never removed, so its
 * deliveries stay visible.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_subscription_seq")
  @SequenceGenerator(
      name = "webhook_subscription_seq",
      sequenceName = "webhook_subscription_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 2000)
  private String url;

  @Column(length = 200)
  private String description;

  @Column(nullable = false, length = 64)
  private String secret;

  @Column(nullable = false)
  private boolean active;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "webhook_subscription_event",
      joinColumns = @JoinColumn(name = "subscription_id"))
  @Column(name = "event_type", length = 40)
  private Set<String> eventTypes = new TreeSet<>();

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected WebhookSubscription() {}

  WebhookSubscription(SubscriptionTerms terms, String secret, String by, OffsetDateTime at) {
    this.secret = secret;
    this.createdBy = by;
    this.createdAt = at;
    change(terms, true, by, at);
  }

  void change(SubscriptionTerms terms, boolean active, String by, OffsetDateTime at) {
    this.url = terms.url().strip();
    this.description = terms.description() == null ? null : terms.description().strip();
    this.eventTypes.clear();
    terms.eventTypes().forEach(type -> eventTypes.add(type.id()));
    this.active = active;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getUrl() {
    return url;
  }

  public Optional<String> getDescription() {
    return Optional.ofNullable(description);
  }

  String getSecret() {
    return secret;
  }

  public boolean isActive() {
    return active;
  }

  public Set<EventType> getEventTypes() {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    eventTypes.forEach(id -> EventType.findById(id).ifPresent(types::add));
    return types;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
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
