package app.courtesy.communication;

import static app.courtesy.shared.SqlValues.instant;

import app.courtesy.customer.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /** Appends {@code entry} as the customer's next one. */
  public void append(Entry entry) {
    em.createNativeQuery("select id from customer where id = ?1 for update")
        .setParameter(1, entry.customerId())
        .getResultList();
    List<?> last =
        em.createNativeQuery(
                "select seq, hash from communication where customer_id = ?1"
                    + " order by seq desc fetch first 1 rows only")
            .setParameter(1, entry.customerId())
            .getResultList();
    int seq = last.isEmpty() ? 1 : ((Number) ((Object[]) last.get(0))[0]).intValue() + 1;
    String previous = last.isEmpty() ? null : (String) ((Object[]) last.get(0))[1];
    Instant at = entry.occurredAt().truncatedTo(ChronoUnit.MICROS);
    Entry stored =
        new Entry(
            entry.customerId(),
            at,
            entry.channel(),
            entry.outbound(),
            entry.actor(),
            entry.recipient(),
            entry.subject(),
            entry.body(),
            entry.outcome(),
            entry.detail(),
            entry.messageId());
    em.createNativeQuery(
            "insert into communication (customer_id, seq, occurred_at, channel, direction, actor,"
                + " recipient, subject, body, outcome, detail, message_id, prev_hash, hash)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, cast(?12 as bigint),"
                + " ?13, ?14)")
        .setParameter(1, entry.customerId())
        .setParameter(2, seq)
        .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .setParameter(4, entry.channel().name())
        .setParameter(5, entry.outbound() ? "OUT" : "IN")
        .setParameter(6, entry.actor())
        .setParameter(7, entry.recipient())
        .setParameter(8, entry.subject())
        .setParameter(9, entry.body())
        .setParameter(10, entry.outcome().name())
        .setParameter(11, entry.detail())
        .setParameter(12, entry.messageId())
        .setParameter(13, previous)
        .setParameter(14, hash(seq, stored, previous))
        .executeUpdate();
  }

  /** The customer's latest entries, newest first. */
  @Transactional(TxType.SUPPORTS)
  public List<Logged> latest(long customerId, int limit) {
    return read(customerId, "desc", limit);
  }

  /**
   * The first entry, oldest first, whose content or link no longer matches its hash: empty while
   * the customer's log is intact.
   */
  @Transactional(TxType.SUPPORTS)
  public Optional<Integer> firstBroken(long customerId) {
    String previous = null;
    int expected = 1;
    for (Logged logged : read(customerId, "asc", Integer.MAX_VALUE)) {
      if (logged.seq() != expected
          || !logged.hash().equals(hash(logged.seq(), logged.entry(), previous))) {
        return Optional.of(logged.seq());
      }
      previous = logged.hash();
      expected++;
    }
    return Optional.empty();
  }

  private List<Logged> read(long customerId, String order, int limit) {
    List<Logged> entries = new ArrayList<>();
    for (Object found :
        em.createNativeQuery(
                "select seq, occurred_at, channel, direction, actor, recipient, subject, body,"
                    + " outcome, detail, message_id, prev_hash, hash from communication"
                    + " where customer_id = ?1 order by seq "
                    + order)
            .setParameter(1, customerId)
            .setMaxResults(limit)
            .getResultList()) {
      Object[] row = (Object[]) found;
      entries.add(
          new Logged(
              ((Number) row[0]).intValue(),
              new Entry(
                  customerId,
                  instant(row[1]),
                  Channel.valueOf((String) row[2]),
                  "OUT".equals(row[3]),
                  (String) row[4],
                  (String) row[5],
                  (String) row[6],
                  (String) row[7],
                  Outcome.valueOf((String) row[8]),
                  (String) row[9],
                  row[10] == null ? null : ((Number) row[10]).longValue()),
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
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
