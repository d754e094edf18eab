package app.courtesy.invoice;

import app.courtesy.customer.Customer;
import app.courtesy.shared.Money;
import app.courtesy.shared.RowError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans how the receipts of one batch (payments or credit notes) apply to invoices: to the invoices
 * they name, each at most up to what is open on it, or oldest due first. Every planned amount is
 * reserved for the rest of the batch, so two receipts never take the same open amount.
 */
public final class AllocationPlanner {

  private final OpenBalances balances;
  private final Map<String, NamedInvoice> named;

  /**
   * @param customers the customers of the batch, whose open items are loaded in a few queries
   * @param requested each receipt's requested parts (empty for oldest due first); the invoices they
   *     name are loaded in a few queries
   */
  public AllocationPlanner(
      InvoiceRepository invoices,
      Collection<Customer> customers,
      Collection<List<InvoicePart>> requested) {
    this.balances = new OpenBalances(invoices, customers);
    this.named =
        invoices.namedByNumber(
            requested.stream()
                .flatMap(List::stream)
                .filter(Objects::nonNull)
                .map(InvoicePart::invoiceNumber)
                .toList());
  }

  /**
   * The allocation of one receipt, or {@code null} after adding to {@code errors} what stops it.
   *
   * @param receipt what is applied, for messages: "payment", "credit note"
   */
  public Allocation plan(
      int row,
      Customer customer,
      Money amount,
      List<InvoicePart> requested,
      String receipt,
      List<RowError> errors) {
    Allocation allocation =
        requested.isEmpty()
            ? Allocation.oldestDueFirst(amount, balances.openItems(customer, amount.currency()))
            : named(row, customer, amount, requested, receipt, errors);
    if (allocation != null) {
      allocation.parts().forEach(p -> balances.use(customer, p.item().invoiceId(), p.amount()));
    }
    return allocation;
  }

  private Allocation named(
      int row,
      Customer customer,
      Money amount,
      List<InvoicePart> requested,
      String receipt,
      List<RowError> errors) {
    List<Allocation.Part> parts = new ArrayList<>();
    Money total = Money.zero(amount.currency());
    int before = errors.size();
    for (int i = 0; i < requested.size(); i++) {
      InvoicePart part = requested.get(i);
      String field = "allocations[" + i + "]";
      NamedInvoice invoice = named.get(part.invoiceNumber());
      if (invoice == null || invoice.customerId() != customer.getId()) {
        errors.add(
            new RowError(
                row,
                field + ".invoiceNumber",
                "customer " + customer.getNumber() + " has no invoice " + part.invoiceNumber()));
        continue;
      }
      Money share = new Money(part.amount(), amount.currency());
      if (!invoice.currency().equals(amount.currency())) {
        errors.add(
            new RowError(
                row,
                field + ".invoiceNumber",
                "invoice " + invoice.number() + " is in " + invoice.currency()));
        continue;
      }
      Money open = balances.openOn(customer, invoice.id(), amount.currency());
      if (invoice.state() != InvoiceState.ISSUED || share.compareTo(open) > 0) {
        errors.add(
            new RowError(
                row,
                field + ".amount",
                "is more than the " + open + " open on invoice " + invoice.number()));
      } else {
        parts.add(
            new Allocation.Part(
                new OpenItem(invoice.id(), invoice.number(), invoice.dueDate(), open), share));
        total = total.plus(share);
      }
    }
    if (total.compareTo(amount) > 0) {
      errors.add(
          new RowError(row, "allocations", "add up to more than the " + receipt + " of " + amount));
    }
    return errors.size() > before ? null : new Allocation(List.copyOf(parts), amount.minus(total));
  }
}
