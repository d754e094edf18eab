package app.courtesy.bench;

import app.courtesy.bench.Application.Answer;
import app.courtesy.bench.Figures.Figure;
import app.courtesy.bench.Figures.Percentiles;
import app.courtesy.customer.Channel;
import app.courtesy.dunning.SendWindow;
import app.courtesy.dunning.StepBound;
import app.courtesy.notifications.NoDelaySockets;
import app.courtesy.outbox.MessageKind;
import app.courtesy.outbox.Outbox;
import app.courtesy.reminder.PolicyData;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.Tone;
import app.courtesy.shared.Sha256;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * Runs the ledger benchmark against a running Courtesy on PostgreSQL (see {@link Settings}) and
 * prints, then writes, its figures. Started by {@code ./courtesy benchmark}.
 */
public final class Benchmark {

  private static final String IBM_MAPPING = "IBM accounts-receivable sample";

  /** Rows each CSV import step writes first, unmeasured, to compile the path that writes. */
  private static final int WARM_UP_ROWS = 5_000;

  /** The open invoices, as the list and its index say it. */
  private static final String OPEN = "i.state = 'ISSUED' and i.amount > i.allocated";

  private static final Pattern CREATED = Pattern.compile("\"invoices\":\\{\"created\":(\\d+)");

  /** The simulated collectors' password; their usernames are {@code bench-collector-NN}. */
  private static final String COLLECTOR_PASSWORD = "tidal-basin-orchard-42";

  private static final String CASES = "/cases/";
  private static final String DASHBOARD = "/dashboard/";

  private static final String OPEN_CASES = " where k.open_customer_id is not null";
  private static final String CASE_CUSTOMER = " join customer c on c.id = k.customer_id";

  /** Rounds one collector goes through a list alone before the collectors are measured. */
  private static final int WARM_UP_ROUNDS = 3;

  /**
   * Emails sent before dispatch is measured (at most a fifth of those due): until then the server's
   * compiler takes more of the two cores than the sending itself, on code that runs once per email
   * only after a deployment's first few thousand.
   */
  private static final int WARM_UP = 10_000;

  private static final Pattern DELIVERED = Pattern.compile("\"delivered\":(\\d+)");

  /** Customers opening their page at once, through the links their reminders carried. */
  private static final int PORTAL_CUSTOMERS = 50;

  /** The token of a customer's page in an email's one-click opt-out header. */
  private static final Pattern PORTAL_LINK = Pattern.compile("/pay/([A-Za-z0-9_-]{32})/");

  /** The first line of {@code jcmd GC.heap_info}: "… heap total 1048576K, used 262144K". */
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  /** The domain the quick-start measurement creates, starts and removes (ports 31000+). */
  private static final String QUICK_START_DOMAIN = "courtesy-quick-start";

  private final Settings settings;
  private final Connection db;
  private final Figures figures = new Figures();
  private final LocalDate today = LocalDate.now();

  /** Tokens of customers' pages, from the emails the dispatch step sent; one per customer. */
  private final List<String> portalTokens = new ArrayList<>();

  private Benchmark(Settings settings, Connection db) {
    this.settings = settings;
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    try (Connection db =
        DriverManager.getConnection(
            settings.databaseUrl(), settings.databaseUser(), settings.databasePassword())) {
      new Benchmark(settings, db).run();
    }
  }

  /** One step of the run. */
  private interface Step {
    void run() throws Exception;
  }

  /** Runs {@code step} if the settings ask for it; a step that gives no figure fails the run. */
  private void measure(String name, Step step) throws Exception {
    if (!settings.runs(name)) {
      return;
    }
    int before = figures.all().size();
    step.run();
    if (figures.all().size() == before) {
      throw new IllegalStateException("The step " + name + " gave no figure.");
    }
  }

  private void run() throws Exception {
    String machine = machine();
    System.out.println("Courtesy ledger benchmark on " + machine);
    if (settings.generate()) {
      generateBook();
    }
    measure("list", this::listPaging);
    if (settings.generate()) {
      restBatch();
      csvImport(false);
      csvImport(true);
    }
    measure("dunning", this::dunningRun);
    measure("dashboard", this::dashboard);
    measure("dispatch", this::dispatch);
    measure("worklist", this::worklist);
    measure("portal", this::portal);
    measure("memory", this::memory);
    measure("quickstart", this::quickStart);
    figures.write(settings.output(), "ledger", machine);
    System.out.println("Figures written to " + settings.output().toAbsolutePath() + "/ledger.md");
  }

  private void generateBook() throws SQLException {
    BookGenerator book = new BookGenerator(db, today);
    book.requireBenchDatabase();
    System.out.printf(Locale.ROOT, "Generating a book of %,d invoices%n", settings.invoices());
    figures.note(book.fill(settings.seed(), settings.invoices()));
  }

  /**
   * The invoice list as collectors page it, {@code bench.collectors} of them at once, each in a
   * session of their own: open invoices by due date and the pages after, all invoices and their
   * pages, a customer search.
   */
  private void listPaging() throws SQLException {
    List<String> collectors = collectorAccounts(Application.api(settings));
    System.out.printf(Locale.ROOT, "Invoice list, %d collectors at once%n", collectors.size());
    Samples samples = together(collectors, this::listRound);
    int rows = 25;
    figures.add(
        latency(
            "Invoice list opened (open invoices by due date, 25 rows)",
            samples.get("opened"),
            pageSql(OPEN, 0, rows)));
    figures.add(
        latency(
            "Next pages of open invoices (pages 2–4)",
            samples.get("paged"),
            pageSql(OPEN, rows, rows)));
    figures.add(
        latency(
            "Pages of all invoices (pages 2–3)", samples.get("all"), pageSql("true", rows, rows)));
    figures.add(
        latency("Search as you type (customer name or number)", samples.get("searched"), null));
  }

  /** One collector's round through the invoice list, as the page drives it. */
  private void listRound(
      Application browser, int collector, int round, Random think, Samples samples) {
    String page = "/invoices/";
    String[] words = {"Maple", "Oak", "Cedar", "B00012", "BI0000", "Willow Tools"};
    samples.add("opened", browser.page(page), think);
    for (int i = 1; i <= 3; i++) {
      samples.add(
          "paged", browser.ajax(page, "invoices", "invoices:table", "page", paging(i * 25)), think);
    }
    browser.ajax(
        page,
        "invoices",
        "invoices:show",
        "change",
        Map.of("invoices:show_input", "ALL", "jakarta.faces.partial.render", "invoices:table"));
    for (int i = 1; i <= 2; i++) {
      samples.add(
          "all", browser.ajax(page, "invoices", "invoices:table", "page", paging(i * 25)), think);
    }
    samples.add(
        "searched",
        browser.ajax(
            page,
            "invoices",
            "invoices:search",
            "keyup",
            Map.of(
                "invoices:search",
                words[(round + collector) % words.length],
                "jakarta.faces.partial.render",
                "invoices:table")),
        think);
  }

  private static Map<String, String> paging(int first) {
    return Map.of(
        "invoices:table_pagination", "true",
        "invoices:table_first", String.valueOf(first),
        "invoices:table_rows", "25",
        "invoices:table_skipChildren", "true",
        "invoices:table_encodeFeature", "true");
  }

  /**
   * The floor of a list page: the count, up to the same limit as the list's, and the page's rows,
   * as two SQL statements.
   */
  private Percentiles pageSql(String where, int offset, int rows) throws SQLException {
    String count =
        "select count(*) from (select 1 from invoice i where "
            + where
            + " fetch first 10001 rows only) m";
    String page =
        "select i.number, c.number, c.name, i.issue_date, i.due_date, i.currency, i.amount,"
            + " i.amount - i.allocated from invoice i join customer c on c.id = i.customer_id"
            + " where "
            + where
            + " order by i.due_date, i.id offset "
            + offset
            + " limit "
            + rows;
    return timedQueries(List.of(count, page));
  }

  /** Milliseconds the statements take one after the other, over ten rounds. */
  private Percentiles timedQueries(List<String> statements) throws SQLException {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long started = System.nanoTime();
      for (String sql : statements) {
        try (Statement statement = db.createStatement();
            ResultSet result = statement.executeQuery(sql)) {
          while (result.next()) {
            result.getString(1);
          }
        }
      }
      samples.add(millis(started));
    }
    return Percentiles.of(samples);
  }

  /**
   * A page's server times (p95) from the collectors' samples, next to its floor (none for a search,
   * whose SQL the floor has no one statement for).
   */
  private static Figure latency(String measure, List<Double> samples, Percentiles floor) {
    Percentiles app = Percentiles.of(samples);
    return new Figure(
        measure + ", " + app + ", " + app.samples() + " requests",
        app.p95(),
        "ms",
        floor == null ? Double.NaN : floor.p95(),
        floor == null ? "" : "count up to 10,001 + page SELECT, one connection, p95",
        false,
        "≤ 100 ms server time (p95)");
  }

  /** Invoices through {@code POST /api/v1/invoices/batch}, against INSERT … SELECT of the same. */
  private void restBatch() throws SQLException {
    int count = settings.batchRows();
    System.out.printf(Locale.ROOT, "REST batch ingest of %,d invoices%n", count);
    plan("bench_rest", count);
    String rows =
        "select 'bench-rest-' || p.g as external_id, 'RB' || lpad(p.g::text, 8, '0') as number,"
            + " c.number as customer_number, current_date - p.age as issue_date,"
            + " current_date - p.age + s.term as due_date, c.currency,"
            + " round(s.amount * m.factor, m.digits) as amount, c.id as customer_id"
            + " from bench_rest p join bench_sample s on s.n = p.sample"
            + " join customer c on c.number = 'B' || lpad(p.customer::text, 7, '0')"
            + " join bench_market m on m.currency = c.currency and m.country = c.country"
            + " and m.zone = c.time_zone order by p.g";
    double floor =
        rolledBack(
            "insert into invoice (id, number, customer_id, issue_date, due_date, currency, amount,"
                + " version, created_at, external_id, state, disputed)"
                + " select nextval('invoice_seq'), r.number, r.customer_id, r.issue_date,"
                + " r.due_date, r.currency, r.amount, 0, now(), r.external_id, 'ISSUED', false"
                + " from ("
                + rows
                + ") r");
    List<String> json = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(rows)) {
      while (result.next()) {
        json.add(
            String.format(
                Locale.ROOT,
                "{\"externalId\":\"%s\",\"number\":\"%s\",\"customerNumber\":\"%s\","
                    + "\"issueDate\":\"%s\",\"dueDate\":\"%s\",\"currency\":\"%s\",\"amount\":\"%s\"}",
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getString(4),
                result.getString(5),
                result.getString(6),
                result.getBigDecimal(7).toPlainString()));
      }
    }
    List<String> batches = new ArrayList<>();
    for (int from = 0; from < json.size(); from += settings.batchSize()) {
      batches.add(
          "["
              + String.join(
                  ",", json.subList(from, Math.min(from + settings.batchSize(), json.size())))
              + "]");
    }
    Application api = Application.api(settings);
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(settings.batchClients());
    long started = System.nanoTime();
    List<Future<?>> sending = new ArrayList<>();
    for (int client = 0; client < settings.batchClients(); client++) {
      sending.add(
          clients.submit(
              () -> {
                for (int b = next.getAndIncrement();
                    b < batches.size();
                    b = next.getAndIncrement()) {
                  api.postJson("/api/v1/invoices/batch", batches.get(b))
                      .requireStatus(200, "Invoice batch " + b);
                }
              }));
    }
    for (Future<?> client : sending) {
      try {
        client.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    double seconds = seconds(started);
    clients.shutdown();
    int sent = json.size();
    figures.add(
        new Figure(
            String.format(
                Locale.ROOT,
                "REST batch ingest (%,d invoices, %,d per request, %d clients)",
                sent,
                settings.batchSize(),
                settings.batchClients()),
            sent / seconds,
            "invoices/s",
            count / floor,
            "INSERT … SELECT",
            true,
            "≥ 10,000 invoices/s"));
  }

  /**
   * An IBM-shaped CSV file through the import, against COPY + INSERT … SELECT of the same: open
   * invoices only, or with the sample's settled dates, which the import records as payments. First,
   * unmeasured, as on a server that has imported before (the first import after a deployment pays
   * for compiling its path): another file of the same size and shape is refused whole, then its
   * first {@value #WARM_UP_ROWS} rows (all, in a smaller file) are imported, and again.
   */
  private void csvImport(boolean settled) throws SQLException, IOException {
    int count = settings.importRows();
    String prefix = settled ? "CS" : "CO";
    System.out.printf(
        Locale.ROOT, "CSV import of %,d invoices%s%n", count, settled ? " with payments" : "");
    String path =
        "/api/v1/imports/invoices?mapping="
            + URLEncoder.encode(IBM_MAPPING, StandardCharsets.UTF_8).replace("+", "%20");
    Application api = Application.api(settings);
    vacuum();
    // Another file of the same size and shape: refused whole for a line of too few values (nothing
    // written), then its first rows imported, twice.
    byte[] other = csvFile(settled ? "WS" : "WO", count, settled);
    String lines = new String(other, StandardCharsets.UTF_8);
    long warming = System.nanoTime();
    api.postCsv(path, (lines + "WX,B0000001\n").getBytes(StandardCharsets.UTF_8))
        .requireStatus(422, "CSV warm-up, refused");
    int written = Math.min(WARM_UP_ROWS, count);
    byte[] firstRows = firstLines(lines, 1 + written).getBytes(StandardCharsets.UTF_8);
    requireCreated(api.postCsv(path, firstRows).requireStatus(200, "CSV warm-up"), written);
    requireCreated(api.postCsv(path, firstRows).requireStatus(200, "CSV warm-up again"), 0);
    System.out.printf(
        Locale.ROOT,
        "  (warm-up, unmeasured: %,d rows refused, then %,d imported and again, in %.1f s)%n",
        count,
        written,
        seconds(warming));

    byte[] csv = csvFile(prefix, count, settled);
    Files.createDirectories(settings.output());
    Files.write(settings.output().resolve(prefix + "-import.csv"), csv);
    double floor = copyFloor(csv);
    long started = System.nanoTime();
    Answer first = api.postCsv(path, csv).requireStatus(200, "CSV import");
    double seconds = seconds(started);
    requireCreated(first, count);
    figures.add(
        new Figure(
            String.format(
                Locale.ROOT,
                "CSV import, %,d %s (%.1f MiB, IBM mapping)",
                count,
                settled ? "invoices, settled ones recorded as payments" : "open invoices",
                csv.length / 1048576.0),
            seconds,
            "s",
            floor,
            "COPY + INSERT … SELECT",
            false,
            settled ? "≤ 2.5× floor" : "≤ 10 s and ≤ 2.5× floor"));
    started = System.nanoTime();
    Answer again = api.postCsv(path, csv).requireStatus(200, "CSV import again");
    double againSeconds = seconds(started);
    requireCreated(again, 0);
    figures.add(
        new Figure(
            String.format(
                Locale.ROOT, "Same file imported again (%,d rows, nothing changes)", count),
            againSeconds,
            "s",
            Double.NaN,
            "",
            false,
            "≤ 3 s, nothing written"));
  }

  /** The first {@code count} lines of {@code text}, each with its line end; it has as many. */
  private static String firstLines(String text, int count) {
    int end = 0;
    for (int line = 0; line < count; line++) {
      end = text.indexOf('\n', end) + 1;
    }
    return text.substring(0, end);
  }

  /**
   * Vacuums and analyses the book, as autovacuum would once the steps before had written: else the
   * vacuum of what the step before wrote (100,000 invoices imported, a million invoices rewritten
   * or reminded) can start during the next measure, on the same two cores (a vacuum of the invoices
   * takes 4 s here, with nothing to remove).
   */
  private void vacuum() throws SQLException {
    long started = System.nanoTime();
    try (Statement statement = db.createStatement()) {
      statement.execute("vacuum analyze");
    }
    System.out.printf(Locale.ROOT, "  (book vacuumed in %.1f s)%n", seconds(started));
  }

  /**
   * A CSV file of {@code count} new invoices numbered {@code prefix} and eight digits, of random
   * customers of the book, in the IBM sample's columns and with its amounts and terms; with its
   * settled dates when {@code settled}.
   */
  private byte[] csvFile(String prefix, int count, boolean settled)
      throws SQLException, IOException {
    plan("bench_csv", count);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    db.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyOut(
            "copy (select m.country as \"countryCode\", c.number as \"customerID\","
                + " '' as \"PaperlessDate\", '"
                + prefix
                + "' || lpad(p.g::text, 8, '0') as \"invoiceNumber\","
                + " to_char(current_date - p.age, 'FMMM/FMDD/YYYY') as \"InvoiceDate\","
                + " to_char(current_date - p.age + s.term, 'FMMM/FMDD/YYYY') as \"DueDate\","
                + " round(s.amount * m.factor, m.digits) as \"InvoiceAmount\","
                + " case when s.settle is null then 'Yes' else 'No' end as \"Disputed\","
                + " case when "
                + settled
                + " and s.settle < p.age then to_char(current_date - p.age + s.settle,"
                + " 'FMMM/FMDD/YYYY') else '' end as \"SettledDate\","
                + " case when s.paper then 'Paper' else 'Electronic' end as \"PaperlessBill\","
                + " coalesce(s.settle::text, '') as \"DaysToSettle\","
                + " greatest(coalesce(s.settle, 0) - s.term, 0) as \"DaysLate\""
                + " from bench_csv p join bench_sample s on s.n = p.sample"
                + " join customer c on c.number = 'B' || lpad(p.customer::text, 7, '0')"
                + " join bench_market m on m.currency = c.currency and m.country = c.country"
                + " and m.zone = c.time_zone order by p.g) to stdout with csv header",
            file);
    return file.toByteArray();
  }

  private static void requireCreated(Answer answer, int expected) {
    Matcher created = CREATED.matcher(answer.body());
    if (!created.find() || Integer.parseInt(created.group(1)) != expected) {
      throw new IllegalStateException(
          "The import should have created " + expected + " invoices:\n" + answer.body());
    }
  }

  /** COPY of the file into a staging table, then invoices, payments and allocations from it. */
  private double copyFloor(byte[] csv) throws SQLException, IOException {
    String date = "'MM/DD/YYYY'";
    db.setAutoCommit(false);
    try (Statement statement = db.createStatement()) {
      long started = System.nanoTime();
      statement.execute(
          "create temp table csv_staging (country_code text, customer_id text, paperless_date"
              + " text, invoice_number text, invoice_date text, due_date text, amount text,"
              + " disputed text, settled_date text, paperless_bill text, days_to_settle text,"
              + " days_late text) on commit drop");
      db.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("copy csv_staging from stdin with csv header", new ByteArrayInputStream(csv));
      statement.execute("analyze csv_staging");
      statement.execute(
          "insert into invoice (id, number, customer_id, issue_date, due_date, currency, amount,"
              + " version, created_at, external_id, state, disputed, delivery)"
              + " select nextval('invoice_seq'), s.invoice_number, c.id, to_date(s.invoice_date, "
              + date
              + "), to_date(s.due_date, "
              + date
              + "), c.currency, s.amount::numeric, 0, now(), s.invoice_number, 'ISSUED',"
              + " s.disputed = 'Yes', upper(s.paperless_bill)"
              + " from csv_staging s join customer c on c.number = s.customer_id");
      statement.execute(
          "insert into payment (id, customer_id, payment_date, currency, amount, reference,"
              + " version, created_at, external_id)"
              + " select nextval('payment_seq'), i.customer_id, to_date(s.settled_date, "
              + date
              + "), i.currency, i.amount, 'Settled ' || i.number, 0, now(),"
              + " 'settled-' || i.external_id"
              + " from csv_staging s join invoice i on i.number = s.invoice_number"
              + " where s.settled_date <> ''");
      statement.execute(
          "insert into payment_allocation (id, payment_id, invoice_id, currency, amount)"
              + " select nextval('payment_allocation_seq'), p.id, i.id, i.currency, i.amount"
              + " from csv_staging s join invoice i on i.number = s.invoice_number"
              + " join payment p on p.external_id = 'settled-' || i.external_id");
      return seconds(started);
    } finally {
      db.rollback();
      db.setAutoCommit(true);
    }
  }

  /**
   * Today's dunning run over the whole book with every invoice open and no reminder sent before
   * (every invoice due gets its first), against the same selection and messages written by one
   * INSERT … SELECT.
   */
  private void dunningRun() throws SQLException {
    BookGenerator book = new BookGenerator(db, today);
    book.requireBenchDatabase();
    book.forgetPayments();
    collectorsWork();
    PolicyData policy = defaultPolicy();
    List<StepBound> bounds = StepBound.of(policy, today);
    LocalDate latestDue =
        bounds.stream().map(StepBound::dueTo).max(LocalDate::compareTo).orElse(today);
    long open = book.count("invoice_open_item");
    book.writeYearOfFigures();
    System.out.printf(Locale.ROOT, "Dunning run over %,d open invoices%n", open);
    // Forgetting the payments rewrote every invoice: vacuumed now, the floor and the run each read
    // the book as it stands, neither beside the autovacuum of the rewrite.
    vacuum();
    double floor = Double.MAX_VALUE;
    for (int round = 0; round < 2; round++) {
      floor = Math.min(floor, dunningFloor(bounds, latestDue));
    }
    long started = System.nanoTime();
    Answer answer = Application.api(settings).postJson("/api/v1/dunning-runs?asOf=" + today, "");
    double seconds = seconds(started);
    answer.requireStatus(201, "The dunning run of " + today);
    Matcher messages = Pattern.compile("\"messages\":(\\d+)").matcher(answer.body());
    Matcher listed = Pattern.compile("\"invoices\":(\\d+)").matcher(answer.body());
    if (!messages.find() || !listed.find()) {
      throw new IllegalStateException("The run answered " + answer.body());
    }
    figures.add(
        new Figure(
            String.format(
                Locale.ROOT,
                "Dunning run, first of the book (%,d open invoices of %,d customers; %,d listed in"
                    + " %,d messages)",
                open,
                book.count("customer"),
                Long.parseLong(listed.group(1)),
                Long.parseLong(messages.group(1))),
            seconds,
            "s",
            floor,
            "messages by one INSERT … SELECT",
            false,
            "≤ 2× floor and ≤ 30 s"));
    Matcher figuresMillis = Pattern.compile("\"figuresMillis\":(\\d+)").matcher(answer.body());
    if (!figuresMillis.find()) {
      throw new IllegalStateException(
          "The run did not say what its figures took: " + answer.body());
    }
    double figuresSeconds = Long.parseLong(figuresMillis.group(1)) / 1000.0;
    figures.add(
        new Figure(
            String.format(
                Locale.ROOT,
                "Of that run, the collections figures (the receivables of the day before, the"
                    + " reminders' effects, the cash-in forecast): %.2f s",
                figuresSeconds),
            figuresSeconds / seconds * 100,
            "% of the run",
            Double.NaN,
            "",
            false,
            "≤ 20 % of the run"));
  }

  /**
   * The dashboard as an administrator opens and reads it on the book with a year of daily figures:
   * the page as it opens (six months by month), then the last year by week and by day, ten times
   * each, after one unmeasured round (the first pages after a deployment pay for compiling their
   * path). The floor is the read of the year's figures of one currency in SQL.
   */
  private void dashboard() throws SQLException {
    Application admin = Application.signedIn(settings);
    System.out.println("Dashboard, a year of daily figures");
    dashboardRound(admin, new LinkedHashMap<>());
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    for (int round = 0; round < 10; round++) {
      dashboardRound(admin, samples);
    }
    Percentiles floor =
        timedQueries(
            List.of(
                "select * from receivables_day where currency = 'EUR'"
                    + " and business_date >= current_date - 731",
                "select * from credit_sales_day where currency = 'EUR'"
                    + " and business_date >= current_date - 731"));
    Map<String, String> names =
        Map.of(
            "opened", "Dashboard opened (six months by month)",
            "WEEK", "Dashboard, the last year by week",
            "DAY", "Dashboard, the last year by day");
    samples.forEach(
        (key, times) -> {
          Percentiles app = Percentiles.of(times);
          figures.add(
              new Figure(
                  names.get(key) + ", " + app + ", " + app.samples() + " requests",
                  app.p95(),
                  "ms",
                  floor.p95(),
                  "a year of daily figures of one currency read by SQL, p95",
                  false,
                  "≤ 1 s server time (p95)"));
        });
  }

  /** Opens the dashboard, then shows the last year by week and by day; adds each server time. */
  private void dashboardRound(Application admin, Map<String, List<Double>> samples) {
    samples.computeIfAbsent("opened", k -> new ArrayList<>()).add(server(admin.page(DASHBOARD)));
    for (String by : List.of("WEEK", "DAY")) {
      samples
          .computeIfAbsent(by, k -> new ArrayList<>())
          .add(
              server(
                  admin.ajax(
                      DASHBOARD,
                      "dashboard",
                      "dashboard:show",
                      "click",
                      Map.of(
                          "dashboard:show",
                          "dashboard:show",
                          "jakarta.faces.partial.execute",
                          "dashboard",
                          "jakarta.faces.partial.render",
                          "dashboard",
                          "dashboard:from_input",
                          today.minusYears(1).toString(),
                          "dashboard:to_input",
                          today.minusDays(1).toString(),
                          "dashboard:granularity_input",
                          by))));
    }
  }

  /**
   * The book as collectors leave it before the measured day: its cases opened (and shared among the
   * benchmark's collectors), promises and instalment plans recorded on some of them.
   */
  private void collectorsWork() throws SQLException {
    Application api = Application.api(settings);
    collectorAccounts(api);
    long started = System.nanoTime();
    api.postJson("/api/v1/cases/review?asOf=" + today, "").requireStatus(200, "Case review");
    CollectorsWork.Done done = new CollectorsWork(settings, db, today).record();
    figures.note(
        String.format(
            Locale.ROOT,
            "Before the dunning run: the cases reviewed, then %,d promises to pay and %,d"
                + " instalment plans (proposed, then approved by another person) recorded through"
                + " the API, in %.1f s.",
            done.promises(),
            done.arrangements(),
            seconds(started)));
  }

  /**
   * The collectors' worklist over the book's open cases: the cases are reviewed (every customer
   * overdue beyond grace gets one, spread over {@code bench.collectors} collectors), then that many
   * collectors, each signed in with a session of their own, work the worklist at the same time the
   * way the page drives it: their own cases by priority and the pages after, sorted by amount, only
   * those needing a call, everyone's cases, a customer search. Each pauses a random moment between
   * two requests, as a person reading the page does.
   */
  private void worklist() throws SQLException {
    Application api = Application.api(settings);
    List<String> collectors = collectorAccounts(api);
    long started = System.nanoTime();
    Answer reviewed =
        api.postJson("/api/v1/cases/review?asOf=" + today, "").requireStatus(200, "Case review");
    double reviewSeconds = seconds(started);
    long open = new BookGenerator(db, today).count("collection_case where status <> 'CLOSED'");
    System.out.printf(
        Locale.ROOT,
        "Worklist: %,d open cases, %d collectors working at once%n",
        open,
        collectors.size());
    figures.note(
        String.format(
            Locale.ROOT,
            "Case review of the book: %s, in %.1f s; %,d cases open, about %,d per collector.",
            reviewed.body(),
            reviewSeconds,
            open,
            open / collectors.size()));

    Samples samples = together(collectors, this::worklistRound);

    String mine =
        " and k.assignee_id = (select id from app_user where username = '"
            + collectors.get(0)
            + "')";
    String byPriority = " order by k.priority desc, k.id desc";
    // The collectors sorted by amount before they turn to everyone's cases and search: the table
    // keeps that order.
    String byAmount = " order by k.overdue_amount desc, k.id desc";
    figures.add(
        latency(
            "Worklist opened (own cases by priority, 25 rows)",
            samples.get("opened"),
            casesSql(mine, byPriority, 0)));
    figures.add(
        latency(
            "Next pages of own cases (pages 2–4)",
            samples.get("paged"),
            casesSql(mine, byPriority, 50)));
    figures.add(
        latency(
            "Own cases sorted by overdue amount",
            samples.get("sorted"),
            casesSql(mine, byAmount, 0)));
    figures.add(
        latency(
            "Own cases needing a call, then all own again",
            samples.get("filtered"),
            casesSql(mine + " and k.needs_call", byPriority, 0)));
    figures.add(
        latency(
            "Everyone's cases ("
                + String.format(Locale.ROOT, "%,d", open)
                + ") by overdue amount, pages 1–2",
            samples.get("everyone"),
            casesSql("", byAmount, 25)));
    figures.add(
        latency(
            "Everyone's cases searched by customer name or number, by overdue amount",
            samples.get("searched"),
            casesSql(
                " and (lower(c.number) like '%oak%' or lower(c.name) like '%oak%')", byAmount, 0)));
  }

  /** One collector's round through the worklist, as the page drives it. */
  private void worklistRound(
      Application browser, int collector, int round, Random think, Samples samples) {
    String[] words = {"Maple", "Oak", "Cedar", "B00012", "Willow", "Birch"};
    samples.add("opened", browser.page(CASES), think);
    for (int page = 1; page <= 3; page++) {
      samples.add("paged", casesAjax(browser, "cases:table", "page", casesPaging(page)), think);
    }
    samples.add(
        "sorted",
        casesAjax(
            browser,
            "cases:table",
            "sort",
            Map.of(
                "cases:table_sorting", "true",
                "cases:table_skipChildren", "true",
                "cases:table_encodeFeature", "true",
                "cases:table_sortKey", "cases:table:overdue",
                "cases:table_sortDir", "-1")),
        think);
    samples.add(
        "filtered",
        casesAjax(browser, "cases:needs-call", "change", Map.of("cases:needs-call_input", "on")),
        think);
    samples.add("filtered", casesAjax(browser, "cases:needs-call", "change", Map.of()), think);
    samples.add(
        "everyone",
        casesAjax(browser, "cases:collector", "change", Map.of("cases:collector_input", "")),
        think);
    samples.add("everyone", casesAjax(browser, "cases:table", "page", casesPaging(1)), think);
    samples.add(
        "searched",
        casesAjax(
            browser,
            "cases:search",
            "keyup",
            Map.of("cases:search", words[(round + collector) % words.length])),
        think);
  }

  private static Answer casesAjax(
      Application browser, String source, String event, Map<String, String> parameters) {
    Map<String, String> all = new HashMap<>(parameters);
    all.putIfAbsent("jakarta.faces.partial.render", "cases:table");
    return browser.ajax(CASES, "cases", source, event, all);
  }

  private static Map<String, String> casesPaging(int page) {
    return Map.of(
        "cases:table_pagination", "true",
        "cases:table_first", String.valueOf(page * 25),
        "cases:table_rows", "25",
        "cases:table_skipChildren", "true",
        "cases:table_encodeFeature", "true");
  }

  /** What one simulated collector does in one round, recording each request's server time. */
  private interface Round {
    void run(Application browser, int collector, int round, Random think, Samples samples);
  }

  /** Server times per scenario, from any number of collectors at once. */
  private final class Samples {
    private final Map<String, List<Double>> byScenario = new ConcurrentHashMap<>();

    /** Records the answer's server time, then pauses as its reader would ({@code think}). */
    void add(String scenario, Answer answer, Random think) {
      byScenario
          .computeIfAbsent(scenario, s -> Collections.synchronizedList(new ArrayList<>()))
          .add(server(answer));
      pause(think);
    }

    List<Double> get(String scenario) {
      return byScenario.get(scenario);
    }
  }

  /**
   * Runs {@code round} for the collectors at once, {@code bench.rounds} times each. One collector
   * first goes through it alone a few times, unmeasured: the first pages after a deployment pay for
   * compiling their path. Everyone signs in before the work is measured (signing in checks a
   * password hash, on purpose slow, and a day's sign-ins do not all fall into the same second);
   * then each starts after, and pauses between two requests for, a random time of their own.
   */
  private Samples together(List<String> collectors, Round round) {
    Application first = signIn(collectors.get(0));
    Samples unmeasured = new Samples();
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      round.run(first, 0, i, null, unmeasured);
    }
    List<Application> browsers = collectors.stream().map(this::signIn).toList();
    Samples samples = new Samples();
    ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
    List<Future<?>> working = new ArrayList<>();
    for (int i = 0; i < browsers.size(); i++) {
      int collector = i;
      Random think = new Random(Double.hashCode(settings.seed()) + i);
      working.add(
          pool.submit(
              () -> {
                pause(think);
                for (int r = 0; r < settings.rounds(); r++) {
                  round.run(browsers.get(collector), collector, r, think, samples);
                }
              }));
    }
    try {
      for (Future<?> collector : working) {
        collector.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A collector's work failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return samples;
  }

  /** A random pause of up to {@code bench.think.ms} ({@code think}), none without {@code think}. */
  private void pause(Random think) {
    if (think == null) {
      return;
    }
    try {
      Thread.sleep(think.nextInt(settings.thinkMillis() + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Application signIn(String collector) {
    return Application.signedIn(settings, collector, COLLECTOR_PASSWORD);
  }

  /** The benchmark's collectors, created on the first run: {@code bench-collector-01} and on. */
  private List<String> collectorAccounts(Application api) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= settings.collectors(); i++) {
      String name = String.format(Locale.ROOT, "bench-collector-%02d", i);
      api.createUser(name, "Collector " + i, COLLECTOR_PASSWORD, "collector");
      names.add(name);
    }
    return names;
  }

  /**
   * What the server keeps: its heap in use after a full garbage collection, once the run's work is
   * done (read with {@code jcmd} from the domain's process).
   */
  private void memory() throws IOException, InterruptedException {
    System.out.println("Memory");
    String pid =
        Files.readString(
                Path.of(System.getenv("DOMAIN_DIR"), System.getenv("DOMAIN_NAME"), "config", "pid"))
            .strip();
    jcmd(pid, "GC.run");
    Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("jcmd GC.heap_info did not say how much heap is used");
    }
    figures.add(
        new Figure(
            "Heap in use after a full garbage collection, at the end of the run (maximum 1 GiB)",
            Long.parseLong(used.group(1)) / 1024.0,
            "MiB",
            Double.NaN,
            "",
            false,
            ""));
  }

  private static String jcmd(String pid, String command) throws IOException, InterruptedException {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    return run(new ProcessBuilder(java.resolveSibling("jcmd").toString(), pid, command));
  }

  /**
   * The quick start as someone trying Courtesy meets it once the EAR is built: a Payara Server
   * domain created and started, the EAR deployed, the schema and the demo book loaded into a new H2
   * database, until the application says it is ready. On ports of its own; removed afterwards.
   */
  private void quickStart() throws IOException, InterruptedException {
    System.out.println("Quick start");
    Path domains = Path.of(System.getenv("DOMAIN_DIR"));
    Path data = Files.createTempDirectory("courtesy-quick-start");
    deleteTree(domains.resolve(QUICK_START_DOMAIN));
    Files.deleteIfExists(domains.resolve(QUICK_START_DOMAIN + ".admin-password"));
    long started = System.nanoTime();
    run(quickStartDomain(data, "up", "ar-ear/target/courtesy.ear"));
    double seconds = seconds(started);
    run(quickStartDomain(data, "stop"));
    deleteTree(domains.resolve(QUICK_START_DOMAIN));
    Files.deleteIfExists(domains.resolve(QUICK_START_DOMAIN + ".admin-password"));
    deleteTree(data);
    figures.add(
        new Figure(
            "Quick start: domain created and started, EAR deployed, demo book loaded into a new"
                + " H2 database, until ready (EAR built, Payara Server unpacked)",
            seconds,
            "s",
            Double.NaN,
            "",
            false,
            ""));
  }

  /** {@code domain.sh} for the quick-start domain, with the quick start's settings only. */
  private static ProcessBuilder quickStartDomain(Path data, String... arguments) {
    List<String> command = new ArrayList<>(List.of("bash", "ar-ear/src/payara/domain.sh"));
    command.addAll(List.of(arguments));
    ProcessBuilder domain = new ProcessBuilder(command);
    Map<String, String> environment = domain.environment();
    environment
        .keySet()
        .removeIf(name -> name.startsWith("AR_") || name.equals("COURTESY_ADMIN_PASSWORD_FILE"));
    environment.put("DOMAIN_NAME", QUICK_START_DOMAIN);
    environment.put("PORT_BASE", "31000");
    environment.put("AR_DB_URL", "jdbc:h2:file:" + data.resolve("courtesy"));
    environment.put("AR_DB_USER", "courtesy");
    environment.put("AR_DB_PASSWORD", "courtesy");
    environment.put("AR_DEMO_DATA", "true");
    return domain;
  }

  /** Runs a command to its end and returns what it printed; a failure fails the run. */
  private static String run(ProcessBuilder command) throws IOException, InterruptedException {
    Process process = command.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          String.join(" ", command.command())
              + " failed ("
              + process.exitValue()
              + "):\n"
              + output);
    }
    return output;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * The worklist's count and page of 25 as two SQL statements, as it writes them, timed on one
   * connection.
   */
  private Percentiles casesSql(String where, String order, int offset) throws SQLException {
    String count =
        "select count(*) from (select 1 from collection_case k"
            + (where.contains("c.") ? CASE_CUSTOMER : "")
            + OPEN_CASES
            + where
            + " fetch first 10001 rows only) m";
    String page =
        "select k.id, c.number, c.name, c.country, k.status, u.display_name, k.next_action_on,"
            + " k.priority, k.currency, k.overdue_amount, k.oldest_due_on, k.last_contact_at,"
            + " k.promise_due_on, k.promise_broken_on, k.arrangement_defaulted_on, k.bounced,"
            + " k.needs_call from collection_case k"
            + CASE_CUSTOMER
            + " left join app_user u on u.id = k.assignee_id"
            + OPEN_CASES
            + where
            + order
            + " offset "
            + offset
            + " rows fetch next 25 rows only";
    return timedQueries(List.of(count, page));
  }

  /**
   * The dispatcher sending the run's reminder emails to a local SMTP server ({@link SmtpSink}, in
   * this process), against the same emails sent straight to that server, one connection per client.
   * The application's clock is moved to office hours for as many recipients as possible (the first
   * weekday from today, 14:00 UTC: Europe and eastern North America); the messages of the others
   * wait a week, so that every message claimed is an email that goes out.
   */
  private void dispatch() throws SQLException, IOException {
    Instant officeHours = today.atTime(14, 0).toInstant(ZoneOffset.UTC);
    while (officeHours.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() > 5) {
      officeHours = officeHours.plus(Duration.ofDays(1));
    }
    Application api = Application.api(settings);
    api.putJson("/api/v1/clock", "{\"now\":\"" + officeHours + "\"}")
        .requireStatus(200, "Moving the clock to " + officeHours);
    int inWindow = onlyEmailsInWindow(officeHours);
    int warmUp = Math.min(WARM_UP, inWindow / 5);
    int due = inWindow - warmUp;
    int clients = settings.dispatchClients();
    int perClient = Math.min(settings.emails(), due) / clients;
    if (perClient <= 0) {
      throw new IllegalStateException(
          "No reminder email is due at "
              + officeHours
              + ": the book is too small to measure dispatch");
    }
    System.out.printf(
        Locale.ROOT, "Dispatch of %,d reminder emails (%,d due)%n", perClient * clients, due);
    // The emails go out in office hours, long after the night's run: by then autovacuum has been
    // through the run's million reminded invoices, rather than beside the emails.
    vacuum();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (SmtpSink smtp = new SmtpSink(settings.smtpPort(), settings.smtpDelayMillis())) {
      // The first emails after a deployment pay for compiling the sending path; not measured.
      long warming = System.nanoTime();
      api.postJson("/api/v1/outbox/dispatch?max=" + warmUp, "").requireStatus(200, "Warming up");
      double warmed = seconds(warming);
      System.out.printf(
          Locale.ROOT,
          "  (warm-up, unmeasured: %,d emails by one client in %.1f s, %,.0f emails/s)%n",
          warmUp,
          warmed,
          warmUp / warmed);
      smtp.clear();
      long started = System.nanoTime();
      List<Future<Answer>> rounds = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        rounds.add(pool.submit(() -> api.postJson("/api/v1/outbox/dispatch?max=" + perClient, "")));
      }
      long delivered = 0;
      for (Future<Answer> round : rounds) {
        Answer answer = round.get().requireStatus(200, "Dispatching");
        Matcher count = DELIVERED.matcher(answer.body());
        if (!count.find()) {
          throw new IllegalStateException("The dispatch answered " + answer.body());
        }
        delivered += Long.parseLong(count.group(1));
      }
      double seconds = seconds(started);
      List<MimeMessage> received = parse(smtp.received());
      keepPortalTokens(received);
      if (received.size() != delivered) {
        throw new IllegalStateException(
            "Courtesy says it delivered "
                + delivered
                + " emails; the server has "
                + received.size());
      }
      smtp.clear();
      double floor = sendStraight(received, clients, pool);
      figures.add(
          new Figure(
              String.format(
                  Locale.ROOT,
                  "Dispatch of reminder emails to a local SMTP server (%,d emails, %d clients%s)",
                  delivered,
                  clients,
                  settings.smtpDelayMillis() == 0
                      ? ""
                      : ", each answer after " + settings.smtpDelayMillis() + " ms"),
              delivered / seconds,
              "emails/s",
              received.size() / floor,
              "same emails sent straight",
              true,
              "≥ 1,000 emails/s and ≤ 3× floor"));
    } catch (ExecutionException e) {
      throw new IllegalStateException("Dispatching failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Keeps the links to customers' pages the emails carry, one per customer (its first email's), up
   * to {@value #PORTAL_CUSTOMERS}: read from the one-click opt-out header, which holds the link as
   * it is, where the body may break it across lines.
   */
  private void keepPortalTokens(List<MimeMessage> emails) throws SQLException {
    Set<Long> customers = new HashSet<>();
    try (PreparedStatement owner =
        db.prepareStatement("select customer_id from portal_link where token_hash = ?")) {
      for (MimeMessage email : emails) {
        if (portalTokens.size() == PORTAL_CUSTOMERS) {
          return;
        }
        String[] header = email.getHeader("List-Unsubscribe");
        Matcher link = PORTAL_LINK.matcher(header == null ? "" : header[0]);
        if (!link.find()) {
          throw new IllegalStateException("A reminder email arrived without a link to the page");
        }
        owner.setString(1, Sha256.hex(link.group(1)));
        try (ResultSet row = owner.executeQuery()) {
          if (row.next() && customers.add(row.getLong(1))) {
            portalTokens.add(link.group(1));
          }
        }
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("An email that arrived cannot be read", e);
    }
  }

  /**
   * The customer's page as customers open it from their reminders: {@value #PORTAL_CUSTOMERS} of
   * them at once (the links of the dispatch step), {@code bench.rounds} times each, without a
   * session or a cookie. The floor is the page's one query of weight, the customer's open invoices,
   * for the same customers on one connection.
   */
  private void portal() throws SQLException {
    if (portalTokens.isEmpty()) {
      throw new IllegalStateException(
          "The customer's page is opened through the links the dispatch step's emails carried:"
              + " run the step dispatch with it");
    }
    System.out.printf(Locale.ROOT, "Customer's page, %d customers at once%n", portalTokens.size());
    Application customers = Application.anonymous(settings);
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      customers.open("/pay/" + portalTokens.get(0));
    }
    Samples samples = new Samples();
    ExecutorService pool = Executors.newFixedThreadPool(portalTokens.size());
    List<Future<?>> opening = new ArrayList<>();
    for (int i = 0; i < portalTokens.size(); i++) {
      String page = "/pay/" + portalTokens.get(i);
      Random think = new Random(Double.hashCode(settings.seed()) + i);
      opening.add(
          pool.submit(
              () -> {
                pause(think);
                for (int r = 0; r < settings.rounds(); r++) {
                  samples.add("opened", customers.open(page), think);
                }
              }));
    }
    try {
      for (Future<?> customer : opening) {
        customer.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Opening a customer's page failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<String> floor = new ArrayList<>();
    try (PreparedStatement owner =
        db.prepareStatement("select customer_id from portal_link where token_hash = ?")) {
      for (String token : portalTokens.subList(0, 1)) {
        owner.setString(1, Sha256.hex(token));
        try (ResultSet row = owner.executeQuery()) {
          row.next();
          floor.add(
              "select i.number, i.issue_date, i.due_date, i.amount, i.amount - i.allocated,"
                  + " i.currency, i.disputed, i.promised_until, i.arranged, i.reported_paid_until"
                  + " from invoice i where i.customer_id = "
                  + row.getLong(1)
                  + " and "
                  + OPEN
                  + " order by i.due_date, i.number");
        }
      }
    }
    Percentiles app = Percentiles.of(samples.get("opened"));
    figures.add(
        new Figure(
            String.format(
                Locale.ROOT,
                "Customer's page opened from a reminder's link (%d customers at once), %s, %d"
                    + " requests",
                portalTokens.size(),
                app,
                app.samples()),
            app.p95(),
            "ms",
            timedQueries(floor).p95(),
            "the customer's open invoices, one SELECT, one connection, p95",
            false,
            "≤ 100 ms server time (p95)"));
  }

  /** The emails as a mail client reads them; each must carry the outbox's Message-ID. */
  private static List<MimeMessage> parse(List<byte[]> emails) {
    Session session = Session.getInstance(new Properties());
    List<MimeMessage> parsed = new ArrayList<>();
    try {
      for (byte[] email : emails) {
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(email));
        if (message.getMessageID() == null || !message.getMessageID().startsWith("<outbox-")) {
          throw new IllegalStateException("An email without the outbox's Message-ID arrived");
        }
        parsed.add(message);
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("An email that arrived cannot be read", e);
    }
    return parsed;
  }

  /**
   * Leaves due at {@code now} only the email messages of recipients whose send window is open then;
   * the others wait a week. Returns how many are due.
   */
  private int onlyEmailsInWindow(Instant now) throws SQLException {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    try (PreparedStatement otherChannels =
        db.prepareStatement(
            "update outbox_message set scheduled_at = ? where status = 'QUEUED'"
                + " and channel <> 'EMAIL'")) {
      otherChannels.setObject(1, at.plusDays(7));
      otherChannels.executeUpdate();
    }
    try (Statement statement = db.createStatement();
        ResultSet places =
            statement.executeQuery("select distinct time_zone, country from customer");
        PreparedStatement closed =
            db.prepareStatement(
                "update outbox_message m set scheduled_at = ? from customer c"
                    + " where c.id = m.customer_id and m.status = 'QUEUED'"
                    + " and c.time_zone = ? and c.country = ?")) {
      closed.setObject(1, at.plusDays(7));
      while (places.next()) {
        SendWindow window = new SendWindow(ZoneId.of(places.getString(1)), Set.of());
        if (window.earliest(now).isAfter(now)) {
          closed.setString(2, places.getString(1));
          closed.setString(3, places.getString(2));
          closed.executeUpdate();
        }
      }
    }
    try (PreparedStatement count =
        db.prepareStatement(
            "select count(*) from outbox_message where status = 'QUEUED' and scheduled_at <= ?")) {
      count.setObject(1, at);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  /**
   * Seconds to send {@code emails} straight to the benchmark's SMTP server, one connection each.
   */
  private double sendStraight(List<MimeMessage> emails, int clients, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
    properties.put("mail.smtp.socketFactory", new NoDelaySockets());
    Session session = Session.getInstance(properties);
    long started = System.nanoTime();
    List<Future<Void>> sent = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      int first = client;
      sent.add(
          pool.submit(
              () -> {
                try (Transport transport = session.getTransport("smtp")) {
                  transport.connect();
                  for (int i = first; i < emails.size(); i += clients) {
                    transport.sendMessage(emails.get(i), emails.get(i).getAllRecipients());
                  }
                }
                return null;
              }));
    }
    for (Future<Void> done : sent) {
      done.get();
    }
    return seconds(started);
  }

  /**
   * The run's work as one INSERT … SELECT (seconds): the invoices due for their next step, grouped
   * into one message per customer and currency (step, count, total), written to a table made like
   * the outbox, with its keys. No reasons, no invoice places, no list of invoices per message.
   * Settings as for the run: no compiling to machine code, 256 MB to sort in.
   */
  private double dunningFloor(List<StepBound> bounds, LocalDate latestDue) throws SQLException {
    db.setAutoCommit(false);
    try (Statement statement = db.createStatement()) {
      statement.execute("set local jit = off");
      statement.execute("set local work_mem = '256MB'");
      statement.execute(
          "create temporary table bench_bound (policy_id bigint, position int, reached_from int,"
              + " reached_to int, due_after date, due_to date, reminded_to date) on commit drop");
      try (PreparedStatement insert =
          db.prepareStatement("insert into bench_bound values (1, ?, ?, ?, ?, ?, ?)")) {
        for (StepBound bound : bounds) {
          insert.setInt(1, bound.position());
          insert.setInt(2, bound.reachedFrom());
          insert.setInt(3, bound.reachedTo());
          insert.setObject(4, bound.dueAfter(), Types.DATE);
          insert.setObject(5, bound.dueTo(), Types.DATE);
          insert.setObject(6, bound.remindedTo(), Types.DATE);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      statement.execute("create table bench_outbox (like outbox_message including all)");
      long started = System.nanoTime();
      statement.execute(
          "insert into bench_outbox (customer_id, currency, business_date, policy_id,"
              + " step_position, channel, tone, invoice_count, total, status, scheduled_at,"
              + " attempts, version, dedup_key)"
              + " select x.customer_id, x.currency, current_date, x.policy_id, max(b.position),"
              + " 'EMAIL', 'FRIENDLY', count(*), sum(x.open_amount), 'QUEUED', now(), 0, 0, "
              + Outbox.keySql(MessageKind.REMINDER, "x.customer_id", "x.currency", "current_date")
              + " from (select i.id, i.customer_id, i.currency, i.due_date,"
              + " i.amount - i.allocated as open_amount,"
              + " coalesce(c.reminder_policy_id, 1) as policy_id,"
              + " coalesce(r.step_position, -1) as reached, r.reminded_on from invoice i"
              + " join customer c on c.id = i.customer_id"
              + " left join invoice_reminder r on r.invoice_id = i.id and r.instalment_no = 0"
              + " where i.state = 'ISSUED' and i.amount > i.allocated and i.due_date <= '"
              + latestDue
              + "' offset 0 rows) x"
              + " join bench_bound b on b.policy_id = x.policy_id"
              + " and x.reached between b.reached_from and b.reached_to"
              + " and x.due_date <= b.due_to and (b.due_after is null or x.due_date > b.due_after)"
              + " and (b.reminded_to is null or x.reminded_on <= b.reminded_to)"
              + " group by x.customer_id, x.currency, x.policy_id");
      return seconds(started);
    } finally {
      db.rollback();
      db.setAutoCommit(true);
    }
  }

  /** The shipped default policy as the database holds it. */
  private PolicyData defaultPolicy() throws SQLException {
    List<ReminderStep> steps = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select offset_days, channel, tone from reminder_step where policy_id = 1"
                    + " order by position")) {
      while (rows.next()) {
        steps.add(
            new ReminderStep(
                rows.getInt(1),
                Channel.valueOf(rows.getString(2)),
                Tone.valueOf(rows.getString(3))));
      }
    }
    try (Statement statement = db.createStatement();
        ResultSet policy =
            statement.executeQuery(
                "select grace_days, repeat_days, cap_days, thank_you from reminder_policy"
                    + " where id = 1")) {
      policy.next();
      return new PolicyData(
          policy.getInt(1),
          (Integer) policy.getObject(2),
          policy.getInt(3),
          policy.getBoolean(4),
          steps,
          Map.of());
    }
  }

  /** A plan of {@code count} new invoices drawn from the sample, like the generated book's. */
  private void plan(String table, int count) throws SQLException {
    long customers = new BookGenerator(db, today).count("customer");
    try (Statement statement = db.createStatement()) {
      statement.execute("drop table if exists " + table);
      statement.execute(
          "create unlogged table "
              + table
              + " as select g, 1 + floor(random() * "
              + customers
              + ")::int as customer,"
              + " floor(random() * (select count(*) from bench_sample))::int as sample,"
              + " floor(random() * "
              + BookGenerator.SPAN_DAYS
              + ")::int as age from generate_series(1, "
              + count
              + ") g");
    }
  }

  /** Seconds the statement takes, in a transaction that is rolled back. */
  private double rolledBack(String sql) throws SQLException {
    db.setAutoCommit(false);
    try (Statement statement = db.createStatement()) {
      long started = System.nanoTime();
      statement.execute(sql);
      return seconds(started);
    } finally {
      db.rollback();
      db.setAutoCommit(true);
    }
  }

  private static double server(Answer answer) {
    if (Double.isNaN(answer.serverMillis())) {
      throw new IllegalStateException("The answer has no Server-Timing header");
    }
    return answer.serverMillis();
  }

  private String machine() throws SQLException {
    String postgres;
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery("show server_version")) {
      result.next();
      postgres = result.getString(1);
    }
    return String.format(
        Locale.ROOT,
        "%d cores, %.0f GiB, %s %s, Java %s, PostgreSQL %s",
        Runtime.getRuntime().availableProcessors(),
        totalMemoryGib(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        postgres);
  }

  private static double totalMemoryGib() {
    try {
      return Files.readAllLines(java.nio.file.Path.of("/proc/meminfo")).stream()
              .filter(line -> line.startsWith("MemTotal:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
              .findFirst()
              .orElse(0)
          / 1048576.0;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static double millis(long started) {
    return (System.nanoTime() - started) / 1e6;
  }
}
