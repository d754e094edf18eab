package app.courtesy.dispatch;

import app.courtesy.shared.SqlValues;
import app.courtesy.shared.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How the reads of the sender's mailbox (bounces and replies) went, for the Reminder runs page:
 * when it was last read, since when it cannot be, and why. Every node writes it.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class MailboxStatus {

  /**
   * The last reads.
   *
   * @param lastOkAt the last read that reached the mailbox
   * @param failingSince the first of the reads failing since then; empty while they succeed
   * @param lastError what the last failure said
   * @param imported replies taken in since the installation began
   */
  public record Status(
      Optional<Instant> lastReadAt,
      Optional<Instant> lastOkAt,
      Optional<Instant> failingSince,
      Optional<String> lastError,
      long imported) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /** A read reached the mailbox; {@code problem} says what it could not take in, if anything. */
  public void read(BounceIntake.MailboxRead read, String problem) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    em.createNativeQuery(
            "update mailbox_status set last_read_at = ?1, last_ok_at = ?1, failing_since = null,"
                + " last_error = ?2, imported = imported + ?3 where id = 1")
        .setParameter(1, now)
        .setParameter(2, problem)
        .setParameter(3, read.replies())
        .executeUpdate();
  }

  /** A read could not reach the mailbox: the next minute tries again. */
  public void failed(String why) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    em.createNativeQuery(
            "update mailbox_status set last_read_at = ?1,"
                + " failing_since = coalesce(failing_since, ?1), last_error = ?2 where id = 1")
        .setParameter(1, now)
        .setParameter(2, Texts.clip(why, 1000))
        .executeUpdate();
  }

  /** How the reads went. */
  @Transactional(TxType.SUPPORTS)
  public Status status() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select last_read_at, last_ok_at, failing_since, last_error, imported"
                        + " from mailbox_status where id = 1")
                .getSingleResult();
    return new Status(
        Optional.ofNullable(row[0]).map(SqlValues::instant),
        Optional.ofNullable(row[1]).map(SqlValues::instant),
        Optional.ofNullable(row[2]).map(SqlValues::instant),
        Optional.ofNullable((String) row[3]),
        ((Number) row[4]).longValue());
  }
}
