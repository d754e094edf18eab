package app.courtesy.bench;

import app.courtesy.demo.DemoReceivables;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * Fills the ledger with a book at scale, set-based in SQL: customers in ten markets (country, time
 * zone, language, currency), one or two contacts each, and invoices issued over the last two years
 * whose amounts, payment terms and days to settle are drawn from the IBM sample. An invoice whose
 * sampled settle day has passed is paid (a payment allocated to it); the rest are open, some of
 * them never paid. The same seed gives the same book.
 *
 * <p>Ids are taken above the sequences' current values, and the sequences moved past them, so the
 * running application keeps allocating ids without collisions.
 */
final class BookGenerator {

  /** Days over which invoices were issued, up to today. */
  static final int SPAN_DAYS = 730;

  /** One market: where customers are, how they read, what they pay in. */
  private record Market(
      String country, String zone, String locale, String currency, String factor, int digits) {}

  private static final List<Market> MARKETS =
      List.of(
          new Market("US", "America/New_York", "en-US", "USD", "1", 2),
          new Market("US", "America/Chicago", "en-US", "USD", "1", 2),
          new Market("US", "America/Los_Angeles", "en-US", "USD", "1", 2),
          new Market("GB", "Europe/London", "en-GB", "GBP", "0.8", 2),
          new Market("DE", "Europe/Berlin", "de-DE", "EUR", "0.9", 2),
          new Market("FR", "Europe/Paris", "fr-FR", "EUR", "0.9", 2),
          new Market("CH", "Europe/Zurich", "de-CH", "CHF", "0.9", 2),
          new Market("CA", "America/Toronto", "en-CA", "CAD", "1.35", 2),
          new Market("AU", "Australia/Sydney", "en-AU", "AUD", "1.5", 2),
          new Market("JP", "Asia/Tokyo", "ja-JP", "JPY", "150", 0));

  /**
   * What the dunning runs, the dispatcher and the work on cases write, emptied together (they
   * reference each other).
   */
  private static final String REMINDER_TABLES =
      "communication, collector_task, outbox_item, outbox_message, invoice_reminder, dunning_run,"
          + " dunning_step, dunning_window, promise_invoice, promise_to_pay, dispute,"
          + " arrangement_invoice, instalment, arrangement, collection_case";

  private final Connection db;
  private final LocalDate today;

  BookGenerator(Connection db, LocalDate today) {
    this.db = db;
    this.today = today;
  }

  /** Refuses any database whose name does not end in {@code _bench}: it is about to be emptied. */
  void requireBenchDatabase() throws SQLException {
    String name = query("select current_database()");
    if (!name.endsWith("_bench")) {
      throw new IllegalStateException(
          "The benchmark empties the ledger of database "
              + name
              + "; it only runs on a database whose name ends in _bench.");
    }
  }

  /**
   * Forgets every payment and credit, so every invoice of the book is open: the dunning run's worst
   * day. The applied totals the allocation triggers keep are zeroed with them.
   */
  void forgetPayments() throws SQLException {
    truncate(REMINDER_TABLES + ", credit_allocation, payment_allocation, credit_note, payment");
    // The promises and arrangements went with the tables above; their marks on invoices go too.
    execute(
        "update invoice set allocated = 0, promised_until = null, arranged = false"
            + " where allocated <> 0 or promised_until is not null or arranged",
        "analyze invoice");
    inTransaction(this::insertDisputes);
  }

  /** Forgets every dunning run, outbox message and log entry, as if no reminder was ever sent. */
  void resetReminders() throws SQLException {
    truncate(REMINDER_TABLES);
  }

  /** Empties the ledger (users and settings stay) and loads the sample and markets to draw from. */
  void reset(double seed) throws SQLException {
    truncate(
        REMINDER_TABLES
            + ", credit_allocation, payment_allocation, credit_note, payment, invoice, contact,"
            + " customer, idempotency_record");
    execute(
        "set max_parallel_workers_per_gather = 0",
        "drop table if exists bench_market, bench_sample",
        "create unlogged table bench_market (n int primary key, country varchar(2),"
            + " zone varchar(64), locale varchar(35), currency varchar(3), factor numeric,"
            + " digits int)",
        "create unlogged table bench_sample (n int primary key, amount numeric, term int,"
            + " settle int, paper boolean)");
    StringBuilder markets = new StringBuilder();
    for (int i = 0; i < MARKETS.size(); i++) {
      Market m = MARKETS.get(i);
      markets.append(
          String.join(
                  "\t",
                  String.valueOf(i),
                  m.country(),
                  m.zone(),
                  m.locale(),
                  m.currency(),
                  m.factor(),
                  String.valueOf(m.digits()))
              + "\n");
    }
    copyIn("bench_market", markets.toString());
    StringBuilder sample = new StringBuilder();
    List<DemoReceivables.Row> rows = DemoReceivables.asOf(today);
    for (int i = 0; i < rows.size(); i++) {
      DemoReceivables.Row row = rows.get(i);
      long term = ChronoUnit.DAYS.between(row.issueDate(), row.dueDate());
      String settle =
          row.isPaid()
              ? String.valueOf(ChronoUnit.DAYS.between(row.issueDate(), row.paidOn()))
              : "\\N";
      sample.append(
          String.join(
                  "\t",
                  String.valueOf(i),
                  row.amount().toPlainString(),
                  String.valueOf(term),
                  settle,
                  String.valueOf(row.delivery() == app.courtesy.invoice.Delivery.PAPER))
              + "\n");
    }
    copyIn("bench_sample", sample.toString());
    execute("select setseed(" + seed + ")");
  }

  /**
   * Customers, contacts, invoices, the payments of the settled ones and the disputes of the
   * disputed ones, in one transaction.
   */
  void generate(int invoiceCount) throws SQLException {
    inTransaction(
        () -> {
          insertBook(invoiceCount);
          insertDisputes();
        });
    // As after any bulk load: statistics for the planner, and a visibility map so that
    // index-only scans and counts need not visit every page.
    execute("vacuum analyze");
  }

  private void insertBook(int invoiceCount) throws SQLException {
    int customerCount = Math.max(1, invoiceCount / 10);
    long customerBase = nextId("customer_seq");
    long contactBase = nextId("contact_seq");
    long invoiceBase = nextId("invoice_seq");
    long paymentBase = nextId("payment_seq");
    long allocationBase = nextId("payment_allocation_seq");
    int markets = MARKETS.size();
    String today = "date '" + this.today + "'";
    // The market is the customer's number modulo the markets; the name is drawn from the rest of
    // it, so that names and markets do not go together (no "Oak" is only ever American).
    execute(
        "insert into customer (id, number, name, country, time_zone, locale, currency, version,"
            + " created_at, external_id)"
            + " select "
            + customerBase
            + " + g, 'B' || lpad(g::text, 7, '0'),"
            + " (array['Alder','Birch','Cedar','Elm','Hazel','Juniper','Linden','Maple','Oak',"
            + "'Rowan','Spruce','Willow'])[1 + (g / "
            + markets
            + ") % 12] || ' '"
            + " || (array['Freight','Supplies','Trading','Foods','Textiles','Tools','Print',"
            + "'Labs','Build','Garden','Motors'])[1 + (g / "
            + markets * 12
            + ") % 11] || ' ' || g,"
            + " m.country, m.zone, m.locale, m.currency, 0, now(), 'bench-customer-' || g"
            + " from generate_series(1, "
            + customerCount
            + ") g join bench_market m on m.n = g % "
            + markets,
        "insert into contact (id, customer_id, external_id, name, salutation, job_role, email,"
            + " phone, mobile, preferred_channel, email_opt_out, sms_opt_out, version, created_at)"
            + " select "
            + contactBase
            + " + c.g * 2 + k, "
            + customerBase
            + " + c.g, 'bench-contact-' || c.g || '-' || k,"
            + " (array['Alex','Sam','Robin','Kim','Jordan','Maria','Jean','Yuki','Lena','Omar'])"
            + "[1 + (c.g + k) % 10] || ' ' || (array['Meyer','Martin','Smith','Tanaka','Dubois',"
            + "'Keller','Brown','Rossi'])[1 + (c.g / 10 + k) % 8],"
            + " case when (c.g + k) % 2 = 0 then 'Ms' else 'Mr' end,"
            + " case k when 0 then 'Accounts payable' else 'Finance director' end,"
            + " 'ap' || k || '.' || c.g || '@customers.example', '+1 555 ' || lpad((c.g % 10000)::text, 4, '0'),"
            + " case when c.g % 3 = 0 then '+1 555 9' || lpad((c.g % 1000)::text, 3, '0') end,"
            + " case when c.g % 7 = 0 then 'SMS' when c.g % 11 = 0 then 'PHONE' else 'EMAIL' end,"
            + " c.g % 50 = 0, false, 0, now()"
            + " from generate_series(1, "
            + customerCount
            + ") c(g) cross join generate_series(0, 1) k where k = 0 or c.g % 3 = 0",
        "drop table if exists bench_plan",
        "create unlogged table bench_plan as select g,"
            + " 1 + floor(random() * "
            + customerCount
            + ")::int as customer,"
            + " floor(random() * (select count(*) from bench_sample))::int as sample,"
            + " floor(random() * "
            + SPAN_DAYS
            + ")::int as age"
            + " from generate_series(1, "
            + invoiceCount
            + ") g",
        "insert into invoice (id, number, customer_id, issue_date, due_date, currency, amount,"
            + " version, created_at, external_id, state, disputed, delivery, allocated)"
            + " select "
            + invoiceBase
            + " + p.g, 'BI' || lpad(p.g::text, 8, '0'), "
            + customerBase
            + " + p.customer, "
            + today
            + " - p.age, "
            + today
            + " - p.age + s.term, m.currency, round(s.amount * m.factor, m.digits), 0, now(),"
            + " 'bench-invoice-' || p.g, 'ISSUED', s.settle is null,"
            + " case when s.paper then 'PAPER' else 'ELECTRONIC' end,"
            + " case when s.settle < p.age then round(s.amount * m.factor, m.digits) else 0 end"
            + " from bench_plan p join bench_sample s on s.n = p.sample"
            + " join bench_market m on m.n = p.customer % "
            + markets,
        "insert into payment (id, customer_id, payment_date, currency, amount, reference, version,"
            + " created_at, external_id, method)"
            + " select "
            + paymentBase
            + " + p.g, "
            + customerBase
            + " + p.customer, "
            + today
            + " - p.age + s.settle, m.currency, round(s.amount * m.factor, m.digits),"
            + " 'BI' || lpad(p.g::text, 8, '0'), 0, now(), 'bench-payment-' || p.g, 'transfer'"
            + " from bench_plan p join bench_sample s on s.n = p.sample"
            + " join bench_market m on m.n = p.customer % "
            + markets
            + " where s.settle < p.age",
        // The invoices above carry their allocated totals already: the triggers that keep them
        // are off while the allocations go in, in this transaction only.
        "alter table payment_allocation disable trigger user",
        "insert into payment_allocation (id, payment_id, invoice_id, currency, amount)"
            + " select "
            + allocationBase
            + " + p.id - "
            + paymentBase
            + ", p.id, p.id - "
            + paymentBase
            + " + "
            + invoiceBase
            + ", p.currency, p.amount from payment p where p.id > "
            + paymentBase,
        "alter table payment_allocation enable trigger user",
        "drop table bench_plan");
    moveSequence("customer_seq", customerBase + customerCount);
    moveSequence("contact_seq", contactBase + 2L * customerCount + 2);
    moveSequence("invoice_seq", invoiceBase + invoiceCount);
    moveSequence("payment_seq", paymentBase + invoiceCount);
    moveSequence("payment_allocation_seq", allocationBase + invoiceCount);
  }

  /**
   * An open dispute for each invoice marked disputed (the sample's never-paid ones), raised ten
   * days after its due date, its reason one of the five in turn.
   */
  private void insertDisputes() throws SQLException {
    long base = nextId("dispute_seq");
    execute(
        "insert into dispute (id, invoice_id, customer_id, reason, note, opened_by, opened_at,"
            + " version)"
            + " select "
            + base
            + " + row_number() over (order by i.id), i.id, i.customer_id,"
            + " (array['PRICING','GOODS_SERVICE','NOT_RECEIVED','ALREADY_PAID','OTHER'])"
            + "[1 + i.id % 5], 'Raised by the customer on a call', 'admin',"
            + " cast(least(i.due_date + 10, date '"
            + today
            + "') as timestamp) at time zone 'UTC', 0"
            + " from invoice i where i.disputed");
    moveSequence("dispute_seq", base + count("dispute"));
  }

  /** Counts a table's rows. */
  long count(String table) throws SQLException {
    return Long.parseLong(query("select count(*) from " + table));
  }

  private long nextId(String sequence) throws SQLException {
    return Long.parseLong(query("select nextval('" + sequence + "')"));
  }

  private void moveSequence(String sequence, long past) throws SQLException {
    execute(String.format(Locale.ROOT, "select setval('%s', %d)", sequence, past + 50));
  }

  private String query(String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  /**
   * Empties the tables, the communication log among them. The log refuses truncation (migration
   * V015); the benchmark, as the owner of its own database, switches that guard off for the one
   * transaction that empties it.
   */
  private void truncate(String tables) throws SQLException {
    inTransaction(
        () ->
            execute(
                "alter table communication disable trigger communication_append_only",
                "truncate " + tables,
                "alter table communication enable trigger communication_append_only"));
  }

  private interface Work {
    void run() throws SQLException;
  }

  private void inTransaction(Work work) throws SQLException {
    db.setAutoCommit(false);
    try {
      work.run();
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  private void execute(String... statements) throws SQLException {
    try (Statement statement = db.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private void copyIn(String table, String rows) throws SQLException {
    try {
      db.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("copy " + table + " from stdin", new StringReader(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
