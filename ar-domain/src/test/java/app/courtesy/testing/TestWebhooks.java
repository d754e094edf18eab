package app.courtesy.testing;

import app.courtesy.webhook.EventType;
import app.courtesy.webhook.SubscriptionTerms;
import app.courtesy.webhook.WebhookSubscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/**
 * Subscriptions a test makes for itself, and the events as the database keeps them. A test
 * deactivates its subscriptions when it ends, so other tests' events go to nobody.
 */
@ApplicationScoped
@Transactional
public class TestWebhooks {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private WebhookSubscriptions subscriptions;

  public WebhookSubscriptions.Created subscribe(String url, EventType... types) {
    return subscriptions.subscribe(
        new SubscriptionTerms(url, Set.of(types), "test subscription"), "admin");
  }

  /** The bodies of the events whose body contains {@code text}, oldest first. */
  public List<String> events(String text) {
    return em
        .createNativeQuery("select body from webhook_event where body like ?1 order by id")
        .setParameter(1, "%" + text + "%")
        .getResultList()
        .stream()
        .map(String.class::cast)
        .toList();
  }

  /** How many deliveries the subscription has. */
  public long deliveries(long subscriptionId) {
    return ((Number)
            em.createNativeQuery("select count(*) from webhook_delivery where subscription_id = ?1")
                .setParameter(1, subscriptionId)
                .getSingleResult())
        .longValue();
  }

  /** Deactivates every subscription still active: no other test's events reach this one's. */
  public void deactivateAll() {
    subscriptions.list().stream()
        .filter(s -> s.isActive())
        .forEach(s -> subscriptions.deactivate(s.getId(), "admin"));
  }
}
