package app.courtesy.communication;

import app.courtesy.charge.Charges;
import app.courtesy.communication.CommunicationLog.Logged;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.invoice.InvoiceListing;
import app.courtesy.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Puts together a customer's {@link Dossier}: details, invoices, late-payment charges and the whole
 * communication log.
 */
@ApplicationScoped
public class Dossiers {

  @Inject private CustomerRepository customers;
  @Inject private InvoiceListing invoices;
  @Inject private Charges charges;
  @Inject private CommunicationLog log;
  @Inject private Clock clock;

  /**
   * The dossier of the customer with this number as it stands now. The chain is verified on the
   * very entries the dossier lists, so its closing line speaks for what it shows.
   *
   * @throws NotFoundException when no customer has the number
   */
  @Transactional
  public Dossier of(String customerNumber) {
    Customer customer =
        customers
            .findByNumber(customerNumber)
            .orElseThrow(() -> new NotFoundException("Customer", customerNumber));
    List<Logged> entries = log.all(customer.getId());
    return new Dossier(
        customer.getNumber(),
        customer.getName(),
        customer.getCountry(),
        customer.getTimeZone(),
        invoices.ofCustomer(customer.getId()),
        charges.ofCustomer(customer.getId()),
        entries,
        CommunicationLog.firstBroken(entries).orElse(null),
        clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }
}
