package app.courtesy.credit;

import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.invoice.Allocation;
import app.courtesy.invoice.AllocationPlanner;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.shared.KeyLookup;
import app.courtesy.shared.Money;
import app.courtesy.shared.RowError;
import app.courtesy.shared.Rows;
import app.courtesy.shared.UpsertResult;
import app.courtesy.shared.UpsertResult.Outcome;
import app.courtesy.shared.validation.InputValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Records credit notes and applies them to invoices like payments: to the invoices named, or oldest
 * due first; what is left is the customer's unapplied credit. A recorded credit note does not
 * change; sending it again changes nothing.
 */
@ApplicationScoped
@Transactional
public class CreditNoteService {

  @Inject private CustomerRepository customers;
  @Inject private InvoiceRepository invoices;
  @Inject private InputValidator input;
  @Inject private Clock clock;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /** The customer's latest credit notes, newest first. */
  public List<CreditNote> latestFor(Customer customer, int limit) {
    return em.createQuery(
            "select n from CreditNote n where n.customer = :customer"
                + " order by n.issueDate desc, n.id desc",
            CreditNote.class)
        .setParameter("customer", customer)
        .setMaxResults(limit)
        .getResultList();
  }

  public UpsertResult record(List<CreditNoteData> items) {
    List<RowError> errors = new ArrayList<>(input.rows(items));
    errors.addAll(Rows.duplicates(items, CreditNoteData::externalId, "externalId"));
    errors.addAll(Rows.duplicates(items, CreditNoteData::number, "number"));
    Set<Integer> invalid = Rows.rowsIn(errors);
    Map<String, Customer> customersByNumber =
        customers.byNumber(
            items.stream().filter(Objects::nonNull).map(CreditNoteData::customerNumber).toList());
    customers.lockForAllocation(customersByNumber.values());
    Map<String, CreditNote> existing =
        KeyLookup.byKey(
            em,
            CreditNote.class,
            "externalId",
            items.stream().filter(Objects::nonNull).map(CreditNoteData::externalId).toList(),
            CreditNote::getExternalId);
    AllocationPlanner planner =
        new AllocationPlanner(
            invoices,
            customersByNumber.values(),
            items.stream().filter(Objects::nonNull).map(CreditNoteData::parts).toList());
    List<Allocation> plans = new ArrayList<>();
    for (int row = 0; row < items.size(); row++) {
      CreditNoteData item = items.get(row);
      plans.add(null);
      if (invalid.contains(row)) {
        continue;
      }
      Customer customer = customersByNumber.get(item.customerNumber());
      CreditNote earlier = existing.get(item.externalId());
      if (customer == null) {
        errors.add(
            new RowError(
                row, "customerNumber", "no customer with number " + item.customerNumber()));
      } else if (earlier != null && !earlier.isSameAs(item, customer)) {
        errors.add(
            new RowError(
                row,
                "externalId",
                "credit note "
                    + item.externalId()
                    + " was recorded earlier with other details; a credit note cannot change"));
      } else if (earlier == null) {
        Money amount = new Money(item.amount(), Currency.getInstance(item.currency()));
        plans.set(row, planner.plan(row, customer, amount, item.parts(), "credit note", errors));
      }
    }
    Rows.requireNone(errors);

    OffsetDateTime now = OffsetDateTime.now(clock);
    UpsertResult result = UpsertResult.none();
    for (int row = 0; row < items.size(); row++) {
      CreditNoteData item = items.get(row);
      if (existing.containsKey(item.externalId())) {
        result = result.count(Outcome.UNCHANGED);
        continue;
      }
      CreditNote note = new CreditNote(item, customersByNumber.get(item.customerNumber()), now);
      plans
          .get(row)
          .parts()
          .forEach(p -> note.allocate(invoices.reference(p.item().invoiceId()), p.amount()));
      em.persist(note);
      result = result.count(Outcome.CREATED);
    }
    return result;
  }
}
