package app.courtesy.invoice;

import app.courtesy.customer.Customer;
import app.courtesy.shared.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is open on a customer's invoices while one batch of payments or credit notes is planned:
 * read from the database once per customer and currency, then reduced by every allocation the batch
 * plans, so two items of one batch never apply the same open amount twice.
 */
public final class OpenBalances {

  private final InvoiceRepository invoices;
  private final Map<String, List<OpenItem>> byCustomerAndCurrency = new HashMap<>();

  public OpenBalances(InvoiceRepository invoices) {
    this.invoices = invoices;
  }

  /** The customer's open items in this currency, as the batch has left them so far. */
  public List<OpenItem> openItems(Customer customer, Currency currency) {
    return List.copyOf(items(customer, currency));
  }

  /** What is open on this invoice now, or zero if nothing is (or it is not issued). */
  public Money openOn(Invoice invoice) {
    Currency currency = invoice.getAmount().currency();
    return items(invoice.getCustomer(), currency).stream()
        .filter(item -> item.invoiceId() == invoice.getId())
        .map(OpenItem::open)
        .findFirst()
        .orElse(Money.zero(currency));
  }

  /** Records that the batch applies {@code amount} to the invoice. */
  public void use(Customer customer, long invoiceId, Money amount) {
    List<OpenItem> items = items(customer, amount.currency());
    for (int i = 0; i < items.size(); i++) {
      OpenItem item = items.get(i);
      if (item.invoiceId() == invoiceId) {
        items.set(
            i,
            new OpenItem(
                item.invoiceId(), item.invoiceNumber(), item.dueDate(), item.open().minus(amount)));
      }
    }
  }

  private List<OpenItem> items(Customer customer, Currency currency) {
    return byCustomerAndCurrency.computeIfAbsent(
        customer.getId() + "/" + currency.getCurrencyCode(),
        key -> new ArrayList<>(invoices.openItems(customer, currency)));
  }
}
