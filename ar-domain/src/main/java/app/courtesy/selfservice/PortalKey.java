package app.courtesy.selfservice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.TransactionalException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret key that signs the portal's forms, kept in the database so every node uses the same:
 * the first to need it writes a random one, in a transaction of its own. Where two threads or nodes
 * need it first at the same moment, both write, one of them wins, and both use the winner's.
 */
@ApplicationScoped
public class PortalKey {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /** This bean through its proxy, so that reading and writing run in transactions of their own. */
  @Inject private PortalKey self;

  private final SecureRandom random = new SecureRandom();

  /** The key, hex-encoded, written first if there is none. */
  @Transactional(TxType.NOT_SUPPORTED)
  public String secret() {
    Optional<String> stored = self.read();
    if (stored.isPresent()) {
      return stored.get();
    }
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    try {
      self.write(HexFormat.of().formatHex(fresh));
    } catch (PersistenceException | TransactionalException failed) {
      // Another thread or node wrote the key first, and theirs is the one; if none is there, the
      // write failed for another reason, which is what to tell.
      return self.read().orElseThrow(() -> failed);
    }
    return self.read().orElseThrow();
  }

  /** Writes the key; fails when there is one. */
  @Transactional(TxType.REQUIRES_NEW)
  public void write(String secret) {
    em.createNativeQuery("insert into portal_key (id, secret) values (1, ?1)")
        .setParameter(1, secret)
        .executeUpdate();
  }

  /** The key, if one was written. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<String> read() {
    return em.createNativeQuery("select secret from portal_key where id = 1")
        .getResultStream()
        .findFirst()
        .map(String.class::cast);
  }
}
