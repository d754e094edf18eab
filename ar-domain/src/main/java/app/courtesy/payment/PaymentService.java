package app.courtesy.payment;

import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.customer.NamedCustomer;
import app.courtesy.invoice.Allocation;
import app.courtesy.invoice.AllocationPlanner;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.shared.Money;
import app.courtesy.shared.RowError;
import app.courtesy.shared.Rows;
import app.courtesy.shared.UpsertResult;
import app.courtesy.shared.UpsertResult.Outcome;
import app.courtesy.shared.validation.InputValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Records payments and applies them to invoices: to the invoices named, or oldest due first. What
 * does not find an open invoice stays as the customer's unapplied credit. The customers of a batch
 * are locked while it is applied, so two feeds never apply the same open amount twice.
 */
@ApplicationScoped
@Transactional
public class PaymentService {

  @Inject private PaymentRepository payments;
  @Inject private CustomerRepository customers;
  @Inject private InvoiceRepository invoices;
  @Inject private InputValidator input;
  @Inject private Clock clock;

  /** What {@link #record} would refuse, without writing anything. */
  public List<RowError> check(List<PaymentData> items) {
    return check(items, Map.of());
  }

  /**
   * As {@link #check(List)}, with customers this transaction already read, by number: only the
   * others are read.
   */
  public List<RowError> check(List<PaymentData> items, Map<String, NamedCustomer> known) {
    return plan(items, known).errors();
  }

  public UpsertResult record(List<PaymentData> items) {
    return record(items, Map.of());
  }

  /**
   * As {@link #record(List)}, with customers this transaction already read, by number: only the
   * others are read.
   */
  public UpsertResult record(List<PaymentData> items, Map<String, NamedCustomer> known) {
    Plan plan = plan(items, known);
    Rows.requireNone(plan.errors());
    OffsetDateTime now = OffsetDateTime.now(clock);
    UpsertResult result = UpsertResult.none();
    Map<Payment, List<Allocation.Part>> created = new LinkedHashMap<>();
    for (int row = 0; row < items.size(); row++) {
      PaymentData item = items.get(row);
      if (plan.existing().containsKey(item.externalId())) {
        result = result.count(Outcome.UNCHANGED);
        continue;
      }
      created.put(
          new Payment(
              item.externalId(),
              plan.allocating().get(item.customerNumber()),
              item.paymentDate(),
              new Money(item.amount(), Currency.getInstance(item.currency())),
              item.method(),
              item.reference(),
              now),
          plan.allocations().get(row).parts());
      result = result.count(Outcome.CREATED);
    }
    payments.addAll(created);
    return result;
  }

  /**
   * @param allocating the customers of the new payments, by number
   */
  private record Plan(
      List<RowError> errors,
      Map<String, Customer> allocating,
      Map<String, PaymentFacts> existing,
      List<Allocation> allocations) {}

  private Plan plan(List<PaymentData> items, Map<String, NamedCustomer> known) {
    Map<String, NamedCustomer> customersByNumber =
        customers.namedByNumber(
            items.stream().filter(Objects::nonNull).map(PaymentData::customerNumber).toList(),
            known);
    Map<String, PaymentFacts> existing =
        payments.factsByExternalId(
            items.stream().filter(Objects::nonNull).map(PaymentData::externalId).toList());
    BitSet saidAgain = new BitSet(items.size());
    for (int row = 0; row < items.size(); row++) {
      PaymentData item = items.get(row);
      PaymentFacts recorded = item == null ? null : existing.get(item.externalId());
      NamedCustomer customer = item == null ? null : customersByNumber.get(item.customerNumber());
      if (recorded != null && customer != null && recorded.saysAgain(item, customer.id())) {
        saidAgain.set(row);
      }
    }
    // What a row says again was checked when it was recorded: a feed sent again is compared, not
    // checked anew.
    List<RowError> errors = new ArrayList<>(input.rows(items, saidAgain::get));
    errors.addAll(Rows.duplicates(items, PaymentData::externalId, "externalId"));
    Set<Integer> invalid = Rows.rowsIn(errors);

    // A payment sent again allocates nothing: only the new ones' customers and invoices are read.
    List<PaymentData> fresh =
        items.stream()
            .filter(item -> item != null && !existing.containsKey(item.externalId()))
            .toList();
    Map<String, Customer> allocating =
        customers.byNumber(fresh.stream().map(PaymentData::customerNumber).toList());
    customers.lockForAllocation(allocating.values());
    AllocationPlanner planner =
        new AllocationPlanner(
            invoices, allocating.values(), fresh.stream().map(PaymentData::parts).toList());
    List<Allocation> plans = new ArrayList<>();
    for (int row = 0; row < items.size(); row++) {
      PaymentData item = items.get(row);
      plans.add(null);
      if (invalid.contains(row)) {
        continue;
      }
      NamedCustomer customer = customersByNumber.get(item.customerNumber());
      if (customer == null) {
        errors.add(
            new RowError(
                row, "customerNumber", "no customer with number " + item.customerNumber()));
        continue;
      }
      PaymentFacts earlier = existing.get(item.externalId());
      if (earlier != null) {
        if (!earlier.isSameAs(item, customer.id())) {
          errors.add(
              new RowError(
                  row,
                  "externalId",
                  "payment "
                      + item.externalId()
                      + " was recorded earlier with other details; a payment cannot change"));
        }
        continue;
      }
      Money amount = new Money(item.amount(), Currency.getInstance(item.currency()));
      plans.set(
          row,
          planner.plan(
              row, allocating.get(item.customerNumber()), amount, item.parts(), "payment", errors));
    }
    return new Plan(errors, allocating, existing, plans);
  }
}
