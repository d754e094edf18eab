package app.courtesy.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Publishes an event in the transaction of the change it reports (a transactional outbox): the
 * event and one delivery per active subscription that wants its type are written with the change,
 * or not at all. So a change the ERP is told of happened, and a change that happened is told.
 *
 * <p>Usage, inside the service method that makes the change:
 *
 * <pre>{@code
 * webhooks.publish(EventType.PROMISE_KEPT,
 *     Payload.about(customer.getNumber()).number("promiseId", promise.getId()));
 * }</pre>
 *
 * This class is the only writer of {@code webhook_event} and of new {@code webhook_delivery} rows.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class WebhookEvents {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /**
   * Writes the event and its deliveries, due at once. The body every delivery of it posts is fixed
   * here: {@code {"id", "type", "occurredAt", "data"}}.
   *
   * @return the event's id, the same on every delivery of it
   */
  public String publish(EventType type, Payload data) {
    String eventId = UUID.randomUUID().toString();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    String body =
        Json.createObjectBuilder()
            .add("id", eventId)
            .add("type", type.id())
            .add("occurredAt", now.toString())
            .add("data", data.build())
            .build()
            .toString();
    long id =
        ((Number) em.createNativeQuery("select nextval('webhook_event_seq')").getSingleResult())
            .longValue();
    em.createNativeQuery(
            "insert into webhook_event (id, event_id, event_type, occurred_at, body)"
                + " values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, id)
        .setParameter(2, eventId)
        .setParameter(3, type.id())
        .setParameter(4, at)
        .setParameter(5, body)
        .executeUpdate();
    em.createNativeQuery(
            """
            insert into webhook_delivery
                   (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at,
                    version)
            select nextval('webhook_delivery_seq'), s.id, ?1, 'PENDING', 0, ?2, ?2, 0
              from webhook_subscription s
              join webhook_subscription_event e on e.subscription_id = s.id
             where s.active and e.event_type = ?3
            """)
        .setParameter(1, id)
        .setParameter(2, at)
        .setParameter(3, type.id())
        .executeUpdate();
    return eventId;
  }
}
