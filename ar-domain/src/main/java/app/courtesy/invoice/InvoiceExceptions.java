package app.courtesy.invoice;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The exceptions a collector makes for one invoice, each written on the customer's communication
 * log with who and why: chasing it stopped (with a reason, until a date or until resumed) without a
 * dispute, and the reminder policy it follows instead of its customer's. The reminder run reads
 * both: a stopped invoice is held back with its own reason while its siblings are still reminded;
 * an invoice on another policy follows that policy's steps.
 */
@ApplicationScoped
@Transactional
public class InvoiceExceptions {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private InvoiceRepository invoices;
  @Inject private ReminderPolicyService policies;
  @Inject private CommunicationLog log;
  @Inject private Clock clock;

  /**
   * Stops chasing invoice {@code number} if nobody changed it since {@code readVersion}.
   *
   * @param until the last day it is not chased (chased again the day after); null: until resumed
   * @throws ChasingRefusedException without a reason, or with an end date already past
   */
  public Invoice stopChasing(
      String number, String reason, LocalDate until, long readVersion, String by) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 200) {
      throw new ChasingRefusedException(
          "Say why chasing stops (up to 200 characters): the collectors after you will read it.");
    }
    LocalDate today = LocalDate.now(clock);
    if (until != null && until.isBefore(today)) {
      throw new ChasingRefusedException(
          "The end date " + until + " has passed: choose today or a later day, or none.");
    }
    Invoice invoice = locked(number, readVersion);
    if (invoice.getState() != InvoiceState.ISSUED) {
      throw new ChasingRefusedException(
          "Invoice "
              + number
              + " is "
              + invoice.getState().name().toLowerCase().replace('_', ' ')
              + ": it is not chased anyway.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    invoice.stopChasing(why, until, by, now);
    note(
        invoice,
        by,
        "Chasing of invoice "
            + number
            + " stopped "
            + (until == null ? "until resumed" : "until " + until + " (chased again the day after)")
            + ": "
            + why);
    return invoice;
  }

  /** Chases invoice {@code number} again from the step it had reached. */
  public Invoice resumeChasing(String number, long readVersion, String by) {
    Invoice invoice = locked(number, readVersion);
    if (invoice.chasingStoppedOn(LocalDate.now(clock)).isEmpty()) {
      throw new ChasingRefusedException("Invoice " + number + " is being chased already.");
    }
    invoice.resumeChasing();
    note(invoice, by, "Chasing of invoice " + number + " resumed.");
    return invoice;
  }

  /**
   * Moves invoice {@code number} to policy {@code policyId} (a key account's, a public body's);
   * null: back to its customer's policy.
   */
  public Invoice followPolicy(String number, Long policyId, long readVersion, String by) {
    Optional<ReminderPolicy> policy =
        Optional.ofNullable(policyId)
            .map(
                id ->
                    policies
                        .find(id)
                        .orElseThrow(() -> new NotFoundException("Reminder policy", id)));
    Invoice invoice = locked(number, readVersion);
    if (invoice.getReminderPolicyId().equals(Optional.ofNullable(policyId))) {
      return invoice;
    }
    invoice.followPolicy(policyId);
    note(
        invoice,
        by,
        policy
            .map(p -> "Invoice " + number + " follows the reminder policy " + p.getName() + ".")
            .orElse("Invoice " + number + " follows its customer's reminder policy again."));
    return invoice;
  }

  private Invoice locked(String number, long readVersion) {
    Invoice invoice =
        invoices.findByNumber(number).orElseThrow(() -> new NotFoundException("Invoice", number));
    em.refresh(invoice, LockModeType.PESSIMISTIC_WRITE);
    if (invoice.getVersion() != readVersion) {
      throw new ConcurrentChangeException("Invoice " + number, null, null);
    }
    return invoice;
  }

  private void note(Invoice invoice, String by, String detail) {
    log.append(
        Entry.note(
            invoice.getCustomer().getId(), OffsetDateTime.now(clock).toInstant(), by, detail));
  }
}
