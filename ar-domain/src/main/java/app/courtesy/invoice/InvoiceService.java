package app.courtesy.invoice;

import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.customer.NamedCustomer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Creates and updates invoices from ERP data, keyed by external id. A batch is checked as a whole
 * first — fields, duplicates within the batch, unknown customers, numbers taken by other invoices,
 * money changes on invoices with allocations — and written only if nothing is wrong.
 *
 * <p>The ERP's {@code disputed} is its word, not the invoice's flag: a change of it goes to {@link
 * DisputeFeed}, which opens or ends the ERP's own dispute; absent, it changes nothing.
 */
@ApplicationScoped
@Transactional
public class InvoiceService {

  @Inject private InvoiceRepository invoices;
  @Inject private CustomerRepository customers;
  @Inject private InputValidator input;
  @Inject private DisputeFeed disputes;
  @Inject private Clock clock;

  /** What {@link #upsert} would refuse, without writing anything. */
  public List<RowError> check(List<InvoiceData> items) {
    return check(items, Map.of());
  }

  /**
   * As {@link #check(List)}, with customers this transaction already read, by number: only the
   * others are read.
   */
  public List<RowError> check(List<InvoiceData> items, Map<String, NamedCustomer> known) {
    return plan(items, known).errors();
  }

  public UpsertResult upsert(List<InvoiceData> items) {
    return upsert(items, Map.of());
  }

  /**
   * As {@link #upsert(List)}, with customers this transaction already read, by number: only the
   * others are read.
   */
  public UpsertResult upsert(List<InvoiceData> items, Map<String, NamedCustomer> known) {
    Plan plan = plan(items, known);
    Rows.requireNone(plan.errors());
    OffsetDateTime now = OffsetDateTime.now(clock);
    UpsertResult result = UpsertResult.none();
    // Only the invoices the data may change are loaded, with their customers; one it says again as
    // it is stays unread.
    List<InvoiceData> changing =
        IntStream.range(0, items.size())
            .filter(row -> !plan.saidAgain().get(row))
            .mapToObj(items::get)
            .toList();
    Map<String, Invoice> revised =
        invoices.byExternalId(
            changing.stream()
                .map(InvoiceData::externalId)
                .filter(plan.existing()::containsKey)
                .toList());
    Map<String, Customer> customersByNumber =
        customers.byNumber(changing.stream().map(InvoiceData::customerNumber).toList());
    List<Invoice> created = new ArrayList<>();
    // What the ERP says anew of a dispute, by external id in the batch's order.
    Map<String, Boolean> disputedNow = new LinkedHashMap<>();
    for (InvoiceData item : items) {
      Customer customer = customersByNumber.get(item.customerNumber());
      Invoice invoice = revised.get(item.externalId());
      // A new invoice has no dispute to end: only the ERP's "disputed" acts on it.
      Optional<Boolean> said = Optional.of(false);
      if (!plan.existing().containsKey(item.externalId())) {
        created.add(new Invoice(item, customer, now));
        result = result.count(Outcome.CREATED);
      } else if (invoice == null) {
        // It says again what the invoice holds, what the ERP said of a dispute too.
        result = result.count(Outcome.UNCHANGED);
        continue;
      } else {
        said = invoice.getFeedDisputed();
        result = result.count(invoice.revise(item, customer) ? Outcome.UPDATED : Outcome.UNCHANGED);
      }
      if (item.disputed() != null && !said.equals(Optional.of(item.disputed()))) {
        disputedNow.put(item.externalId(), item.disputed());
      }
    }
    invoices.addAll(created);
    if (!disputedNow.isEmpty()) {
      // The new invoices among them are loaded now that they are written.
      Map<String, Invoice> fresh =
          invoices.byExternalId(
              disputedNow.keySet().stream().filter(id -> !revised.containsKey(id)).toList());
      Map<Invoice, Boolean> disputedByErp = new LinkedHashMap<>();
      disputedNow.forEach(
          (externalId, disputed) ->
              disputedByErp.put(revised.getOrDefault(externalId, fresh.get(externalId)), disputed));
      disputes.reported(disputedByErp);
    }
    return result;
  }

  /**
   * @param saidAgain the rows that say again, field for field, what their invoice holds (without a
   *     schedule, which only the invoice's instalments can be compared with)
   */
  private record Plan(
      List<RowError> errors, Map<String, InvoiceFacts> existing, BitSet saidAgain) {}

  private Plan plan(List<InvoiceData> items, Map<String, NamedCustomer> known) {
    Map<String, NamedCustomer> customersByNumber =
        customers.namedByNumber(
            items.stream().filter(Objects::nonNull).map(InvoiceData::customerNumber).toList(),
            known);
    Map<String, InvoiceFacts> existing =
        invoices.factsByExternalId(
            items.stream().filter(Objects::nonNull).map(InvoiceData::externalId).toList());
    BitSet saidAgain = new BitSet(items.size());
    for (int row = 0; row < items.size(); row++) {
      InvoiceData item = items.get(row);
      InvoiceFacts stored = item == null ? null : existing.get(item.externalId());
      NamedCustomer customer = item == null ? null : customersByNumber.get(item.customerNumber());
      if (stored != null
          && customer != null
          && item.schedule() == null
          && stored.matches(item, customer.id())) {
        saidAgain.set(row);
      }
    }
    // What a row says again was checked when it was written: a file sent again is compared, not
    // checked anew.
    List<RowError> errors = new ArrayList<>(input.rows(items, saidAgain::get));
    errors.addAll(Rows.duplicates(items, InvoiceData::externalId, "externalId"));
    errors.addAll(Rows.duplicates(items, InvoiceData::number, "number"));
    Set<Integer> invalid = Rows.rowsIn(errors);

    // An invoice that keeps its number holds it: only new numbers are looked up.
    Map<String, Optional<String>> holders =
        invoices.externalIdsByNumber(
            items.stream()
                .filter(Objects::nonNull)
                .filter(
                    item ->
                        !existing.containsKey(item.externalId())
                            || !existing.get(item.externalId()).number().equals(item.number()))
                .map(InvoiceData::number)
                .toList());
    for (int row = 0; row < items.size(); row++) {
      InvoiceData item = items.get(row);
      if (invalid.contains(row)) {
        continue;
      }
      if (item.dueDate().isBefore(item.issueDate())) {
        errors.add(new RowError(row, "dueDate", "must not be before the issue date"));
      } else {
        errors.addAll(PaymentSchedule.problems(row, item));
      }
      NamedCustomer customer = customersByNumber.get(item.customerNumber());
      if (customer == null) {
        errors.add(
            new RowError(
                row, "customerNumber", "no customer with number " + item.customerNumber()));
        continue;
      }
      Optional<String> holder = holders.get(item.number());
      if (holder != null && !holder.equals(Optional.of(item.externalId()))) {
        errors.add(
            new RowError(
                row, "number", "invoice number " + item.number() + " belongs to another invoice"));
      }
      InvoiceFacts invoice = existing.get(item.externalId());
      if (invoice != null && invoice.outgrowsSchedule(item)) {
        errors.add(
            new RowError(
                row,
                "schedule",
                "invoice "
                    + invoice.number()
                    + " is paid in instalments: send its schedule with its new amount or due"
                    + " date"));
      }
      if (invoice != null
          && invoice.hasAllocations()
          && invoice.changesMoney(item, customer.id())) {
        errors.add(
            new RowError(
                row,
                "amount",
                "invoice "
                    + invoice.number()
                    + " has payments or credits applied: its customer, currency and amount"
                    + " cannot change"));
      }
    }
    return new Plan(errors, existing, saidAgain);
  }
}
