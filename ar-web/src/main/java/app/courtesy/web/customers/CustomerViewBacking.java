package app.courtesy.web.customers;

import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.invoice.Aging;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.OpenItem;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/** Backs {@code customers/view.xhtml?number=…}: one customer's details, balance and open items. */
@Named
@RequestScoped
public class CustomerViewBacking {

  @Inject private CustomerRepository customers;
  @Inject private InvoiceRepository invoices;
  @Inject private ReceivablesQueries receivables;
  @Inject private ContactService contactService;
  @Inject private Clock clock;

  private String number;
  private Customer customer;
  private Aging aging;
  private List<OpenItem> openItems;
  private List<Contact> contacts;

  /** View action: loads the customer named by the {@code number} parameter. */
  public void load() {
    customer = customers.findByNumber(number).orElse(null);
    if (customer == null) {
      Pages.notFound();
      return;
    }
    aging = receivables.aging(LocalDate.now(clock), customer.getId());
    openItems = invoices.openItems(customer);
    contacts = contactService.contactsOf(customer);
  }

  /** The customer's local time now, to know whether a call is welcome. */
  public ZonedDateTime getLocalTime() {
    return ZonedDateTime.now(clock.withZone(customer.getTimeZone()));
  }

  public long daysLate(OpenItem item) {
    return Math.max(0, LocalDate.now(clock).toEpochDay() - item.dueDate().toEpochDay());
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Aging getAging() {
    return aging;
  }

  public List<Contact> getContacts() {
    return contacts;
  }

  public List<OpenItem> getOpenItems() {
    return openItems;
  }
}
