package app.courtesy.web.customers;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.invoice.LedgerAsOf.OpenInstalment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Backs the instalments panel of {@code customers/view.xhtml}: what is open on each instalment of
 * the customer's invoices paid in instalments, read once per request.
 */
@Named
@RequestScoped
public class CustomerInstalmentsBacking {

  @Inject private LedgerAsOf ledger;
  @Inject private Clock clock;

  private List<OpenInstalment> open;

  /** The customer's open instalments, due first; empty when no invoice has a schedule. */
  public List<OpenInstalment> of(Customer customer) {
    if (open == null) {
      open = customer == null ? List.of() : ledger.openInstalments(customer, LocalDate.now(clock));
    }
    return open;
  }
}
