package app.courtesy.credit;

import app.courtesy.shared.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Credit notes read back for the API: by number, and by number page by page from where the previous
 * page ended (see {@link Keyset}), each with what it was applied to.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CreditNotePages {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Optional<CreditNote> findByNumber(String number) {
    return em.createQuery(
            "select n from CreditNote n join fetch n.customer where n.number = :number",
            CreditNote.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  /**
   * Up to {@code size} credit notes after {@code after} (null: from the start), by number: the
   * customer's if {@code customerId} is given.
   */
  public List<CreditNote> page(Long customerId, Keyset after, int size) {
    TypedQuery<CreditNote> query =
        em.createQuery(
                "select n from CreditNote n join fetch n.customer where n.number > :after"
                    + (customerId == null ? "" : " and n.customer.id = :customer")
                    + " order by n.number",
                CreditNote.class)
            .setParameter("after", after == null ? "" : after.key())
            .setHint("eclipselink.batch.type", "IN")
            .setHint("eclipselink.batch", "n.allocations.invoice")
            .setMaxResults(size);
    if (customerId != null) {
      query.setParameter("customer", customerId);
    }
    return query.getResultList();
  }

  /** Where a page that ends with {@code note} ended. */
  public static Keyset after(CreditNote note) {
    return new Keyset(note.getNumber(), note.getId());
  }
}
