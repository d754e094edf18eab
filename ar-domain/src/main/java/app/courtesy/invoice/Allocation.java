package app.courtesy.invoice;

import app.courtesy.shared.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How an amount received (a payment, a credit note) is applied to open invoices: oldest due date
 * first, then by invoice number, each invoice at most up to what is open on it, only invoices of
 * the amount's currency. What is left is unapplied credit of the customer.
 *
 * @param parts the amount applied to each invoice, in order
 * @param unapplied what could not be applied (zero when everything found an invoice)
 */
public record Allocation(List<Part> parts, Money unapplied) {

  public record Part(OpenItem item, Money amount) {}

  public static Allocation oldestDueFirst(Money available, List<OpenItem> openItems) {
    List<Part> parts = new ArrayList<>();
    Money left = available;
    List<OpenItem> ordered =
        openItems.stream()
            .filter(item -> item.open().currency().equals(available.currency()))
            .filter(item -> item.open().isPositive())
            .sorted(Comparator.comparing(OpenItem::dueDate).thenComparing(OpenItem::invoiceNumber))
            .toList();
    for (OpenItem item : ordered) {
      if (!left.isPositive()) {
        break;
      }
      Money part = left.compareTo(item.open()) < 0 ? left : item.open();
      parts.add(new Part(item, part));
      left = left.minus(part);
    }
    return new Allocation(List.copyOf(parts), left);
  }
}
