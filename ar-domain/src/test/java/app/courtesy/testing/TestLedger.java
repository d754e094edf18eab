package app.courtesy.testing;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.payment.Payment;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

/** Writes the ledger entries a test needs, each with numbers no other test uses. */
@ApplicationScoped
@Transactional
public class TestLedger {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Customer customer(String name, String currency) {
    Customer customer =
        new Customer(
            unique("C"),
            name,
            "CH",
            ZoneId.of("Europe/Zurich"),
            Locale.forLanguageTag("de-CH"),
            Currency.getInstance(currency),
            OffsetDateTime.now());
    em.persist(customer);
    return customer;
  }

  public Invoice invoice(Customer customer, LocalDate dueDate, String amount) {
    Customer managed = em.find(Customer.class, customer.getId());
    Invoice invoice =
        new Invoice(
            unique("I"),
            managed,
            dueDate.minusDays(30),
            dueDate,
            Money.of(amount, managed.getCurrency().getCurrencyCode()),
            OffsetDateTime.now());
    em.persist(invoice);
    return invoice;
  }

  public void pay(Invoice invoice, String amount, LocalDate on) {
    Invoice managed = em.find(Invoice.class, invoice.getId());
    Money money = Money.of(amount, managed.getAmount().currency().getCurrencyCode());
    Payment payment = new Payment(managed.getCustomer(), on, money, "test", OffsetDateTime.now());
    payment.allocate(managed, money);
    em.persist(payment);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }
}
