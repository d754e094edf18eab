package app.courtesy.webhook;

import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deliveries: claiming those due for the {@link WebhookDispatcher}, recording each attempt,
 * listing them, and sending a given-up one again. Each transaction is short, so a slow receiver
 * never holds a lock. This class is the only one that changes {@code webhook_delivery} rows.
 */
@ApplicationScoped
@Transactional
public class WebhookDeliveries {

  /** A delivery claimed under a lease: what to post where, signed with what. */
  public record Claimed(
      long id,
      String token,
      String url,
      String secret,
      String eventId,
      String eventType,
      String body,
      int attempts) {}

  /**
   * The answer to one attempt: the HTTP status, or why none came ({@code status} null).
   *
   * @param status the status the receiver answered; null when it could not be reached in time
   * @param error what went wrong; null for a 2xx
   */
  public record Attempt(Claimed delivery, Instant at, Integer status, String error) {

    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  /** What to list: each null matches every delivery. */
  public record Filter(Long subscriptionId, DeliveryStatus status, String eventId, EventType type) {

    public static final Filter ALL = new Filter(null, null, null, null);
  }

  private static final String SELECT =
      """
      select d.id, d.subscription_id, s.url, e.event_id, e.event_type, e.occurred_at, d.status,
             d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error,
             d.delivered_at, d.resent_by, d.resent_at, e.body
        from webhook_delivery d
        join webhook_subscription s on s.id = d.subscription_id
        join webhook_event e on e.id = d.event_id
      """;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "ar.webhooks.max-attempts", defaultValue = "30")
  private int maxAttempts;

  /**
   * Claims up to {@code limit} deliveries due at {@code now} of active subscriptions, skipping rows
   * another dispatcher holds, under a lease until {@code leaseUntil}. A delivery whose dispatcher
   * stopped before recording its answer is claimed again once the lease ran out, and posted again
   * with the same event id.
   */
  public List<Claimed> claim(
      Instant now, int limit, String token, String node, Instant leaseUntil) {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<?> ids =
        em.createNativeQuery(
                """
                select d.id from webhook_delivery d
                 where d.status = 'PENDING' and d.next_attempt_at <= ?1
                   and (d.lease_until is null or d.lease_until < ?1)
                   and exists (select 1 from webhook_subscription s
                                where s.id = d.subscription_id and s.active)
                 order by d.next_attempt_at, d.id
                 fetch first ?2 rows only for update skip locked
                """)
            .setParameter(1, at)
            .setParameter(2, limit)
            .getResultList();
    List<Claimed> claimed = new ArrayList<>();
    for (Object found : ids) {
      long id = ((Number) found).longValue();
      em.createNativeQuery(
              "update webhook_delivery set lease_until = ?1, claim_token = ?2, claimed_by = ?3"
                  + " where id = ?4")
          .setParameter(1, OffsetDateTime.ofInstant(leaseUntil, ZoneOffset.UTC))
          .setParameter(2, token)
          .setParameter(3, node)
          .setParameter(4, id)
          .executeUpdate();
      Object[] row =
          (Object[])
              em.createNativeQuery(
                      """
                      select s.url, s.secret, e.event_id, e.event_type, e.body, d.attempts
                        from webhook_delivery d
                        join webhook_subscription s on s.id = d.subscription_id
                        join webhook_event e on e.id = d.event_id
                       where d.id = ?1
                      """)
                  .setParameter(1, id)
                  .getSingleResult();
      claimed.add(
          new Claimed(
              id,
              token,
              (String) row[0],
              (String) row[1],
              (String) row[2],
              (String) row[3],
              (String) row[4],
              ((Number) row[5]).intValue()));
    }
    return claimed;
  }

  /**
   * Records the answers, in one transaction: a 2xx delivers; anything else is tried again after the
   * {@link Backoff}, or given up after the last attempt. An answer whose claim no longer holds its
   * delivery (its lease ran out and another dispatcher took it) is left out.
   *
   * @return how many were given up
   */
  public int record(List<Attempt> attempts) {
    Backoff backoff = backoff();
    int givenUp = 0;
    for (Attempt attempt : attempts) {
      OffsetDateTime at = OffsetDateTime.ofInstant(attempt.at(), ZoneOffset.UTC);
      int failed = attempt.delivery().attempts() + 1;
      boolean delivered = attempt.delivered();
      boolean giveUp = !delivered && backoff.givesUpAfter(failed);
      DeliveryStatus status =
          delivered
              ? DeliveryStatus.DELIVERED
              : giveUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
      // No parameter is bound as null, and each in a case is cast: PostgreSQL cannot tell their
      // types otherwise.
      int changed =
          em.createNativeQuery(
                  """
                  update webhook_delivery
                     set status = ?1, attempts = ?2,
                         next_attempt_at = case when ?1 = 'PENDING'
                                          then cast(?3 as timestamp with time zone) end,
                         last_attempt_at = ?4,
                         last_status = case when ?5 > 0 then cast(?5 as integer) end,
                         last_error = case when ?1 = 'DELIVERED' then null else ?6 end,
                         delivered_at = case when ?1 = 'DELIVERED'
                                       then cast(?4 as timestamp with time zone) end,
                         lease_until = null, claim_token = null, version = version + 1
                   where id = ?7 and claim_token = ?8 and status = 'PENDING'
                  """)
              .setParameter(1, status.name())
              .setParameter(2, failed)
              .setParameter(
                  3,
                  OffsetDateTime.ofInstant(
                      attempt.at().plus(backoff.after(failed)), ZoneOffset.UTC))
              .setParameter(4, at)
              .setParameter(5, attempt.status() == null ? 0 : attempt.status())
              .setParameter(6, clip(attempt.error() == null ? "" : attempt.error()))
              .setParameter(7, attempt.delivery().id())
              .setParameter(8, attempt.delivery().token())
              .executeUpdate();
      if (changed == 1 && giveUp) {
        givenUp++;
      }
    }
    return givenUp;
  }

  /**
   * Sends a given-up delivery again: due now, with a fresh round of attempts, the same event id.
   *
   * @throws NotFoundException when there is no such delivery
   * @throws DeliveryRefusedException when it is not given up (pending or delivered)
   */
  public Delivery resend(long id, String actor) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int changed =
        em.createNativeQuery(
                """
                update webhook_delivery
                   set status = 'PENDING', attempts = 0, next_attempt_at = ?1, resent_by = ?2,
                       resent_at = ?1, version = version + 1
                 where id = ?3 and status = 'FAILED'
                """)
            .setParameter(1, now)
            .setParameter(2, actor)
            .setParameter(3, id)
            .executeUpdate();
    Delivery delivery = get(id);
    if (changed == 0) {
      throw new DeliveryRefusedException(
          "Delivery "
              + id
              + " is "
              + delivery.status().name().toLowerCase()
              + "; only a failed delivery is sent again.");
    }
    return delivery;
  }

  /** The deliveries that match, newest first, from below {@code beforeId} (null: the newest). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Delivery> list(Filter filter, Long beforeId, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (filter.subscriptionId() != null) {
      parameters.add(filter.subscriptionId());
      sql.append(" and d.subscription_id = ?").append(parameters.size());
    }
    if (filter.status() != null) {
      parameters.add(filter.status().name());
      sql.append(" and d.status = ?").append(parameters.size());
    }
    if (filter.eventId() != null) {
      parameters.add(filter.eventId());
      sql.append(" and e.event_id = ?").append(parameters.size());
    }
    if (filter.type() != null) {
      parameters.add(filter.type().id());
      sql.append(" and e.event_type = ?").append(parameters.size());
    }
    if (beforeId != null) {
      parameters.add(beforeId);
      sql.append(" and d.id < ?").append(parameters.size());
    }
    parameters.add(limit);
    sql.append(" order by d.id desc fetch first ?").append(parameters.size()).append(" rows only");
    Query query = em.createNativeQuery(sql.toString());
    SqlValues.bind(query, parameters);
    return query.getResultList().stream().map(row -> delivery((Object[]) row)).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Delivery> find(long id) {
    return em
        .createNativeQuery(SELECT + " where d.id = ?1")
        .setParameter(1, id)
        .getResultList()
        .stream()
        .findFirst()
        .map(row -> delivery((Object[]) row));
  }

  /**
   * @throws NotFoundException when there is no such delivery
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Delivery get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Webhook delivery", id));
  }

  /** The schedule of attempts ({@code AR_WEBHOOKS_MAX_ATTEMPTS}, 30 unless configured). */
  public Backoff backoff() {
    return new Backoff(maxAttempts);
  }

  private static Delivery delivery(Object[] row) {
    return new Delivery(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        (String) row[2],
        (String) row[3],
        (String) row[4],
        SqlValues.instant(row[5]),
        DeliveryStatus.valueOf((String) row[6]),
        ((Number) row[7]).intValue(),
        row[8] == null ? null : SqlValues.instant(row[8]),
        row[9] == null ? null : SqlValues.instant(row[9]),
        row[10] == null ? null : ((Number) row[10]).intValue(),
        (String) row[11],
        row[12] == null ? null : SqlValues.instant(row[12]),
        (String) row[13],
        row[14] == null ? null : SqlValues.instant(row[14]),
        (String) row[15]);
  }

  private static String clip(String error) {
    return error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "…";
  }
}
