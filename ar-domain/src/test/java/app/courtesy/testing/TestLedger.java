package app.courtesy.testing;

import app.courtesy.collection.DisputeReason;
import app.courtesy.collection.DisputeSource;
import app.courtesy.collection.Disputes;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactData;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerData;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceData;
import app.courtesy.invoice.InvoiceService;
import app.courtesy.invoice.InvoiceState;
import app.courtesy.payment.Payment;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Writes the ledger entries a test needs, each with numbers no other test uses. */
@ApplicationScoped
@Transactional
public class TestLedger {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private ContactService contacts;
  @Inject private InvoiceService invoices;
  @Inject private Disputes disputes;

  public Customer customer(String name, String currency) {
    return customer(name, currency, "CH", "Europe/Zurich", "de-CH");
  }

  public Customer customer(
      String name, String currency, String country, String timeZone, String locale) {
    String number = unique("C");
    Customer customer =
        new Customer(
            new CustomerData(
                number, number, name, country, timeZone, locale, currency, null, null, null),
            null,
            null,
            OffsetDateTime.now());
    em.persist(customer);
    return customer;
  }

  public Invoice invoice(Customer customer, LocalDate dueDate, String amount) {
    return invoice(customer, dueDate, amount, customer.getCurrency().getCurrencyCode());
  }

  public Invoice invoice(Customer customer, LocalDate dueDate, String amount, String currency) {
    return invoice(customer, dueDate.minusDays(30), dueDate, amount, currency);
  }

  /** An invoice issued on {@code issued}, in the customer's currency. */
  public Invoice invoice(Customer customer, LocalDate issued, LocalDate dueDate, String amount) {
    return invoice(customer, issued, dueDate, amount, customer.getCurrency().getCurrencyCode());
  }

  private Invoice invoice(
      Customer customer, LocalDate issued, LocalDate dueDate, String amount, String currency) {
    Customer managed = em.find(Customer.class, customer.getId());
    String number = unique("I");
    Invoice invoice =
        new Invoice(
            new InvoiceData(
                number,
                number,
                managed.getNumber(),
                issued,
                dueDate,
                currency,
                new BigDecimal(amount),
                null,
                null,
                null,
                null,
                null),
            managed,
            OffsetDateTime.now());
    em.persist(invoice);
    return invoice;
  }

  public void pay(Invoice invoice, String amount, LocalDate on) {
    Invoice managed = em.find(Invoice.class, invoice.getId());
    Money money = Money.of(amount, managed.getAmount().currency().getCurrencyCode());
    Payment payment =
        new Payment(
            unique("P"), managed.getCustomer(), on, money, null, "test", OffsetDateTime.now());
    payment.allocate(managed, money);
    em.persist(payment);
  }

  /** The ERP sends the invoice again as it was, now in {@code state} (cancelled, written off). */
  public void erpState(Invoice invoice, InvoiceState state) {
    Invoice managed = em.find(Invoice.class, invoice.getId());
    invoices.upsert(
        List.of(
            new InvoiceData(
                managed.getNumber(),
                managed.getNumber(),
                managed.getCustomer().getNumber(),
                managed.getIssueDate(),
                managed.getDueDate(),
                managed.getAmount().currency().getCurrencyCode(),
                managed.getAmount().amount(),
                null,
                state,
                null,
                null,
                null)));
  }

  /**
   * Runs {@code update} in the database itself, past every check: data written before today's
   * rules. Dates are bound as SQL dates.
   */
  public void unchecked(String update, Object... parameters) {
    var query = em.createNativeQuery(update);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(
          i + 1,
          parameters[i] instanceof LocalDate date ? java.sql.Date.valueOf(date) : parameters[i]);
    }
    query.executeUpdate();
  }

  /**
   * A contact reached by email, as an ERP would send it.
   *
   * @return the contact's external id
   */
  public String contact(Customer customer, String email, boolean optedOut) {
    String externalId = unique("K");
    contacts.upsert(List.of(contactData(externalId, customer, email, optedOut)));
    return externalId;
  }

  /** The ERP sends the contact again, now opted out of email. */
  public void optOut(Customer customer, String externalId) {
    Contact contact =
        em.createQuery("select c from Contact c where c.externalId = :id", Contact.class)
            .setParameter("id", externalId)
            .getSingleResult();
    contacts.upsert(List.of(contactData(externalId, customer, contact.getEmail(), true)));
  }

  private static ContactData contactData(
      String externalId, Customer customer, String email, boolean optedOut) {
    return new ContactData(
        externalId,
        customer.getNumber(),
        "Hannah Weber",
        "Ms",
        "Accounts payable",
        email,
        null,
        null,
        Channel.EMAIL,
        optedOut,
        false);
  }

  /**
   * Sets what the workbench sets on an invoice: disputed (a collector's dispute, as the case page
   * records it), or promised to be paid by a date.
   */
  public void flag(Invoice invoice, boolean disputed, LocalDate promisedUntil) {
    if (disputed) {
      disputes.open(
          List.of(em.find(Invoice.class, invoice.getId())),
          DisputeReason.PRICING,
          null,
          DisputeSource.COLLECTOR,
          "test");
    }
    em.createNativeQuery("update invoice set promised_until = cast(?1 as date) where id = ?2")
        .setParameter(1, promisedUntil)
        .setParameter(2, invoice.getId())
        .executeUpdate();
  }

  /** The customer is reminded by the policy {@code policyId} rather than the default one. */
  public void policy(Customer customer, long policyId) {
    em.createNativeQuery("update customer set reminder_policy_id = ?1 where id = ?2")
        .setParameter(1, policyId)
        .setParameter(2, customer.getId())
        .executeUpdate();
  }

  /** Sets what the workbench sets on a customer: reminders paused until a date, hardship. */
  public void flag(Customer customer, LocalDate pausedUntil, boolean hardship) {
    em.createNativeQuery(
            "update customer set reminders_paused_until = cast(?1 as date), hardship = ?2"
                + " where id = ?3")
        .setParameter(1, pausedUntil)
        .setParameter(2, hardship)
        .setParameter(3, customer.getId())
        .executeUpdate();
  }

  /** What the database keeps as applied to the invoice. */
  public BigDecimal allocated(Invoice invoice) {
    return new BigDecimal(
        em.createNativeQuery("select allocated from invoice where id = ?1")
            .setParameter(1, invoice.getId())
            .getSingleResult()
            .toString());
  }

  /** Deletes the invoice's payment allocations in SQL, as a correcting script would. */
  public void removePaymentAllocations(Invoice invoice) {
    em.createNativeQuery("delete from payment_allocation where invoice_id = ?1")
        .setParameter(1, invoice.getId())
        .executeUpdate();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** Makes {@code username} the customer's collector. */
  public void assign(Customer customer, String username) {
    em.createNativeQuery(
            "update customer set collector_id = (select id from app_user where username = ?1)"
                + " where id = ?2")
        .setParameter(1, username)
        .setParameter(2, customer.getId())
        .executeUpdate();
  }

  /** Gives {@code username} an approval limit in {@code currency}. */
  public void approvalLimit(String username, String currency, String amount) {
    em.createNativeQuery(
            "insert into approval_limit (user_id, currency, amount)"
                + " select id, ?2, ?3 from app_user where username = ?1")
        .setParameter(1, username)
        .setParameter(2, currency)
        .setParameter(3, new BigDecimal(amount))
        .executeUpdate();
  }

  /** Writes a time zone on the customer without checking it, as a faulty feed or script would. */
  public void timeZone(Customer customer, String zone) {
    em.createNativeQuery("update customer set time_zone = ?1 where id = ?2")
        .setParameter(1, zone)
        .setParameter(2, customer.getId())
        .executeUpdate();
  }
}
