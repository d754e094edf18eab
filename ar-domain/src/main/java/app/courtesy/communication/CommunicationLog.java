package app.courtesy.communication;

import static app.courtesy.shared.SqlValues.idList;
import static app.courtesy.shared.SqlValues.instant;

import app.courtesy.customer.Channel;
import app.courtesy.shared.BatchWrite;
import app.courtesy.shared.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Appends to a customer's communication log and checks it. Each entry carries the hash of its own
 * content and of the entry before it; appends for one customer take turns (the customer's row is
 * locked), so the chain has no forks.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class CommunicationLog {

  /** An entry as read back, with its place in the chain. */
  public record Logged(int seq, Entry entry, String hash) {}

  /** An entry's place in its customer's chain: after the entry whose hash is {@code previous}. */
  private record Link(int seq, Entry entry, String previous, String hash) {}

  /** How many entries {@link #verify()} reads at a time. */
  private static final int VERIFY_PAGE = 2_000;

  /** The order of the log's unique index, in which {@link #verify()} pages through it. */
  private static final String BY_CUSTOMER_AND_SEQ = "order by customer_id, seq";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /** Appends {@code entry} as the customer's next one. */
  public void append(Entry entry) {
    appendAll(List.of(entry));
  }

  /**
   * Appends each entry as its customer's next one, in order, as many as a batch of the ERP's
   * changes brings, in a few statements however many: the customers are locked in one (by id, so
   * two batches never wait on each other crosswise), their last entries read in one, and the new
   * entries written in batches, after what is pending in the transaction ({@link BatchWrite}
   * flushes once).
   */
  public void appendAll(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Long[] customers =
        entries.stream().map(Entry::customerId).distinct().sorted().toArray(Long[]::new);
    em.createNativeQuery("select id from customer where id = any(?1) order by id for update")
        .setParameter(1, customers)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
    Map<Long, Link> last = new HashMap<>();
    for (Object found :
        em.createNativeQuery(
                "select c.customer_id, c.seq, c.hash from communication c"
                    + " where c.customer_id = any(?1) and c.seq = (select max(m.seq)"
                    + " from communication m where m.customer_id = c.customer_id)")
            .setParameter(1, customers)
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList()) {
      Object[] row = (Object[]) found;
      last.put(
          ((Number) row[0]).longValue(),
          new Link(((Number) row[1]).intValue(), null, null, (String) row[2]));
    }
    List<Link> chained = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      Link before = last.get(entry.customerId());
      int seq = before == null ? 1 : before.seq() + 1;
      String previous = before == null ? null : before.hash();
      Entry stored =
          new Entry(
              entry.customerId(),
              entry.occurredAt().truncatedTo(ChronoUnit.MICROS),
              entry.channel(),
              entry.outbound(),
              entry.actor(),
              entry.recipient(),
              entry.subject(),
              entry.body(),
              entry.outcome(),
              entry.detail(),
              entry.messageId());
      Link link = new Link(seq, stored, previous, hash(seq, stored, previous));
      last.put(entry.customerId(), link);
      chained.add(link);
    }
    BatchWrite.rows(
        em,
        """
        insert into communication (customer_id, seq, occurred_at, channel, direction, actor,
                                   recipient, subject, body, outcome, detail, message_id,
                                   prev_hash, hash)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        chained,
        (insert, link) -> {
          Entry entry = link.entry();
          insert.setLong(1, entry.customerId());
          insert.setInt(2, link.seq());
          insert.setObject(3, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
          insert.setString(4, entry.channel().name());
          insert.setString(5, entry.outbound() ? "OUT" : "IN");
          insert.setString(6, entry.actor());
          insert.setString(7, entry.recipient());
          insert.setString(8, entry.subject());
          insert.setString(9, entry.body());
          insert.setString(10, entry.outcome().name());
          insert.setString(11, entry.detail());
          insert.setObject(12, entry.messageId(), Types.BIGINT);
          insert.setString(13, link.previous());
          insert.setString(14, link.hash());
        });
  }

  /** The customer's latest entries, newest first. */
  @Transactional(TxType.SUPPORTS)
  public List<Logged> latest(long customerId, int limit) {
    return latest(customerId, null, limit);
  }

  /** The customer's latest entries of one channel (every channel if null), newest first. */
  @Transactional(TxType.SUPPORTS)
  public List<Logged> latest(long customerId, Channel channel, int limit) {
    return channel == null
        ? read("where customer_id = ?1 order by seq desc", limit, customerId)
        : read(
            "where customer_id = ?1 and channel = ?2 order by seq desc",
            limit,
            customerId,
            channel.name());
  }

  /**
   * Which entries of the log to list; {@code null} fields do not filter.
   *
   * @param outbound {@code true} for what we sent, {@code false} for what customers sent us
   * @param from the first moment (inclusive)
   * @param to the moment the list ends (exclusive)
   */
  public record Filter(
      Long customerId, Channel channel, Boolean outbound, Instant from, Instant to) {}

  /** An entry as listed across customers: its id (the list's order) and its customer's number. */
  public record Listed(long id, String customerNumber, Logged logged) {}

  /**
   * Up to {@code size} entries, newest first, older than entry {@code beforeId} (null: from the
   * newest).
   */
  @Transactional(TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public List<Listed> page(Filter filter, Long beforeId, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (filter.customerId() != null) {
      parameters.add(filter.customerId());
      where.append(" and m.customer_id = ?").append(parameters.size());
    }
    if (filter.channel() != null) {
      parameters.add(filter.channel().name());
      where.append(" and m.channel = ?").append(parameters.size());
    }
    if (filter.outbound() != null) {
      parameters.add(filter.outbound() ? "OUT" : "IN");
      where.append(" and m.direction = ?").append(parameters.size());
    }
    if (filter.from() != null) {
      parameters.add(filter.from().atOffset(ZoneOffset.UTC));
      where.append(" and m.occurred_at >= ?").append(parameters.size());
    }
    if (filter.to() != null) {
      parameters.add(filter.to().atOffset(ZoneOffset.UTC));
      where.append(" and m.occurred_at < ?").append(parameters.size());
    }
    if (beforeId != null) {
      parameters.add(beforeId);
      where.append(" and m.id < ?").append(parameters.size());
    }
    Query query =
        em.createNativeQuery(
            "select m.id, c.number from communication m join customer c on c.id = m.customer_id"
                + where
                + " order by m.id desc");
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    List<Object[]> rows = query.setMaxResults(size).getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Logged> entries =
        read(
            "where id in ("
                + idList(rows.stream().map(row -> (Number) row[0]).toList())
                + ") order by id desc",
            rows.size());
    List<Listed> listed = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      listed.add(
          new Listed(
              ((Number) rows.get(i)[0]).longValue(), (String) rows.get(i)[1], entries.get(i)));
    }
    return listed;
  }

  /** Every entry of the customer's log, oldest first. */
  @Transactional(TxType.SUPPORTS)
  public List<Logged> all(long customerId) {
    return read("where customer_id = ?1 order by seq", Integer.MAX_VALUE, customerId);
  }

  /**
   * The first entry, oldest first, whose content or link no longer matches its hash: empty while
   * the customer's log is intact.
   */
  @Transactional(TxType.SUPPORTS)
  public Optional<Integer> firstBroken(long customerId) {
    return firstBroken(all(customerId));
  }

  /** The first of these entries of one customer, oldest first, that breaks the chain. */
  static Optional<Integer> firstBroken(List<Logged> entries) {
    Chain chain = new Chain();
    entries.forEach(chain::check);
    return Optional.ofNullable(chain.broken);
  }

  /**
   * Checks every customer's log, reading the entries in pages of {@value #VERIFY_PAGE} in the order
   * of customer and seq (the order of the log's unique index), so that a big book is never held in
   * memory at once. Entries appended meanwhile extend their chains and are checked if their page
   * comes later.
   */
  @Transactional(TxType.SUPPORTS)
  public Verification verify() {
    return verify(VERIFY_PAGE);
  }

  /** {@link #verify()} reading {@code pageSize} entries at a time. */
  @Transactional(TxType.SUPPORTS)
  Verification verify(int pageSize) {
    long customers = 0;
    long entries = 0;
    Map<Long, Integer> brokenAt = new LinkedHashMap<>();
    long customer = -1;
    Chain chain = new Chain();
    List<Logged> page = read(BY_CUSTOMER_AND_SEQ, pageSize);
    while (!page.isEmpty()) {
      for (Logged logged : page) {
        if (logged.entry().customerId() != customer) {
          chain.report(customer, brokenAt);
          customer = logged.entry().customerId();
          chain = new Chain();
          customers++;
        }
        chain.check(logged);
        entries++;
      }
      Logged last = page.get(page.size() - 1);
      page =
          read(
              "where (customer_id, seq) > (?1, ?2) " + BY_CUSTOMER_AND_SEQ,
              pageSize,
              last.entry().customerId(),
              last.seq());
    }
    chain.report(customer, brokenAt);
    return new Verification(customers, entries, numbered(brokenAt));
  }

  /** The broken chains, by customer id, with their customers' numbers looked up at once. */
  private List<Verification.Broken> numbered(Map<Long, Integer> brokenAt) {
    if (brokenAt.isEmpty()) {
      return List.of();
    }
    Map<Long, String> numbers = new HashMap<>();
    for (Object found :
        em.createNativeQuery("select id, number from customer where id = any(?1)")
            .setParameter(1, brokenAt.keySet().toArray(Long[]::new))
            .getResultList()) {
      Object[] row = (Object[]) found;
      numbers.put(((Number) row[0]).longValue(), (String) row[1]);
    }
    return brokenAt.entrySet().stream()
        .map(b -> new Verification.Broken(b.getKey(), numbers.get(b.getKey()), b.getValue()))
        .toList();
  }

  /**
   * One customer's chain, checked entry by entry oldest first: each entry must have the next seq
   * and the hash of its content linked to the hash before it.
   */
  private static final class Chain {
    private String previous;
    private int expected = 1;
    private Integer broken;

    void check(Logged logged) {
      if (broken == null
          && (logged.seq() != expected
              || !logged.hash().equals(hash(logged.seq(), logged.entry(), previous)))) {
        broken = logged.seq();
      }
      previous = logged.hash();
      expected = logged.seq() + 1;
    }

    void report(long customerId, Map<Long, Integer> brokenAt) {
      if (broken != null) {
        brokenAt.put(customerId, broken);
      }
    }
  }

  private List<Logged> read(String clause, int limit, Object... parameters) {
    Query query =
        em.createNativeQuery(
            "select customer_id, seq, occurred_at, channel, direction, actor, recipient, subject,"
                + " body, outcome, detail, message_id, hash from communication "
                + clause);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    List<Logged> entries = new ArrayList<>();
    for (Object found : query.setMaxResults(limit).getResultList()) {
      Object[] row = (Object[]) found;
      entries.add(
          new Logged(
              ((Number) row[1]).intValue(),
              new Entry(
                  ((Number) row[0]).longValue(),
                  instant(row[2]),
                  Channel.valueOf((String) row[3]),
                  "OUT".equals(row[4]),
                  (String) row[5],
                  (String) row[6],
                  (String) row[7],
                  (String) row[8],
                  Outcome.valueOf((String) row[9]),
                  (String) row[10],
                  row[11] == null ? null : ((Number) row[11]).longValue()),
              (String) row[12]));
    }
    return entries;
  }

  private static String hash(int seq, Entry entry, String previous) {
    String content =
        String.join(
            "\u001f",
            Objects.toString(previous, ""),
            Integer.toString(seq),
            Long.toString(entry.customerId()),
            entry.occurredAt().toString(),
            entry.channel().name(),
            entry.outbound() ? "OUT" : "IN",
            entry.actor(),
            Objects.toString(entry.recipient(), ""),
            Objects.toString(entry.subject(), ""),
            Objects.toString(entry.body(), ""),
            entry.outcome().name(),
            Objects.toString(entry.detail(), ""),
            Objects.toString(entry.messageId(), ""));
    return Sha256.hex(content);
  }
}
