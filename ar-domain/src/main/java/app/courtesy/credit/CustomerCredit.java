package app.courtesy.credit;

import app.courtesy.charge.Charges;
import app.courtesy.collection.ReviewStarting;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.invoice.Allocation;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.payment.Payment;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotFoundException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * A customer's unapplied credit: money paid and credit notes given that no invoice received. It is
 * paid back by a {@link #refund}, or applied to the customer's open invoices, oldest due first, by
 * {@link #settle} — on request (the customer page, the API), never behind anyone's back: an ERP
 * that matches receipts itself keeps its matching, and a collector decides when a credit meets a
 * new invoice. Both lock the customer as a payment batch does, so they never take the same credit
 * twice.
 */
@ApplicationScoped
@Transactional
public class CustomerCredit {

  /** A refund as recorded. */
  public record Refunded(long id, String externalId, LocalDate date, Money amount, Money left) {}

  /** What a settlement applied: per invoice, oldest due first. */
  public record Settled(List<Applied> applied) {}

  /** Credit applied to one invoice. */
  public record Applied(String invoiceNumber, Money amount) {}

  static final String ACTOR = "Courtesy";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private CustomerRepository customers;
  @Inject private InvoiceRepository invoices;
  @Inject private LedgerAsOf ledger;
  @Inject private Charges charges;
  @Inject private CommunicationLog log;
  @Inject private Clock clock;

  /**
   * Records money paid back to the customer from their unapplied credit; refuses more than that
   * credit. The same external id again with the same date and amount changes nothing.
   */
  public Refunded refund(String customerNumber, @NotNull @Valid RefundTerms terms, String actor) {
    Customer customer = customer(customerNumber);
    Money amount =
        new Money(
            terms.amount(),
            terms.currency() == null
                ? customer.getCurrency()
                : Currency.getInstance(terms.currency()));
    LocalDate date = terms.date() == null ? LocalDate.now(clock) : terms.date();
    if (terms.externalId() != null) {
      CreditRefund earlier =
          em.createQuery(
                  "select f from CreditRefund f where f.externalId = :id", CreditRefund.class)
              .setParameter("id", terms.externalId())
              .getResultStream()
              .findFirst()
              .orElse(null);
      if (earlier != null) {
        if (!earlier.isSameAs(date, amount)) {
          throw new CreditRefusedException(
              "Refund "
                  + terms.externalId()
                  + " was recorded earlier with another date or amount; a refund cannot change.");
        }
        return refunded(customer, earlier);
      }
    }
    Money available = ledger.available(customer, amount.currency());
    if (amount.compareTo(available) > 0) {
      throw new CreditRefusedException(
          "The customer's unapplied credit is "
              + available.format(Locale.UK)
              + ": a refund of "
              + amount.format(Locale.UK)
              + " would pay back more than that. Nothing was recorded.");
    }
    CreditRefund refund =
        new CreditRefund(
            customer.getId(),
            terms.externalId(),
            date,
            amount,
            terms.reference(),
            terms.reason().strip(),
            actor,
            OffsetDateTime.now(clock));
    em.persist(refund);
    em.flush();
    Refunded refunded = refunded(customer, refund);
    log.append(
        Entry.note(
            customer.getId(),
            clock.instant(),
            actor,
            "Refund of "
                + amount.format(Locale.UK)
                + " from the customer's unapplied credit on "
                + date
                + (terms.reference() == null ? "" : ", reference " + terms.reference())
                + ": "
                + refund.getReason().replaceAll("[.\\s]+$", "")
                + ". Credit left: "
                + refunded.left().format(Locale.UK)
                + "."));
    return refunded;
  }

  private Refunded refunded(Customer customer, CreditRefund refund) {
    return new Refunded(
        refund.getId(),
        refund.getExternalId(),
        refund.getRefundDate(),
        refund.getAmount(),
        ledger.available(customer, refund.getAmount().currency()));
  }

  /**
   * Applies the customer's unapplied credit to their open invoices, per currency, oldest due first;
   * the oldest payments and credit notes give first, after what refunds paid back.
   */
  public Settled settle(String customerNumber, String actor) {
    Customer customer = customer(customerNumber);
    Map<Currency, List<Source>> byCurrency = new LinkedHashMap<>();
    sources(customer)
        .forEach(
            s ->
                byCurrency
                    .computeIfAbsent(s.unapplied().currency(), c -> new ArrayList<>())
                    .add(s));
    List<Applied> applied = new ArrayList<>();
    byCurrency.forEach(
        (currency, sources) -> {
          Money available = ledger.available(customer, currency);
          if (!available.isPositive()) {
            return;
          }
          // what refunds paid back came from the oldest credit
          Money skip =
              sources.stream()
                  .map(Source::unapplied)
                  .reduce(Money.zero(currency), Money::plus)
                  .minus(available);
          Iterator<Source> giving = sources.iterator();
          Source source = null;
          Money left = Money.zero(currency);
          for (Allocation.Part part :
              Allocation.oldestDueFirst(available, invoices.openItems(customer, currency))
                  .parts()) {
            Invoice invoice = invoices.reference(part.item().invoiceId());
            Money toApply = part.amount();
            while (toApply.isPositive()) {
              while (!left.isPositive()) {
                source = giving.next();
                Money skipped = least(skip, source.unapplied());
                skip = skip.minus(skipped);
                left = source.unapplied().minus(skipped);
              }
              Money share = least(toApply, left);
              source.apply().accept(invoice, share);
              left = left.minus(share);
              toApply = toApply.minus(share);
            }
            applied.add(new Applied(part.item().invoiceNumber(), part.amount()));
          }
        });
    if (!applied.isEmpty()) {
      log.append(
          Entry.note(
              customer.getId(),
              clock.instant(),
              actor,
              "Unapplied credit applied to open invoices, oldest due first: "
                  + applied.stream()
                      .map(a -> a.invoiceNumber() + " (" + a.amount().format(Locale.UK) + ")")
                      .collect(Collectors.joining(", "))
                  + "."));
    }
    return new Settled(List.copyOf(applied));
  }

  /**
   * The morning's review: every customer's credit meets their open invoices before reminders are
   * planned (and before arrangements are followed, which count it as paid).
   */
  void settleAll(@Observes @Priority(Interceptor.Priority.APPLICATION) ReviewStarting day) {
    for (long customerId : ledger.customersWithCreditToApply()) {
      settle(em.find(Customer.class, customerId).getNumber(), ACTOR);
    }
  }

  /** A payment or credit note with something not applied, and how to apply it. */
  private record Source(Money unapplied, BiConsumer<Invoice, Money> apply) {}

  /**
   * The customer's payments and credit notes with something applied neither to an invoice nor to a
   * late-payment charge, oldest first.
   */
  private List<Source> sources(Customer customer) {
    List<Source> sources = new ArrayList<>();
    for (Object id :
        em.createNativeQuery(
                "select p.id from payment p where p.customer_id = ?1"
                    + " and not exists (select 1 from receipt_reversal r where r.payment_id = p.id)"
                    + " order by p.payment_date, p.id")
            .setParameter(1, customer.getId())
            .getResultList()) {
      Payment payment = em.find(Payment.class, ((Number) id).longValue());
      Money left = payment.unapplied().minus(charges.settledBy(payment));
      if (left.isPositive()) {
        sources.add(new Source(left, payment::allocate));
      }
    }
    for (Object id :
        em.createNativeQuery(
                "select n.id from credit_note n where n.customer_id = ?1"
                    + " and not exists (select 1 from receipt_reversal r"
                    + " where r.credit_note_id = n.id)"
                    + " order by n.issue_date, n.id")
            .setParameter(1, customer.getId())
            .getResultList()) {
      CreditNote note = em.find(CreditNote.class, ((Number) id).longValue());
      if (note.unapplied().isPositive()) {
        sources.add(new Source(note.unapplied(), note::allocate));
      }
    }
    return sources;
  }

  private static Money least(Money a, Money b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private Customer customer(String number) {
    Customer customer =
        customers.findByNumber(number).orElseThrow(() -> new NotFoundException("Customer", number));
    customers.lockForAllocation(List.of(customer));
    return customer;
  }
}
