package app.courtesy.testing;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.communication.Outcome;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.database.DatabaseSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes to the communication log the way the application does, and behind its back the way someone
 * with SQL access could: with plain statements, which the database refuses, or as the database's
 * owner, who can switch the refusal off.
 */
@ApplicationScoped
@Transactional
public class TestLog {

  /** The trigger that keeps the log append-only (migration V015). */
  private static final String GUARD = "communication_append_only";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private CommunicationLog log;
  @Inject private DatabaseSchema schema;

  /** Appends an email we sent the customer. */
  public void email(Customer customer, Instant at, String subject, String body) {
    log.append(
        new Entry(
            customer.getId(),
            at,
            Channel.EMAIL,
            true,
            "dispatcher",
            "ap@weber.example",
            subject,
            body,
            Outcome.SENT,
            "250 OK",
            null));
  }

  /** Appends notes on customers' logs in one batch, in order, as an import of the ERP's does. */
  public void notes(List<Entry> notes) {
    log.appendAll(notes);
  }

  /** Changes an entry's body with a plain UPDATE. */
  public int update(Customer customer, int seq, String body) {
    return em.createNativeQuery(
            "update communication set body = ?1 where customer_id = ?2 and seq = ?3")
        .setParameter(1, body)
        .setParameter(2, customer.getId())
        .setParameter(3, seq)
        .executeUpdate();
  }

  /** Removes an entry with a plain DELETE. */
  public int delete(Customer customer, int seq) {
    return em.createNativeQuery("delete from communication where customer_id = ?1 and seq = ?2")
        .setParameter(1, customer.getId())
        .setParameter(2, seq)
        .executeUpdate();
  }

  /**
   * Changes an entry's body as the database's owner could: the append-only guard is switched off
   * around the update. On PostgreSQL that happens within the one transaction, so the guard is off
   * for nobody else; on H2, whose DDL commits at once, the trigger is dropped and then created
   * again as its migration creates it.
   */
  public void tamper(Customer customer, int seq, String body) {
    if (schema.isPostgreSql()) {
      em.createNativeQuery("alter table communication disable trigger " + GUARD).executeUpdate();
      update(customer, seq, body);
      em.createNativeQuery("alter table communication enable trigger " + GUARD).executeUpdate();
    } else {
      em.createNativeQuery("drop trigger " + GUARD).executeUpdate();
      try {
        update(customer, seq, body);
      } finally {
        em.createNativeQuery(h2Guard()).executeUpdate();
      }
    }
  }

  /** The statement of the H2 migration that creates the guard. */
  private static String h2Guard() {
    try (InputStream script =
        TestLog.class.getResourceAsStream("/db/h2/V015__communication_append_only.sql")) {
      return new String(script.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.startsWith("--"))
          .collect(Collectors.joining("\n"))
          .replace(";", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
