package app.courtesy.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps the first response per caller and idempotency key, each step in its own transaction so that
 * it holds whatever the request's own transaction does. Two requests racing with one key: the
 * database's primary key lets exactly one claim it.
 */
@ApplicationScoped
public class IdempotencyRecords {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  @Transactional(TxType.REQUIRES_NEW)
  public Claim claim(String caller, String key, String requestHash) {
    IdempotencyRecord existing =
        em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(caller, key));
    if (existing != null) {
      return existing.claimAgain(requestHash);
    }
    em.persist(new IdempotencyRecord(caller, key, requestHash, OffsetDateTime.now(clock)));
    em.flush();
    return Claim.first();
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void complete(String caller, String key, int status, String response) {
    em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(caller, key))
        .complete(status, response);
  }

  /** Forgets a claim whose request failed on our side, so that the client can retry. */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(String caller, String key) {
    IdempotencyRecord record =
        em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(caller, key));
    if (record != null) {
      em.remove(record);
    }
  }
}
