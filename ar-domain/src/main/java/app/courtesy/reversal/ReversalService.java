package app.courtesy.reversal;

import app.courtesy.arrangement.ArrangementReview;
import app.courtesy.charge.Charges;
import app.courtesy.collection.CaseReview;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.credit.CreditNote;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.payment.Payment;
import app.courtesy.payment.PaymentRepository;
import app.courtesy.shared.KeyLookup;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reverses payments and cancels credit notes. The receipt's allocations move to {@code
 * unwound_allocation} in one statement pair, so the invoices they paid reopen (the database keeps
 * {@code invoice.allocated} with them) and their place in the reminder policy is untouched: the
 * next run reminds them at the step after the last one sent, and the thank-you already sent for
 * that reminder is not sent again. Kept promises and active arrangements the money served are
 * looked at again on the reversal's date; the customer's log says what happened and why.
 *
 * <p>The customer is locked as for a payment, so a reversal and a payment batch never interleave;
 * the unique keys on {@code receipt_reversal} make a second reversal of the same receipt fail even
 * so.
 */
@ApplicationScoped
@Transactional
public class ReversalService {

  /** An invoice reopened by a reversal, and by how much. */
  public record Reopened(String invoiceNumber, Money amount) {}

  /** What a reversal did. */
  public record Reversed(
      long id,
      String receipt,
      ReversalKind kind,
      LocalDate reversedOn,
      String reason,
      Money amount,
      List<Reopened> reopened,
      List<Charges.Reopened> chargesReopened) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private PaymentRepository payments;
  @Inject private Charges charges;
  @Inject private CustomerRepository customers;
  @Inject private LedgerAsOf ledger;
  @Inject private CaseReview cases;
  @Inject private ArrangementReview arrangements;
  @Inject private CommunicationLog log;
  @Inject private Clock clock;

  /** Reverses the payment with this external id: its allocations unwind, its invoices reopen. */
  public Reversed reversePayment(
      String externalId, @NotNull @Valid ReversalTerms terms, String actor) {
    Payment payment = payments.byExternalId(List.of(externalId)).get(externalId);
    if (payment == null) {
      throw new NotFoundException("Payment", externalId);
    }
    if (terms.kind() == null || !terms.kind().forPayments()) {
      throw new ReversalRefusedException(
          "Say why the payment is reversed: bounced, chargeback, refund or mistaken entry.");
    }
    Customer customer = payment.getCustomer();
    customers.lockForAllocation(List.of(customer));
    String receipt =
        "Payment "
            + (payment.getReference() == null ? externalId : payment.getReference())
            + " of "
            + payment.getAmount().format(Locale.UK)
            + " received on "
            + payment.getPaymentDate();
    requireNotReversed("payment_id", payment.getId(), receipt);
    LocalDate on = dateOf(terms, payment.getPaymentDate(), receipt);
    requireCredit(
        customer,
        unapplied("payment_allocation", "payment_id", payment.getId(), payment.getAmount())
            .minus(charges.settledBy(payment)),
        receipt);
    Reversal reversal =
        Reversal.ofPayment(
            customer.getId(),
            payment.getId(),
            terms.kind(),
            on,
            terms.reason().strip(),
            actor,
            OffsetDateTime.now(clock));
    return unwind(
        reversal,
        "payment_allocation",
        "payment_id",
        payment.getId(),
        payment.getPaymentDate(),
        receipt,
        payment.getAmount(),
        charges.unsettle(payment));
  }

  /** Cancels the credit note with this external id: its allocations unwind, its invoices reopen. */
  public Reversed cancelCreditNote(
      String externalId, @NotNull @Valid ReversalTerms terms, String actor) {
    CreditNote note =
        KeyLookup.byKey(
                em, CreditNote.class, "externalId", List.of(externalId), CreditNote::getExternalId)
            .get(externalId);
    if (note == null) {
      throw new NotFoundException("Credit note", externalId);
    }
    Customer customer = note.getCustomer();
    customers.lockForAllocation(List.of(customer));
    String receipt =
        "Credit note "
            + note.getNumber()
            + " of "
            + note.getAmount().format(Locale.UK)
            + " issued on "
            + note.getIssueDate();
    requireNotReversed("credit_note_id", note.getId(), receipt);
    LocalDate on = dateOf(terms, note.getIssueDate(), receipt);
    requireCredit(
        customer,
        unapplied("credit_allocation", "credit_note_id", note.getId(), note.getAmount()),
        receipt);
    Reversal reversal =
        Reversal.ofCreditNote(
            customer.getId(),
            note.getId(),
            on,
            terms.reason().strip(),
            actor,
            OffsetDateTime.now(clock));
    return unwind(
        reversal,
        "credit_allocation",
        "credit_note_id",
        note.getId(),
        note.getIssueDate(),
        receipt,
        note.getAmount(),
        List.of());
  }

  /** The customer's reversals and cancellations, newest first. */
  public List<Reversal> ofCustomer(Customer customer) {
    return em.createQuery(
            "select r from Reversal r where r.customerId = :customer"
                + " order by r.reversedOn desc, r.id desc",
            Reversal.class)
        .setParameter("customer", customer.getId())
        .getResultList();
  }

  private void requireNotReversed(String column, long receiptId, String receipt) {
    Number earlier =
        (Number)
            em.createNativeQuery("select count(*) from receipt_reversal where " + column + " = ?1")
                .setParameter(1, receiptId)
                .getSingleResult();
    if (earlier.intValue() > 0) {
      throw new AlreadyReversedException(
          receipt + " was reversed before; a receipt is taken back once.");
    }
  }

  private LocalDate dateOf(ReversalTerms terms, LocalDate received, String receipt) {
    LocalDate on = terms.date() == null ? LocalDate.now(clock) : terms.date();
    if (on.isBefore(received)) {
      throw new ReversalRefusedException(
          "The reversal date " + on + " is before the receipt: " + receipt + ".");
    }
    return on;
  }

  /** What of the receipt no invoice received. */
  private Money unapplied(String table, String column, long receiptId, Money amount) {
    Object applied =
        em.createNativeQuery(
                "select coalesce(sum(amount), 0) from " + table + " where " + column + " = ?1")
            .setParameter(1, receiptId)
            .getSingleResult();
    return amount.minus(new Money(new BigDecimal(applied.toString()), amount.currency()));
  }

  /**
   * The part of the receipt not applied to any invoice is in the customer's unapplied credit,
   * unless it was refunded since: then the refund stands and the receipt cannot be taken back.
   */
  private void requireCredit(Customer customer, Money part, String receipt) {
    if (!part.isPositive()) {
      return;
    }
    Money credit = ledger.available(customer, part.currency());
    if (credit.compareTo(part) < 0) {
      throw new ReversalRefusedException(
          receipt
              + ": "
              + part.format(Locale.UK)
              + " of it was never applied to an invoice, but the customer's unapplied credit is"
              + " only "
              + credit.format(Locale.UK)
              + " now, after refunds. Nothing was reversed.");
    }
  }

  private Reversed unwind(
      Reversal reversal,
      String table,
      String column,
      long receiptId,
      LocalDate received,
      String receipt,
      Money amount,
      List<Charges.Reopened> chargesReopened) {
    em.persist(reversal);
    em.flush();
    em.createNativeQuery(
            "insert into unwound_allocation (reversal_id, invoice_id, received_on, currency, amount)"
                + " select ?1, invoice_id, ?2, currency, amount from "
                + table
                + " where "
                + column
                + " = ?3")
        .setParameter(1, reversal.getId())
        .setParameter(2, received)
        .setParameter(3, receiptId)
        .executeUpdate();
    em.createNativeQuery("delete from " + table + " where " + column + " = ?1")
        .setParameter(1, receiptId)
        .executeUpdate();
    List<Reopened> reopened =
        ((List<?>)
                em.createNativeQuery(
                        "select i.number, u.amount, u.currency from unwound_allocation u"
                            + " join invoice i on i.id = u.invoice_id where u.reversal_id = ?1"
                            + " order by i.due_date, i.number")
                    .setParameter(1, reversal.getId())
                    .getResultList())
            .stream()
                .map(Object[].class::cast)
                .map(
                    row ->
                        new Reopened(
                            (String) row[0],
                            new Money(
                                new BigDecimal(row[1].toString()),
                                Currency.getInstance((String) row[2]))))
                .toList();

    long customerId = reversal.getCustomerId();
    String what =
        receipt
            + (reversal.getKind() == ReversalKind.CANCELLED
                ? " was cancelled"
                : " was reversed (" + reversal.getKind().label() + ")")
            + " on "
            + reversal.getReversedOn();
    log.append(
        Entry.note(
            customerId,
            clock.instant(),
            reversal.getRecordedBy(),
            what
                + ": "
                + reversal.getReason().replaceAll("[.\\s]+$", "")
                + ". "
                + (reopened.isEmpty() && chargesReopened.isEmpty()
                    ? "It was not applied to any invoice: the customer's unapplied credit is "
                        + amount.format(Locale.UK)
                        + " lower."
                    : "")
                + (reopened.isEmpty()
                    ? ""
                    : "Reopened "
                        + reopened.stream()
                            .map(r -> r.invoiceNumber() + " (" + r.amount().format(Locale.UK) + ")")
                            .collect(Collectors.joining(", "))
                        + "; reminders resume where each invoice was in its policy.")
                + (chargesReopened.isEmpty()
                    ? ""
                    : (reopened.isEmpty() ? "" : " ")
                        + "Charges open again: "
                        + chargesReopened.stream()
                            .map(c -> c.number() + " (" + c.amount().format(Locale.UK) + ")")
                            .collect(Collectors.joining(", "))
                        + ".")));
    cases.reconsiderKept(customerId, reversal.getId(), reversal.getReversedOn(), what);
    arrangements.reconsider(customerId, reversal.getId(), reversal.getReversedOn(), what);
    cases.refreshCustomers(List.of(customerId));
    return new Reversed(
        reversal.getId(),
        receipt,
        reversal.getKind(),
        reversal.getReversedOn(),
        reversal.getReason(),
        amount,
        reopened,
        chargesReopened);
  }
}
