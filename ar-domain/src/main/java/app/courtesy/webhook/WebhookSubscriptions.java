package app.courtesy.webhook;

import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Subscribing to events, changing and deactivating a subscription; who and when is kept. */
@ApplicationScoped
@Transactional
public class WebhookSubscriptions {

  /** The secret's bytes of randomness (256 bits). */
  private static final int SECRET_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new subscription and its secret: the one time the secret is shown. */
  public record Created(WebhookSubscription subscription, String secret) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /** Subscribes {@code terms.url()} to the event types from now on, with a fresh secret. */
  public Created subscribe(@NotNull @Valid SubscriptionTerms terms, String actor) {
    String secret = newSecret();
    WebhookSubscription subscription =
        new WebhookSubscription(terms, secret, actor, OffsetDateTime.now(clock));
    em.persist(subscription);
    return new Created(subscription, secret);
  }

  /**
   * Changes what the subscription wants and whether it is active, if nobody changed it since {@code
   * readVersion}. Pending deliveries keep going to the new URL.
   *
   * @throws ConcurrentChangeException when someone changed it since it was read
   */
  public WebhookSubscription change(
      long id,
      long readVersion,
      @NotNull @Valid SubscriptionTerms terms,
      boolean active,
      String actor) {
    WebhookSubscription subscription = get(id);
    if (subscription.getVersion() != readVersion) {
      throw new ConcurrentChangeException(
          "The subscription", subscription.getUpdatedBy(), subscription.getUpdatedAt());
    }
    subscription.change(terms, active, actor, OffsetDateTime.now(clock));
    em.flush();
    return subscription;
  }

  /** Stops posting to the subscription; its deliveries stay visible. Nothing when inactive. */
  public WebhookSubscription deactivate(long id, String actor) {
    WebhookSubscription subscription = get(id);
    if (subscription.isActive()) {
      subscription.change(terms(subscription), false, actor, OffsetDateTime.now(clock));
      em.flush();
    }
    return subscription;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WebhookSubscription> list() {
    return em.createQuery(
            "select s from WebhookSubscription s order by s.active desc, s.id",
            WebhookSubscription.class)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<WebhookSubscription> find(long id) {
    return Optional.ofNullable(em.find(WebhookSubscription.class, id));
  }

  /**
   * @throws NotFoundException when there is no such subscription
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public WebhookSubscription get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Webhook subscription", id));
  }

  /** What the subscription wants now, as terms to change it with. */
  public static SubscriptionTerms terms(WebhookSubscription subscription) {
    return new SubscriptionTerms(
        subscription.getUrl(),
        subscription.getEventTypes(),
        subscription.getDescription().orElse(null));
  }

  /** {@code whsec_} and 256 random bits, base64url: used as given (its UTF-8 bytes) as the key. */
  private static String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
