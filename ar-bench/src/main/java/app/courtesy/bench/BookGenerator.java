package app.courtesy.bench;

import app.courtesy.demo.DemoReceivables;
import app.courtesy.invoice.Delivery;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Fills the ledger with a book at scale, set-based in SQL: customers in thirteen markets (country,
 * time zone, language, currency), one or two contacts each, and invoices issued over the last two
 * years whose amounts, payment terms and days to settle are drawn from the IBM sample. An invoice
 * whose sampled settle day has passed is paid (a payment allocated to it); the rest are open, some
 * of them never paid. The same seed gives the same book.
 *
 * <p>Ids are taken above the sequences' current values, and the sequences moved past them, so the
 * running application keeps allocating ids without collisions.
 *
 * <p>It fills PostgreSQL (the benchmark) and H2 (a quick start at scale, {@code ./courtesy
 * generate}) with the same SQL; where the two differ (emptying tables, seeding the random numbers,
 * the allocation triggers) it asks {@link #postgreSql}.
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
          new Market("ES", "Europe/Madrid", "es-ES", "EUR", "0.9", 2),
          new Market("IT", "Europe/Rome", "it-IT", "EUR", "0.9", 2),
          new Market("NL", "Europe/Amsterdam", "nl-NL", "EUR", "0.9", 2),
          new Market("CH", "Europe/Zurich", "de-CH", "CHF", "0.9", 2),
          new Market("CA", "America/Toronto", "en-CA", "CAD", "1.35", 2),
          new Market("AU", "Australia/Sydney", "en-AU", "AUD", "1.5", 2),
          new Market("JP", "Asia/Tokyo", "ja-JP", "JPY", "150", 0));

  /**
   * What the dunning runs (their late-payment charges, daily snapshots, what the reminders did and
   * webhook events too), the dispatcher and the work on cases write, and the customers' variants in
   * template experiments, emptied together (they reference each other).
   */
  private static final String REMINDER_TABLES =
      "portal_link, customer_upload, reply_suggestion, inbound_reply, communication,"
          + " collector_task, outbox_item, outbox_message, invoice_reminder, dunning_run,"
          + " dunning_step, dunning_window, promise_invoice, promise_to_pay, dispute,"
          + " arrangement_invoice, instalment, arrangement, collection_case, charge_waiver,"
          + " charge_settlement, charge_line, charge_document, charge_accrual, charge_run,"
          + " receivables_day, credit_sales_day, case_collected_day, reminded_invoice,"
          + " reminder_effect, reminder_effect_day, template_experiment_customer, webhook_delivery,"
          + " webhook_event";

  /** Payments and credit notes, with what was reversed, unwound and refunded of them. */
  private static final String RECEIPT_TABLES =
      "unwound_allocation, receipt_reversal, credit_refund, credit_allocation, payment_allocation,"
          + " credit_note, payment";

  private final Connection db;
  private final LocalDate today;
  private final boolean postgreSql;

  BookGenerator(Connection db, LocalDate today) throws SQLException {
    this.db = db;
    this.today = today;
    this.postgreSql = db.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
  }

  /**
   * Refuses any PostgreSQL database whose name does not end in {@code _bench}: it is about to be
   * emptied. (An H2 database is a file of its own, named by whoever asks for the book.)
   */
  void requireBenchDatabase() throws SQLException {
    String name = db.getCatalog();
    if (postgreSql && !name.endsWith("_bench")) {
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
    truncate(REMINDER_TABLES + ", " + RECEIPT_TABLES);
    // The promises and arrangements went with the tables above; their marks on invoices go too.
    execute(
        "update invoice set allocated = 0, promised_until = null, arranged = false"
            + " where allocated <> 0 or promised_until is not null or arranged",
        "analyze invoice");
    inTransaction(this::insertDisputes);
  }

  /**
   * Gives the book a year of daily figures, as if the daily run had written them: the credit sales
   * of each day from the invoices, and the receivables of each day up to the day before yesterday
   * drawn from today's open book with a seasonal swing of a few per cent (the benchmark's book has
   * no past to replay). Yesterday is left to the dunning run, as on any weekday.
   */
  void writeYearOfFigures() throws SQLException {
    if (!postgreSql) {
      throw new IllegalStateException("The year of figures is written on PostgreSQL only.");
    }
    inTransaction(
        () ->
            execute(
                "truncate receivables_day, credit_sales_day",
                "insert into credit_sales_day (business_date, currency, amount)"
                    + " select issue_date, currency, sum(amount) from invoice"
                    + " where state <> 'CANCELLED' and issue_date < current_date"
                    + " and issue_date >= current_date - 730 group by issue_date, currency",
                """
                insert into receivables_day (business_date, currency, open_amount, overdue_amount,
                    overdue_1_30, overdue_31_60, overdue_61_90, overdue_over_90, open_items,
                    overdue_items, cash_received, written_at)
                select d.day, b.currency, round(b.open * w.f, 4), round(b.overdue * w.f, 4),
                       round(b.o30 * w.f, 4), round(b.o60 * w.f, 4), round(b.o90 * w.f, 4),
                       round(b.older * w.f, 4), round(b.items * w.f), round(b.late * w.f),
                       round(b.open / 45 * w.f, 4), now()
                  from (select cast(g as date) as day
                          from generate_series(current_date - 365, current_date - 2,
                                               interval '1 day') g) d
                 cross join (select currency, sum(amount - allocated) as open,
                        sum(case when due_date < current_date then amount - allocated else 0 end)
                          as overdue,
                        sum(case when due_date < current_date and due_date >= current_date - 30
                                 then amount - allocated else 0 end) as o30,
                        sum(case when due_date < current_date - 30 and due_date >= current_date - 60
                                 then amount - allocated else 0 end) as o60,
                        sum(case when due_date < current_date - 60 and due_date >= current_date - 90
                                 then amount - allocated else 0 end) as o90,
                        sum(case when due_date < current_date - 90 then amount - allocated else 0 end)
                          as older,
                        count(*) as items,
                        sum(case when due_date < current_date then 1 else 0 end) as late
                   from invoice where state = 'ISSUED' and amount > allocated group by currency) b
                 cross join lateral (select cast(1 + 0.06 * sin((current_date - d.day) / 58.0) as numeric)
                                           as f) w
                """,
                "analyze receivables_day",
                "analyze credit_sales_day"));
  }

  /** Forgets every dunning run, outbox message and log entry, as if no reminder was ever sent. */
  void resetReminders() throws SQLException {
    truncate(REMINDER_TABLES);
  }

  /** Empties the ledger (users and settings stay) and loads the sample and markets to draw from. */
  private void reset(double seed) throws SQLException {
    truncate(
        REMINDER_TABLES
            + ", "
            + RECEIPT_TABLES
            + ", invoice_instalment, invoice, contact, customer, idempotency_record");
    if (postgreSql) {
      // The trigram index on invoice numbers takes the new rows into its pending list, merged into
      // the index in one pass by the vacuum after the load, not every 4 MB on the way.
      execute("set max_parallel_workers_per_gather = 0", "set gin_pending_list_limit = '1GB'");
    }
    execute(
        "drop table if exists bench_market, bench_sample",
        createWorkTable()
            + " bench_market (n int primary key, country varchar(2), zone varchar(64),"
            + " locale varchar(35), currency varchar(3), factor numeric, digits int)",
        createWorkTable()
            + " bench_sample (n int primary key, amount numeric, term int, settle int,"
            + " paper boolean)");
    try (PreparedStatement insert =
        db.prepareStatement("insert into bench_market values (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < MARKETS.size(); i++) {
        Market m = MARKETS.get(i);
        insert.setInt(1, i);
        insert.setString(2, m.country());
        insert.setString(3, m.zone());
        insert.setString(4, m.locale());
        insert.setString(5, m.currency());
        insert.setBigDecimal(6, new BigDecimal(m.factor()));
        insert.setInt(7, m.digits());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        db.prepareStatement("insert into bench_sample values (?, ?, ?, ?, ?)")) {
      List<DemoReceivables.Row> rows = DemoReceivables.asOf(today);
      for (int i = 0; i < rows.size(); i++) {
        DemoReceivables.Row row = rows.get(i);
        insert.setInt(1, i);
        insert.setBigDecimal(2, row.amount());
        insert.setInt(3, (int) ChronoUnit.DAYS.between(row.issueDate(), row.dueDate()));
        if (row.isPaid()) {
          insert.setInt(4, (int) ChronoUnit.DAYS.between(row.issueDate(), row.paidOn()));
        } else {
          insert.setNull(4, Types.INTEGER);
        }
        insert.setBoolean(5, row.delivery() == Delivery.PAPER);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    // The same seed, the same sequence of random() below, on either database.
    execute(
        postgreSql
            ? "select setseed(" + seed + ")"
            : "select random(" + (int) (seed * Integer.MAX_VALUE) + ")");
  }

  /** Work tables need no crash safety: on PostgreSQL they skip the write-ahead log. */
  private String createWorkTable() {
    return postgreSql ? "create unlogged table" : "create table";
  }

  /**
   * Customers, contacts, invoices, the payments of the settled ones and the disputes of the
   * disputed ones, in one transaction.
   */
  private void generate(int invoiceCount) throws SQLException {
    inTransaction(
        () -> {
          insertBook(invoiceCount);
          insertDisputes();
        });
    // As after any bulk load: statistics for the planner, and a visibility map so that
    // index-only scans and counts need not visit every page.
    execute(postgreSql ? "vacuum analyze" : "analyze");
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
    // On PostgreSQL the invoices carry their allocated totals as they go in, and the triggers
    // that keep those totals are off while the allocations follow, in this transaction only. H2
    // cannot switch a trigger off: there the invoices start at nothing allocated and its Java
    // trigger adds each allocation.
    String allocated =
        postgreSql
            ? "case when s.settle < p.age then round(s.amount * m.factor, m.digits) else 0 end"
            : "0";
    // The market is the customer's number modulo the markets; the name is drawn from the rest of
    // it, so that names and markets do not go together (no "Oak" is only ever American).
    execute(
        "insert into customer (id, number, name, country, time_zone, locale, currency, version,"
            + " created_at, external_id)"
            + " select "
            + customerBase
            + " + g, 'B' || lpad(cast(g as varchar), 7, '0'),"
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
            + ") s(g) join bench_market m on m.n = g % "
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
            + " 'ap' || k || '.' || c.g || '@customers.example',"
            + " '+1 555 ' || lpad(cast(c.g % 10000 as varchar), 4, '0'),"
            + " case when c.g % 3 = 0 then '+1 555 9' || lpad(cast(c.g % 1000 as varchar), 3, '0')"
            + " end,"
            + " case when c.g % 7 = 0 then 'SMS' when c.g % 11 = 0 then 'PHONE' else 'EMAIL' end,"
            + " c.g % 50 = 0, false, 0, now()"
            + " from generate_series(1, "
            + customerCount
            + ") c(g) cross join generate_series(0, 1) n(k) where k = 0 or c.g % 3 = 0",
        "drop table if exists bench_plan",
        createWorkTable()
            + " bench_plan as select g,"
            + " 1 + cast(floor(random() * "
            + customerCount
            + ") as int) as customer,"
            + " cast(floor(random() * (select count(*) from bench_sample)) as int) as sample,"
            + " cast(floor(random() * "
            + SPAN_DAYS
            + ") as int) as age"
            + " from generate_series(1, "
            + invoiceCount
            + ") s(g)",
        "insert into invoice (id, number, customer_id, issue_date, due_date, currency, amount,"
            + " version, created_at, external_id, state, disputed, delivery, allocated)"
            + " select "
            + invoiceBase
            + " + p.g, 'BI' || lpad(cast(p.g as varchar), 8, '0'), "
            + customerBase
            + " + p.customer, "
            + today
            + " - p.age, "
            + today
            + " - p.age + s.term, m.currency, round(s.amount * m.factor, m.digits), 0, now(),"
            + " 'bench-invoice-' || p.g, 'ISSUED', s.settle is null,"
            + " case when s.paper then 'PAPER' else 'ELECTRONIC' end,"
            + allocated
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
            + " 'BI' || lpad(cast(p.g as varchar), 8, '0'), 0, now(), 'bench-payment-' || p.g,"
            + " 'transfer'"
            + " from bench_plan p join bench_sample s on s.n = p.sample"
            + " join bench_market m on m.n = p.customer % "
            + markets
            + " where s.settle < p.age");
    if (postgreSql) {
      execute("alter table payment_allocation disable trigger user");
    }
    execute(
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
            + paymentBase);
    if (postgreSql) {
      execute("alter table payment_allocation enable trigger user");
    }
    execute("drop table bench_plan");
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
            + " source, version)"
            + " select "
            + base
            + " + row_number() over (order by i.id), i.id, i.customer_id,"
            + " (array['PRICING','GOODS_SERVICE','NOT_RECEIVED','ALREADY_PAID','OTHER'])"
            + "[1 + i.id % 5], 'Raised by the customer on a call', 'admin',"
            + " cast(least(i.due_date + 10, date '"
            + today
            + "') as timestamp) at time zone 'UTC', 'COLLECTOR', 0"
            + " from invoice i where i.disputed");
    moveSequence("dispute_seq", base + count("dispute"));
  }

  /**
   * Replaces the ledger with a generated book of {@code invoiceCount} invoices ({@link #reset},
   * {@link #generate}) and says what it holds and how long it took.
   */
  String fill(double seed, int invoiceCount) throws SQLException {
    long started = System.nanoTime();
    reset(seed);
    generate(invoiceCount);
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format(
        Locale.ROOT,
        "Book: %,d customers, %,d contacts, %,d invoices (%,d open), %,d payments, %,d disputes;"
            + " generated in %.1f s.",
        count("customer"),
        count("contact"),
        count("invoice"),
        count("invoice_open_item"),
        count("payment"),
        count("dispute"),
        seconds);
  }

  /** Counts a table's rows. */
  long count(String table) throws SQLException {
    return Long.parseLong(query("select count(*) from " + table));
  }

  private long nextId(String sequence) throws SQLException {
    return Long.parseLong(query("select nextval('" + sequence + "')"));
  }

  private void moveSequence(String sequence, long past) throws SQLException {
    execute(String.format(Locale.ROOT, "alter sequence %s restart with %d", sequence, past + 50));
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
   * transaction that empties it. H2 truncates one table at a time, with the references between them
   * unchecked meanwhile, and fires no trigger for it.
   */
  private void truncate(String tables) throws SQLException {
    if (postgreSql) {
      inTransaction(
          () ->
              execute(
                  "alter table communication disable trigger communication_append_only",
                  "truncate " + tables,
                  "alter table communication enable trigger communication_append_only"));
      return;
    }
    execute("set referential_integrity false");
    try {
      for (String table : tables.split("\\s*,\\s*")) {
        execute("truncate table " + table);
      }
    } finally {
      execute("set referential_integrity true");
    }
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
}
