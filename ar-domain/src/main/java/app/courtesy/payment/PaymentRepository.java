package app.courtesy.payment;

import app.courtesy.customer.Customer;
import app.courtesy.shared.KeyLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Finds and stores {@link Payment}s. */
@ApplicationScoped
public class PaymentRepository {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Map<String, Payment> byExternalId(Collection<String> externalIds) {
    return KeyLookup.byKey(em, Payment.class, "externalId", externalIds, Payment::getExternalId);
  }

  /** The customer's latest payments, newest first. */
  public List<Payment> latestFor(Customer customer, int limit) {
    return em.createQuery(
            "select p from Payment p where p.customer = :customer"
                + " order by p.paymentDate desc, p.id desc",
            Payment.class)
        .setParameter("customer", customer)
        .setMaxResults(limit)
        .getResultList();
  }

  void add(Payment payment) {
    em.persist(payment);
  }
}
