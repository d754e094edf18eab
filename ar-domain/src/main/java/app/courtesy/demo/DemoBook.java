package app.courtesy.demo;

import app.courtesy.arrangement.ApprovalLimits;
import app.courtesy.customer.Channel;
import app.courtesy.customer.ContactData;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerData;
import app.courtesy.demo.DemoReceivables.Row;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceData;
import app.courtesy.payment.Payment;
import app.courtesy.security.NewUser;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.security.UserAccountService;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty database with the demo book when {@code ar.demo-data} is true (the quick start
 * sets it): one user per role, the {@link DemoReceivables} ledger, and for the approver a limit in
 * every currency of the book, so proposals can be approved at once (the administrator has none:
 * administrators configure, approvers decide). Its invoices are numbered {@code INV-<sample
 * number>}, so the raw sample can still be imported beside it. Never touches a database that has
 * users already, so a restart keeps whatever was changed.
 */
@ApplicationScoped
public class DemoBook {

  /** A demo sign-in; the quick start prints these. */
  public record DemoUser(String username, String displayName, String password, Role role) {}

  /** The demo collector, who works every case (the demo has no other collector). */
  static final String COLLECTOR = "collector";

  /** The demo approver, who gets the {@link #demoLimit} in every currency of the book. */
  static final String APPROVER = "approver";

  public static final List<DemoUser> USERS =
      List.of(
          new DemoUser(COLLECTOR, "Casey Morgan", "collect-politely", Role.COLLECTOR),
          new DemoUser(APPROVER, "Avery Lindqvist", "approve-fairly", Role.APPROVER),
          new DemoUser("admin", "Sam Okafor", "admin-carefully", Role.ADMIN),
          new DemoUser("integration", "ERP feed", "integrate-safely", Role.INTEGRATION));

  /** A market we invoice in, and how its people are addressed. */
  private record Market(
      String country,
      String zone,
      String locale,
      String currency,
      String form,
      String ms,
      String mr) {}

  /**
   * The five country codes of the sample, read as markets we invoice in; the three largest are
   * shared, customer by customer, with a neighbouring market, so that the book also has customers
   * in every language Courtesy writes (Spain, Italy, the Netherlands).
   */
  private static final Map<String, List<Market>> MARKETS =
      Map.of(
          "391",
          List.of(
              new Market("US", "America/Chicago", "en-US", "USD", "Inc.", "Ms", "Mr"),
              new Market("ES", "Europe/Madrid", "es-ES", "EUR", "S.L.", "Sra.", "Sr.")),
          "406",
          List.of(
              new Market("DE", "Europe/Berlin", "de-DE", "EUR", "GmbH", "Frau", "Herr"),
              new Market("NL", "Europe/Amsterdam", "nl-NL", "EUR", "B.V.", "mevrouw", "heer")),
          "770",
          List.of(
              new Market("FR", "Europe/Paris", "fr-FR", "EUR", "SARL", "Madame", "Monsieur"),
              new Market("IT", "Europe/Rome", "it-IT", "EUR", "S.r.l.", "Sig.ra", "Sig.")),
          "818",
          List.of(new Market("GB", "Europe/London", "en-GB", "GBP", "Ltd", "Ms", "Mr")),
          "897",
          List.of(new Market("CA", "America/Toronto", "en-CA", "CAD", "Ltd.", "Ms", "Mr")));

  private static final String[] NAME_FIRST = {
    "Alder",
    "Birch",
    "Cedar",
    "Harbor",
    "Summit",
    "Meadow",
    "Granite",
    "Willow",
    "Beacon",
    "Riverside",
    "Juniper",
    "Orchard",
    "Lakeside",
    "Maple",
    "Copper",
    "Silverline",
    "Evergreen",
    "Bluebird",
    "Kestrel",
    "Larkspur"
  };
  private static final String[] NAME_SECOND = {
    "Trading",
    "Supplies",
    "Foods",
    "Outfitters",
    "Logistics",
    "Studios",
    "Hardware",
    "Textiles",
    "Pharmacy",
    "Bakery",
    "Engineering",
    "Print Works",
    "Garden Centre",
    "Electrics",
    "Books"
  };

  private static final Logger LOG = Logger.getLogger(DemoBook.class.getName());

  @Inject
  @ConfigProperty(name = "ar.demo-data", defaultValue = "false")
  private boolean enabled;

  @Inject private UserAccountRepository accounts;
  @Inject private UserAccountService accountService;
  @Inject private ContactService contacts;
  @Inject private ApprovalLimits approvalLimits;
  @Inject private Clock clock;
  @Inject private DemoHistory history;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /**
   * Loads the demo book if enabled and the database has no users; tells whether it did. Committed
   * on its own, whatever the caller's transaction, so what runs next (the {@link DemoHistory}) sees
   * the book.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean loadIfEmpty() {
    if (!enabled || accounts.count() > 0) {
      return false;
    }
    for (DemoUser user : USERS) {
      accountService.createDemoUser(
          new NewUser(user.username(), user.displayName(), user.password(), Set.of(user.role())));
    }
    List<Row> rows = DemoReceivables.asOf(LocalDate.now(clock));
    // The payments of the days the history plays come in as it plays them.
    LocalDate paidBefore = history.firstDay().orElse(LocalDate.MAX);
    Map<String, Customer> customers = customers(rows);
    for (Row row : rows) {
      Customer customer = customers.get(row.customerNumber());
      Money amount = new Money(row.amount(), customer.getCurrency());
      Invoice invoice =
          new Invoice(
              new InvoiceData(
                  "INV-" + row.invoiceNumber(),
                  "INV-" + row.invoiceNumber(),
                  customer.getNumber(),
                  row.issueDate(),
                  row.dueDate(),
                  amount.currency().getCurrencyCode(),
                  amount.amount(),
                  null,
                  null,
                  null,
                  row.delivery(),
                  null),
              customer,
              now());
      em.persist(invoice);
      if (row.isPaid() && row.paidOn().isBefore(paidBefore)) {
        pay(row, customer, invoice);
      }
    }
    customers.values().stream()
        .map(Customer::getCurrency)
        .distinct()
        .sorted(Comparator.comparing(Currency::getCurrencyCode))
        .forEach(
            currency ->
                approvalLimits.set(
                    APPROVER, currency.getCurrencyCode(), demoLimit(currency), "demo"));
    LOG.info(
        () ->
            "Demo book loaded: "
                + USERS.size()
                + " users, "
                + customers.size()
                + " customers, "
                + rows.size()
                + " invoices");
    return true;
  }

  /**
   * Records the demo book's payments dated {@code day}, each settling its invoice, in a transaction
   * of its own: the {@link DemoHistory} receives them day by day, so its runs remind only what was
   * open on their date. Returns how many it recorded.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int payOn(LocalDate day) {
    List<Row> paid =
        DemoReceivables.asOf(LocalDate.now(clock)).stream()
            .filter(row -> day.equals(row.paidOn()))
            .toList();
    for (Row row : paid) {
      Invoice invoice =
          em.createQuery("select i from Invoice i where i.number = :number", Invoice.class)
              .setParameter("number", "INV-" + row.invoiceNumber())
              .getSingleResult();
      pay(row, invoice.getCustomer(), invoice);
    }
    return paid.size();
  }

  /**
   * The day the book pays each invoice it pays by today, by invoice number: the demo's script, by
   * which the {@link DemoCollectors} choose whose promise the payments will keep and whose they
   * will not.
   */
  public Map<String, LocalDate> paymentDays() {
    Map<String, LocalDate> days = new HashMap<>();
    for (Row row : DemoReceivables.asOf(LocalDate.now(clock))) {
      if (row.isPaid()) {
        days.put("INV-" + row.invoiceNumber(), row.paidOn());
      }
    }
    return days;
  }

  private void pay(Row row, Customer customer, Invoice invoice) {
    Money amount = new Money(row.amount(), customer.getCurrency());
    Payment payment =
        new Payment(
            "PAY-INV-" + row.invoiceNumber(),
            customer,
            row.paidOn(),
            amount,
            "transfer",
            "Remittance " + row.invoiceNumber(),
            now());
    payment.allocate(invoice, amount);
    em.persist(payment);
  }

  /** What the demo approver may approve: 25,000 of a currency, or 3,000,000 yen. */
  private static BigDecimal demoLimit(Currency currency) {
    return new BigDecimal(currency.getCurrencyCode().equals("JPY") ? 3_000_000 : 25_000);
  }

  private Map<String, Customer> customers(List<Row> rows) {
    Map<String, String> countryByCustomer = new HashMap<>();
    rows.forEach(row -> countryByCustomer.putIfAbsent(row.customerNumber(), row.countryCode()));
    Map<String, Customer> customers = new HashMap<>();
    Map<String, Market> marketByCustomer = new HashMap<>();
    Map<String, Integer> seenInCountry = new HashMap<>();
    int index = 0;
    for (String number : new TreeSet<>(countryByCustomer.keySet())) {
      List<Market> shared = MARKETS.get(countryByCustomer.get(number));
      int nth = seenInCountry.merge(countryByCustomer.get(number), 1, Integer::sum) - 1;
      Market market = shared.get(nth % shared.size());
      marketByCustomer.put(number, market);
      String name =
          NAME_FIRST[index % NAME_FIRST.length]
              + " "
              + NAME_SECOND[(index / NAME_FIRST.length + index) % NAME_SECOND.length]
              + " "
              + market.form();
      Customer customer =
          new Customer(
              new CustomerData(
                  number,
                  number,
                  name,
                  market.country(),
                  market.zone(),
                  market.locale(),
                  market.currency(),
                  null,
                  null,
                  null),
              null,
              null,
              now());
      em.persist(customer);
      customers.put(number, customer);
      index++;
    }
    em.flush(); // the contact service looks the customers up in the database
    contacts.upsert(
        customers.values().stream()
            .map(customer -> contactFor(customer, marketByCustomer.get(customer.getNumber())))
            .toList());
    return customers;
  }

  private static final String[][] PEOPLE = {
    {"Ms", "Jordan Ellis"},
    {"Mr", "Priya Natarajan"},
    {"Ms", "Hannah Weber"},
    {"Mr", "Lucas Martin"},
    {"Ms", "Olivia Brown"},
    {"Mr", "Noah Tremblay"},
    {"Ms", "Emma Schmidt"},
    {"Mr", "Louis Bernard"}
  };

  /** The person in accounts payable we write to; greeted in the customer's language. */
  private static ContactData contactFor(Customer customer, Market market) {
    String[] person = PEOPLE[Math.floorMod(customer.getNumber().hashCode(), PEOPLE.length)];
    String salutation = person[0].equals("Ms") ? market.ms() : market.mr();
    String domain = customer.getName().toLowerCase().replaceAll("[^a-z]", "") + ".example";
    return new ContactData(
        "demo-contact-" + customer.getNumber(),
        customer.getNumber(),
        person[1],
        salutation,
        "Accounts payable",
        "ap@" + domain,
        "+1 555 0100",
        null,
        Channel.EMAIL,
        false,
        false);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
