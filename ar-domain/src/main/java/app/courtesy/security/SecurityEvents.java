package app.courtesy.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Writes security events to the {@code security_event} table and to the server log (logger {@code
 * app.courtesy.security.events}), and lists them for administrators. What comes from a caller (a
 * username as typed, an address) is cut to its column and stripped of control characters, so no one
 * can forge a log line; passwords, codes and secrets are never passed in.
 */
@ApplicationScoped
@Transactional
public class SecurityEvents {

  private static final Logger LOG = Logger.getLogger("app.courtesy.security.events");

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /**
   * Records an event in the caller's transaction (or its own), so an approval that rolls back
   * leaves no event behind.
   *
   * @param username the account concerned, or null
   * @param address the client's address, or null when the event did not come from a request
   * @param detail what else a reviewer needs, in words, or null
   */
  public void record(SecurityEventKind kind, String username, String address, String detail) {
    SecurityEvent event =
        new SecurityEvent(
            OffsetDateTime.now(clock),
            kind,
            clean(username, 64),
            clean(address, 64),
            clean(detail, 500));
    em.persist(event);
    LOG.info(
        () ->
            "security event "
                + kind
                + " user="
                + event.getUsername()
                + " address="
                + event.getAddress()
                + (event.getDetail() == null ? "" : " detail=" + event.getDetail()));
  }

  /** The latest events, newest first, of one kind and one account where given. */
  public List<SecurityEvent> latest(SecurityEventKind kind, String username, int limit) {
    StringBuilder jpql = new StringBuilder("select e from SecurityEvent e where 1 = 1");
    if (kind != null) {
      jpql.append(" and e.kind = :kind");
    }
    if (username != null && !username.isBlank()) {
      jpql.append(" and e.username = :username");
    }
    jpql.append(" order by e.occurredAt desc, e.id desc");
    TypedQuery<SecurityEvent> query = em.createQuery(jpql.toString(), SecurityEvent.class);
    if (kind != null) {
      query.setParameter("kind", kind);
    }
    if (username != null && !username.isBlank()) {
      query.setParameter("username", username.strip());
    }
    return query.setMaxResults(limit).getResultList();
  }

  /** The text with every control or format character replaced by '?', cut to {@code max}. */
  static String clean(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder clean = new StringBuilder(Math.min(text.length(), max));
    text.codePoints()
        .limit(max)
        .forEach(
            c -> {
              int type = Character.getType(c);
              boolean unsafe = type == Character.CONTROL || type == Character.FORMAT;
              clean.appendCodePoint(unsafe ? '?' : c);
            });
    return clean.length() > max ? clean.substring(0, max) : clean.toString();
  }
}
