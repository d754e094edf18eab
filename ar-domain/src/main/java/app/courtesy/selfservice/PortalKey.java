package app.courtesy.selfservice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret key that signs the portal's forms, kept in the database so every node uses the same:
 * the first node to need it writes a random one, in a transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PortalKey {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  private final SecureRandom random = new SecureRandom();

  /** The key, hex-encoded, written first if there is none. */
  public String secret() {
    Optional<String> stored = read();
    if (stored.isPresent()) {
      return stored.get();
    }
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    em.createNativeQuery("insert into portal_key (id, secret) values (1, ?1)")
        .setParameter(1, HexFormat.of().formatHex(fresh))
        .executeUpdate();
    return read().orElseThrow();
  }

  private Optional<String> read() {
    return em.createNativeQuery("select secret from portal_key where id = 1")
        .getResultStream()
        .findFirst()
        .map(String.class::cast);
  }
}
