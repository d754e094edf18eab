package app.courtesy.payment;

import app.courtesy.shared.KeyLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Map;

/** Finds and stores {@link Payment}s. */
@ApplicationScoped
public class PaymentRepository {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Map<String, Payment> byExternalId(Collection<String> externalIds) {
    return KeyLookup.byKey(em, Payment.class, "externalId", externalIds, Payment::getExternalId);
  }

  void add(Payment payment) {
    em.persist(payment);
  }
}
