package app.courtesy.invoice;

import app.courtesy.customer.Customer;
import app.courtesy.shared.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is open on customers' invoices while one batch of payments or credit notes is planned: read
 * from the database for all the batch's customers at once, then reduced by every allocation the
 * batch plans, so two items of one batch never apply the same open amount twice.
 */
public final class OpenBalances {

  private final InvoiceRepository invoices;
  private final Map<Long, List<OpenItem>> loaded;
  private final Map<String, List<OpenItem>> byCustomerAndCurrency = new HashMap<>();

  /**
   * @param customers the customers whose balances the batch will read; others are read when asked
   *     for
   */
  public OpenBalances(InvoiceRepository invoices, Collection<Customer> customers) {
    this.invoices = invoices;
    this.loaded = new HashMap<>(invoices.openItems(customers));
    customers.forEach(c -> loaded.putIfAbsent(c.getId(), List.of()));
  }

  /** The customer's open items in this currency, as the batch has left them so far. */
  public List<OpenItem> openItems(Customer customer, Currency currency) {
    return List.copyOf(items(customer, currency));
  }

  /**
   * What is open on the customer's invoice of {@code invoiceId} in this currency now, or zero if
   * nothing is (or it is not issued).
   */
  public Money openOn(Customer customer, long invoiceId, Currency currency) {
    return items(customer, currency).stream()
        .filter(item -> item.invoiceId() == invoiceId)
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
        key ->
            loaded.computeIfAbsent(customer.getId(), id -> invoices.openItems(customer)).stream()
                .filter(item -> item.open().currency().equals(currency))
                .collect(Collectors.toCollection(ArrayList::new)));
  }
}
