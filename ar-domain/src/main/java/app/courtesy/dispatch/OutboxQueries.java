package app.courtesy.dispatch;

import app.courtesy.customer.Channel;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the outbox holds, for the pages and the metrics: counts by status and by channel, the latest
 * messages, a customer's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutboxQueries {

  /** A message with the name of the customer it is for. */
  public record Listed(OutboxMessage message, String customerNumber, String customerName) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /** How many messages are in each status, every status present. */
  public Map<MessageStatus, Long> counts() {
    Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
    for (MessageStatus status : MessageStatus.values()) {
      counts.put(status, 0L);
    }
    for (Object[] row :
        em.createQuery(
                "select m.status, count(m) from OutboxMessage m group by m.status", Object[].class)
            .getResultList()) {
      counts.put((MessageStatus) row[0], (Long) row[1]);
    }
    return counts;
  }

  /**
   * How many messages wait queued on each channel, due or not; a channel without any is left out.
   */
  public Map<Channel, Long> waitingByChannel() {
    Map<Channel, Long> waiting = new EnumMap<>(Channel.class);
    for (Object[] row :
        em.createQuery(
                "select m.channel, count(m) from OutboxMessage m where m.status = :queued"
                    + " group by m.channel",
                Object[].class)
            .setParameter("queued", MessageStatus.QUEUED)
            .getResultList()) {
      waiting.put((Channel) row[0], (Long) row[1]);
    }
    return waiting;
  }

  /** The latest messages that were sent, failed or need checking, newest first. */
  public List<Listed> latestOutcomes(int limit) {
    return em.createQuery(
            "select m, c.number, c.name from OutboxMessage m, Customer c"
                + " where c.id = m.customerId and m.status in :done order by m.id desc",
            Object[].class)
        .setParameter(
            "done", List.of(MessageStatus.SENT, MessageStatus.FAILED, MessageStatus.UNCONFIRMED))
        .setMaxResults(limit)
        .getResultStream()
        .map(row -> new Listed((OutboxMessage) row[0], (String) row[1], (String) row[2]))
        .toList();
  }

  /** The customer's latest messages, whatever became of them, newest first. */
  public List<OutboxMessage> ofCustomer(long customerId, int limit) {
    return em.createQuery(
            "select m from OutboxMessage m where m.customerId = :customer order by m.id desc",
            OutboxMessage.class)
        .setParameter("customer", customerId)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * The messages that went unconfirmed (handed to the server, no answer) and wait for a person to
   * decide, oldest first: the customer's, or with {@code customerId} null everyone's (at most
   * {@code limit}).
   */
  public List<Listed> unconfirmed(Long customerId, int limit) {
    TypedQuery<Object[]> query =
        em.createQuery(
                "select m, c.number, c.name from OutboxMessage m, Customer c"
                    + " where c.id = m.customerId and m.status = :status"
                    + (customerId == null ? "" : " and m.customerId = :customer")
                    + " order by m.id",
                Object[].class)
            .setParameter("status", MessageStatus.UNCONFIRMED)
            .setMaxResults(limit);
    if (customerId != null) {
      query.setParameter("customer", customerId);
    }
    return query
        .getResultStream()
        .map(row -> new Listed((OutboxMessage) row[0], (String) row[1], (String) row[2]))
        .toList();
  }

  /**
   * Up to {@code size} messages, newest first, older than message {@code beforeId} (null: from the
   * newest): of one status and one customer where given.
   */
  public List<Listed> page(MessageStatus status, Long customerId, Long beforeId, int size) {
    TypedQuery<Object[]> query =
        em.createQuery(
                "select m, c.number, c.name from OutboxMessage m, Customer c"
                    + " where c.id = m.customerId"
                    + (status == null ? "" : " and m.status = :status")
                    + (customerId == null ? "" : " and m.customerId = :customer")
                    + (beforeId == null ? "" : " and m.id < :before")
                    + " order by m.id desc",
                Object[].class)
            .setMaxResults(size);
    if (status != null) {
      query.setParameter("status", status);
    }
    if (customerId != null) {
      query.setParameter("customer", customerId);
    }
    if (beforeId != null) {
      query.setParameter("before", beforeId);
    }
    return query
        .getResultStream()
        .map(row -> new Listed((OutboxMessage) row[0], (String) row[1], (String) row[2]))
        .toList();
  }

  /** What a person checking an unconfirmed message can go by (see {@link OutboxStore}). */
  public String whatIsKnown(OutboxMessage message) {
    return OutboxStore.whatIsKnown(message);
  }
}
