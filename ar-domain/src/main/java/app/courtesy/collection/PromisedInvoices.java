package app.courtesy.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The invoices a promise to pay covers ({@code promise_invoice}) and the pause it puts on their
 * reminders ({@code invoice.promised_until}): the only writer of both. {@link CaseService} covers
 * the invoices when a promise is recorded; {@link CaseReview} releases them when the promise
 * breaks.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PromisedInvoices {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /** Reminders for these invoices wait until the promise's date plus grace. */
  void cover(PromiseToPay promise, List<Long> invoiceIds) {
    em.flush();
    for (long invoiceId : invoiceIds) {
      em.createNativeQuery("insert into promise_invoice (promise_id, invoice_id) values (?1, ?2)")
          .setParameter(1, promise.getId())
          .setParameter(2, invoiceId)
          .executeUpdate();
      em.createNativeQuery("update invoice set promised_until = ?1 where id = ?2")
          .setParameter(1, promise.waitsUntil())
          .setParameter(2, invoiceId)
          .executeUpdate();
    }
  }

  /** The promise broke: reminders for its invoices resume. */
  void release(PromiseToPay promise) {
    em.createNativeQuery(
            "update invoice set promised_until = null where id in"
                + " (select invoice_id from promise_invoice where promise_id = ?1)")
        .setParameter(1, promise.getId())
        .executeUpdate();
  }
}
