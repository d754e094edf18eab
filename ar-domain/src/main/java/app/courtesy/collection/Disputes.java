package app.courtesy.collection;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.invoice.DisputeFeed;
import app.courtesy.invoice.Invoice;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.Payload;
import app.courtesy.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opens and ends disputes, and keeps {@code invoice.disputed} equal to "a dispute is open on it":
 * this class is the only writer of that column. A dispute belongs to its record, whoever opened it:
 * a collector on the case ({@link CaseService}), or the ERP through the invoice feed ({@link
 * #reported}), which opens a dispute of its own when it sends an invoice as disputed and clears it
 * when it sends the invoice as no longer disputed. The ERP never ends a collector's dispute, and a
 * collector may decide the ERP's like any other.
 */
@ApplicationScoped
@Transactional
public class Disputes implements DisputeFeed {

  /** Who the log and the dispute name when the ERP acts. */
  static final String ERP = "ERP";

  private static final String FROM_THE_ERP = "From the ERP";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private CommunicationLog log;
  @Inject private WebhookEvents webhooks;
  @Inject private CaseReview review;
  @Inject private Clock clock;

  /** The dispute with this id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Dispute> find(long id) {
    return Optional.ofNullable(em.find(Dispute.class, id));
  }

  /**
   * Opens a dispute on each invoice; the invoices are no longer chased. Who acts checks who may,
   * and logs it (as {@link CaseService} does for a collector).
   *
   * @throws CaseRefusedException when one of them is already disputed
   */
  public List<Dispute> open(
      List<Invoice> invoices,
      DisputeReason reason,
      String note,
      DisputeSource source,
      String actor) {
    Map<Long, OpenDispute> open = openOn(invoices.stream().map(Invoice::getId).toList());
    for (Invoice invoice : invoices) {
      if (open.containsKey(invoice.getId())) {
        throw new CaseRefusedException(
            "Invoices: " + invoice.getNumber() + " is already disputed.");
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Dispute> opened = new ArrayList<>();
    for (Invoice invoice : invoices) {
      Dispute dispute = new Dispute(invoice, reason, note, source, actor, now);
      em.persist(dispute);
      opened.add(dispute);
      webhooks.publish(
          EventType.DISPUTE_OPENED,
          Payload.about(invoice.getCustomer().getNumber())
              .number("disputeId", dispute.getId())
              .text("invoiceNumber", invoice.getNumber())
              .text("reason", reason.name())
              .text("note", note)
              .text("source", source.name())
              .text("openedBy", actor));
    }
    rederive(invoices.stream().map(Invoice::getId).toList());
    return opened;
  }

  /**
   * Ends a dispute; its invoice is chased again unless another dispute is still open on it.
   *
   * @throws Dispute.DisputeClosedException when it already ended
   */
  void resolve(Dispute dispute, Dispute.Resolution how, String note, String actor) {
    dispute.resolve(how, note, actor, OffsetDateTime.now(clock));
    rederive(List.of(dispute.getInvoice().getId()));
    webhooks.publish(
        EventType.DISPUTE_RESOLVED,
        Payload.about(dispute.getInvoice().getCustomer().getNumber())
            .number("disputeId", dispute.getId())
            .text("invoiceNumber", dispute.getInvoice().getNumber())
            .text("resolution", how.name())
            .text("note", note)
            .text("resolvedBy", actor));
  }

  /**
   * What the ERP now says: an invoice sent as disputed gets a dispute from the ERP unless one is
   * open already; one sent as no longer disputed has the ERP's open dispute cleared, and a
   * collector's left as it is. Each customer's log gets one entry for what changed, and its open
   * case is re-derived at once.
   */
  @Override
  public void reported(Map<Invoice, Boolean> disputedByErp) {
    Map<Long, OpenDispute> open =
        openOn(disputedByErp.keySet().stream().map(Invoice::getId).toList());
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, List<String>> openedFor = new LinkedHashMap<>();
    Map<Long, List<String>> clearedFor = new LinkedHashMap<>();
    List<Long> changed = new ArrayList<>();
    disputedByErp.forEach(
        (invoice, disputed) -> {
          OpenDispute current = open.get(invoice.getId());
          long customerId = invoice.getCustomer().getId();
          if (disputed && current == null) {
            em.persist(
                new Dispute(
                    invoice, DisputeReason.OTHER, FROM_THE_ERP, DisputeSource.ERP, ERP, now));
            openedFor.computeIfAbsent(customerId, id -> new ArrayList<>()).add(invoice.getNumber());
            changed.add(invoice.getId());
          } else if (!disputed && current != null && current.source() == DisputeSource.ERP) {
            em.find(Dispute.class, current.id())
                .resolve(Dispute.Resolution.CLEARED, "No longer disputed in the ERP.", ERP, now);
            clearedFor
                .computeIfAbsent(customerId, id -> new ArrayList<>())
                .add(invoice.getNumber());
            changed.add(invoice.getId());
          }
        });
    if (changed.isEmpty()) {
      return;
    }
    rederive(changed);
    Instant at = clock.instant();
    List<Entry> notes = new ArrayList<>();
    openedFor.forEach(
        (customerId, numbers) ->
            notes.add(
                Entry.note(
                    customerId,
                    at,
                    ERP,
                    "Disputed "
                        + String.join(", ", numbers)
                        + " (from the ERP); not chased until resolved.")));
    clearedFor.forEach(
        (customerId, numbers) ->
            notes.add(
                Entry.note(
                    customerId,
                    at,
                    ERP,
                    "Dispute on "
                        + String.join(", ", numbers)
                        + " cleared in the ERP; chased again unless disputed otherwise.")));
    log.appendAll(notes);
    Set<Long> customers = new TreeSet<>(openedFor.keySet());
    customers.addAll(clearedFor.keySet());
    review.refreshCustomers(customers);
  }

  /** An open dispute as the feed needs to know it. */
  private record OpenDispute(long id, DisputeSource source) {}

  /**
   * The open dispute on each of these invoices that has one, by invoice id, the ERP's first; one
   * query.
   */
  private Map<Long, OpenDispute> openOn(Collection<Long> invoiceIds) {
    if (invoiceIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, OpenDispute> open = new HashMap<>();
    for (Object found :
        em.createNativeQuery(
                "select invoice_id, id, source from dispute"
                    + " where invoice_id = any(?1) and resolution is null")
            .setParameter(1, invoiceIds.toArray(Long[]::new))
            .getResultList()) {
      Object[] row = (Object[]) found;
      // Two open at once (a collector's and the ERP's, recorded at the same moment): the ERP's
      // word concerns its own.
      open.merge(
          ((Number) row[0]).longValue(),
          new OpenDispute(((Number) row[1]).longValue(), DisputeSource.valueOf((String) row[2])),
          (one, other) -> one.source() == DisputeSource.ERP ? one : other);
    }
    return open;
  }

  /**
   * Sets {@code invoice.disputed} from the open disputes of these invoices: the one statement that
   * writes the column.
   */
  private void rederive(Collection<Long> invoiceIds) {
    // Written once here, not again by the update: each flush compares every entity the transaction
    // holds, a hundred thousand after a large import.
    em.flush();
    em.createNativeQuery(
            "update invoice set disputed = exists (select 1 from dispute d"
                + " where d.invoice_id = invoice.id and d.resolution is null)"
                + " where id = any(?1)")
        .setParameter(1, invoiceIds.toArray(Long[]::new))
        .setFlushMode(FlushModeType.COMMIT)
        .executeUpdate();
  }
}
