package app.courtesy.dispatch;

import app.courtesy.customer.Channel;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.outbox.OutboxMessage;
import app.courtesy.shared.CountLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What the outbox holds, for the pages and the metrics: counts by status and by channel, the latest
 * messages, a customer's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutboxQueries {

  /** A message with the name of the customer it is for. */
  public record Listed(OutboxMessage message, String customerNumber, String customerName) {}

  /** What the outbox list shows unless narrowed to one: messages sent, failed or to be checked. */
  public static final Set<MessageStatus> OUTCOMES =
      Set.of(MessageStatus.SENT, MessageStatus.FAILED, MessageStatus.UNCONFIRMED);

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

  /**
   * How many messages are in one of {@code statuses}, counted up to {@code limit} (see {@link
   * CountLimit}): above it means "more than that".
   */
  public long count(Set<MessageStatus> statuses, long limit) {
    return ((Number)
            em.createNativeQuery(
                    CountLimit.count(
                        "select 1 from outbox_message m where m.status in " + names(statuses),
                        limit))
                .getSingleResult())
        .longValue();
  }

  /**
   * The messages in one of {@code statuses}, newest first, from the {@code first} on: a page of the
   * outbox list.
   */
  public List<Listed> newestFirst(Set<MessageStatus> statuses, int first, int size) {
    return listed(statuses, null, null, first, size);
  }

  /**
   * Every message in one of {@code statuses}, newest first, handed to {@code each} in chunks of
   * {@code chunk} read after the last message's id (never by offset), so an export of the whole
   * outbox reads its last chunk as fast as its first. Stops after {@code limit} messages.
   */
  public void each(Set<MessageStatus> statuses, int chunk, long limit, Consumer<Listed> each) {
    Long before = null;
    long read = 0;
    while (read < limit) {
      int size = (int) Math.min(chunk, limit - read);
      List<Listed> messages = listed(statuses, null, before, 0, size);
      messages.forEach(each);
      read += messages.size();
      if (messages.size() < size) {
        return;
      }
      before = messages.get(messages.size() - 1).message().getId();
    }
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
    return listed(status == null ? Set.of() : Set.of(status), customerId, beforeId, 0, size);
  }

  /**
   * Messages newest first: in one of {@code statuses} (none: any), of one customer and older than
   * message {@code beforeId} where given, from the {@code first} on.
   */
  private List<Listed> listed(
      Set<MessageStatus> statuses, Long customerId, Long beforeId, int first, int size) {
    TypedQuery<Object[]> query =
        em.createQuery(
                "select m, c.number, c.name from OutboxMessage m, Customer c"
                    + " where c.id = m.customerId"
                    + (statuses.isEmpty() ? "" : " and m.status in :statuses")
                    + (customerId == null ? "" : " and m.customerId = :customer")
                    + (beforeId == null ? "" : " and m.id < :before")
                    + " order by m.id desc",
                Object[].class)
            .setFirstResult(first)
            .setMaxResults(size);
    if (!statuses.isEmpty()) {
      query.setParameter("statuses", statuses);
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

  private static String names(Set<MessageStatus> statuses) {
    return statuses.stream()
        .map(status -> "'" + status.name() + "'")
        .sorted()
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** What a person checking an unconfirmed message can go by (see {@link OutboxStore}). */
  public String whatIsKnown(OutboxMessage message) {
    return OutboxStore.whatIsKnown(message);
  }
}
