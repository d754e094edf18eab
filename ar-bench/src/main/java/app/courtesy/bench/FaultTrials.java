package app.courtesy.bench;

import app.courtesy.bench.Application.Answer;
import app.courtesy.dispatch.Dispatcher;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault suite ({@code ./courtesy faults}): the two nodes {@code cluster.sh} started, each fault
 * a trial of its own with its own customers and business date, and after each the mail server's
 * emails held against the outbox.
 *
 * <p>Each trial creates its customers (each with a contact by email and an invoice 20 days
 * overdue), moves both nodes' clocks to noon in London on a weekday no run has claimed, runs that
 * date and sends its reminders to this process's SMTP server ({@link SmtpSink}) while the fault
 * strikes, then sends until nothing is left (moving the clocks on past retries). It passes when the
 * date planned one message per customer, no Message-ID arrived twice (0 duplicates), every message
 * the outbox says was sent arrived and every other one is still pending or unconfirmed after having
 * been handed over (0 lost), nothing is left pending, and no node was restarted to get there. Its
 * customers' invoices are then cancelled, so later dates leave them alone.
 *
 * <p>The settings are the cluster's own environment ({@code CLUSTER_PORT}, {@code AR_DB_URL},
 * {@code AR_SMTP_PORT}, {@code AR_ADMIN_PASSWORD}, …) and {@code -Dfaults.customers} (customers per
 * trial, 1,360 by default), {@code -Dfaults.cluster} (the script), {@code -Dfaults.ear} and {@code
 * -Dfaults.postgres} (the PostgreSQL cluster it restarts, {@code 15/faults}).
 */
public final class FaultTrials {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<outbox-(\\d+)@");

  /** Customers, contacts and invoices per request. */
  private static final int BATCH = 500;

  /** The longest a trial sends after its fault before it counts what is left as not recovered. */
  private static final Duration DRAIN = Duration.ofSeconds(120);

  /** How soon a node must serve again after the database came back. */
  private static final Duration RECOVERY = Duration.ofSeconds(30);

  /** What one trial found. */
  private record Result(
      String trial,
      int emails,
      int duplicates,
      int lost,
      int unconfirmed,
      double seconds,
      List<String> problems) {}

  private final String clusterScript = System.getProperty("faults.cluster");
  private final String ear = System.getProperty("faults.ear");
  private final String postgres = System.getProperty("faults.postgres", "15/faults");
  private final int customers = Integer.getInteger("faults.customers", 1_360);
  private final int clusterPort = Integer.parseInt(env("CLUSTER_PORT"));

  private final String password = env("AR_ADMIN_PASSWORD");
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final SmtpSink smtp;
  private final List<Result> results = new ArrayList<>();

  /** The instant the nodes' clocks were last moved to, and when (they run on from there). */
  private Instant clockSetTo = Instant.now();

  private long clockSetAt = System.nanoTime();

  /** A node being started again in the background after a trial killed it. */
  private Process restarting;

  private FaultTrials(SmtpSink smtp) {
    this.smtp = smtp;
  }

  public static void main(String[] args) throws Exception {
    int failed;
    try (SmtpSink smtp = new SmtpSink(Integer.parseInt(env("AR_SMTP_PORT")))) {
      failed = new FaultTrials(smtp).run();
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  private int run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "Fault trials on two nodes behind http://127.0.0.1:%d, %,d customers each, lease %s s%n",
        clusterPort,
        customers,
        env("AR_DISPATCH_LEASE_SECONDS"));
    long started = System.nanoTime();
    results.add(killDuringRun());
    results.add(smtpDropsAfterData());
    results.add(smtpOutage());
    awaitRestart();
    results.add(postgresRestart());
    results.add(sameDateOnTwoNodes());
    results.add(killDuringDispatch());
    return report(seconds(started));
  }

  // --- The trials -------------------------------------------------------------------------------

  /** Node 2 is killed while it runs a date; node 1 runs the date again and sends it. */
  private Result killDuringRun() throws Exception {
    Trial trial = new Trial("kill -9 of a node during a dunning run", List.of(1, 2));
    CompletableFuture<Answer> run = CompletableFuture.supplyAsync(() -> trial.runOn(2));
    boolean caught = awaitRunInDatabase(Duration.ofSeconds(20));
    cluster("kill", "2");
    int answered = run.get().status();
    if (!caught) {
      trial.note("the run ended before the kill");
    } else if (answered == 0) {
      trial.note("killed while its run's transaction was open; node 2 never answered");
    } else {
      trial.note("killed as its run committed; node 2 answered " + answered + " first");
    }
    // The killed run's transaction holds the date until PostgreSQL notices its client is gone.
    Answer again = trial.runOn(1);
    for (int i = 0; i < 30 && again.status() == 409; i++) {
      Thread.sleep(1_000);
      again = trial.runOn(1);
    }
    trial.note("node 1 ran the date: " + again.status());
    if (again.status() != 201 && again.status() != 200) {
      trial.problem("node 1 could not run the date: " + again.status() + " " + again.body());
    }
    trial.drain(List.of(1));
    restarting = clusterInBackground("start", "2", ear);
    return trial.verify(0, 0);
  }

  /** The mail server keeps three emails and hangs up on each before its answer. */
  private Result smtpDropsAfterData() throws Exception {
    Trial trial = new Trial("SMTP drops the connection after DATA", live());
    trial.runOn(trial.nodes.get(0)).requireStatus(201, "Running " + trial.date);
    smtp.dropAfterData(3);
    trial.drain(trial.nodes);
    return trial.verify(3, 3);
  }

  /** The mail server goes away a third of the way through and comes back five seconds later. */
  private Result smtpOutage() throws Exception {
    Trial trial = new Trial("SMTP outage, then back", live());
    trial.runOn(trial.nodes.get(0)).requireStatus(201, "Running " + trial.date);
    List<CompletableFuture<Answer>> sending = trial.dispatchInBackground();
    awaitReceived(customers / 3);
    smtp.outage();
    trial.note("outage after " + smtp.received().size() + " emails");
    awaitAll(sending);
    Thread.sleep(5_000);
    smtp.resume();
    trial.drain(trial.nodes);
    // The outage cuts every connection at once: each lane of each node may have had one email
    // handed over and not yet answered.
    return trial.verify(0, Integer.parseInt(Dispatcher.DEFAULT_LANES) * trial.nodes.size());
  }

  /**
   * PostgreSQL restarts a third of the way through sending; every node serves its sign-in page and
   * says it is ready again within seconds, and sends the rest, without being restarted.
   */
  private Result postgresRestart() throws Exception {
    Trial trial = new Trial("PostgreSQL restart during dispatch", live());
    trial.runOn(trial.nodes.get(0)).requireStatus(201, "Running " + trial.date);
    List<CompletableFuture<Answer>> sending = trial.dispatchInBackground();
    awaitReceived(customers / 3);
    long restarted = System.nanoTime();
    String[] version = postgres.split("/");
    run(
        new ProcessBuilder(
            "pg_ctlcluster", "--skip-systemctl-redirect", version[0], version[1], "restart"));
    trial.note(String.format(Locale.ROOT, "PostgreSQL restarted in %.1f s", seconds(restarted)));
    for (int node : trial.nodes) {
      long deadline = System.nanoTime() + RECOVERY.toNanos();
      while (status(node, "/login.xhtml") != 200 || status(node, "/health/ready") != 200) {
        if (System.nanoTime() > deadline) {
          trial.problem(
              "node " + node + " did not serve again within " + RECOVERY.toSeconds() + " s");
          break;
        }
        Thread.sleep(200);
      }
      trial.note(
          String.format(
              Locale.ROOT,
              "node %d served again %.1f s after the restart",
              node,
              seconds(restarted)));
    }
    awaitAll(sending);
    trial.drain(trial.nodes);
    return trial.verify(0, 2 * trial.nodes.size());
  }

  /** Both nodes are asked to run the same date at the same moment. */
  private Result sameDateOnTwoNodes() throws Exception {
    Trial trial = new Trial("two nodes run one date at once", List.of(1, 2));
    CyclicBarrier together = new CyclicBarrier(2);
    IntFunction<CompletableFuture<Answer>> runOn =
        node ->
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    together.await();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return trial.runOn(node);
                });
    CompletableFuture<Answer> first = runOn.apply(1);
    CompletableFuture<Answer> second = runOn.apply(2);
    int one = first.get().status();
    int two = second.get().status();
    trial.note("the nodes answered " + one + " and " + two);
    if (one != 201 && two != 201) {
      trial.problem("neither node ran the date: " + one + ", " + two);
    }
    trial.drain(trial.nodes);
    return trial.verify(0, 0);
  }

  /** Both nodes send; node 1 is killed a third of the way through, node 2 sends the rest. */
  private Result killDuringDispatch() throws Exception {
    Trial trial = new Trial("kill -9 of a node during dispatch", List.of(1, 2));
    trial.runOn(1).requireStatus(201, "Running " + trial.date);
    List<CompletableFuture<Answer>> sending = trial.dispatchInBackground();
    awaitReceived(customers / 3);
    cluster("kill", "1");
    trial.note("killed after " + smtp.received().size() + " emails");
    awaitAll(sending);
    trial.drain(List.of(2));
    // In doubt: what the killed node had handed over of the claim it was sending, whose outcomes
    // it records once the claim is sent.
    return trial.verify(0, Dispatcher.BATCH);
  }

  // --- One trial --------------------------------------------------------------------------------

  /** A trial's date, customers and nodes, and what it noticed on the way. */
  private final class Trial {
    final String name;
    final List<Integer> nodes;
    final LocalDate date;
    final String prefix;
    final List<String> notes = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final long started;

    Trial(String name, List<Integer> nodes) throws Exception {
      this.name = name;
      this.nodes = nodes;
      this.prefix = "FT-" + tag + "-" + (results.size() + 1) + "-";
      System.out.println("== " + name);
      smtp.clear();
      date = unrunWeekday();
      moveClocks(nodes, date.atTime(12, 0).atZone(LONDON).toInstant());
      createCustomers();
      started = System.nanoTime();
    }

    void note(String note) {
      notes.add(note);
    }

    void problem(String problem) {
      problems.add(problem);
    }

    Answer runOn(int node) {
      try {
        return node(node).postJson("/api/v1/dunning-runs?asOf=" + date, "");
      } catch (IllegalStateException unreachable) {
        return new Answer(0, String.valueOf(unreachable.getCause()), 0, 0);
      }
    }

    List<CompletableFuture<Answer>> dispatchInBackground() {
      List<CompletableFuture<Answer>> sending = new ArrayList<>();
      for (int node : nodes) {
        sending.add(CompletableFuture.supplyAsync(() -> dispatch(node)));
      }
      return sending;
    }

    /**
     * Sends on {@code senders} until nothing of the date is pending, moving the clocks on to any
     * retry that waits; a claim whose node died waits for its lease. Then each sender goes round
     * once more, which records the answers it kept in memory while the database was away.
     */
    void drain(List<Integer> senders) throws Exception {
      long deadline = System.nanoTime() + DRAIN.toNanos();
      boolean pending = true;
      while (pending && System.nanoTime() < deadline) {
        Map<String, Integer> statuses = statuses(date);
        pending = statuses.getOrDefault("QUEUED", 0) + statuses.getOrDefault("SENDING", 0) > 0;
        Instant retry = latestRetry(date);
        if (retry != null && retry.isAfter(clockNow())) {
          moveClocks(senders, retry.plusSeconds(1));
        }
        List<CompletableFuture<Answer>> rounds = new ArrayList<>();
        for (int node : senders) {
          rounds.add(CompletableFuture.supplyAsync(() -> dispatch(node)));
        }
        awaitAll(rounds);
        if (pending) {
          Thread.sleep(500);
        }
      }
    }

    /**
     * Holds the mail server's emails against the outbox messages of the date and the trial's
     * customers; fewer than {@code leastUnconfirmed} or more than {@code mostUnconfirmed}
     * unconfirmed messages is a problem too.
     */
    Result verify(int leastUnconfirmed, int mostUnconfirmed) throws Exception {
      double seconds = seconds(started);
      Map<Long, Integer> arrived = new HashMap<>();
      for (byte[] email : smtp.received()) {
        Matcher id =
            MESSAGE_ID.matcher(
                new String(email, 0, Math.min(email.length, 8192), StandardCharsets.UTF_8));
        if (id.find()) {
          arrived.merge(Long.parseLong(id.group(1)), 1, Integer::sum);
        } else {
          problem("an email without the outbox's Message-ID arrived");
        }
      }
      int emails = 0;
      int lost = 0;
      int unconfirmed = 0;
      int pending = 0;
      try (Connection db = database();
          PreparedStatement messages =
              db.prepareStatement(
                  "select m.id, m.status, m.handed_over_at is not null"
                      + " from outbox_message m join customer c on c.id = m.customer_id"
                      + " where m.business_date = ? and m.channel = 'EMAIL' and c.number like ?")) {
        messages.setObject(1, date);
        messages.setString(2, prefix + "%");
        try (ResultSet row = messages.executeQuery()) {
          while (row.next()) {
            emails++;
            boolean received = arrived.containsKey(row.getLong(1));
            switch (row.getString(2)) {
              case "SENT" -> lost += received ? 0 : 1;
              case "QUEUED", "SENDING" -> pending++;
              case "UNCONFIRMED" -> {
                unconfirmed++;
                lost += row.getBoolean(3) ? 0 : 1;
              }
              default -> lost++;
            }
          }
        }
      }
      int duplicates = arrived.values().stream().mapToInt(n -> n - 1).sum();
      if (emails != customers) {
        problem("the date planned " + emails + " messages for " + customers + " customers");
      }
      if (duplicates > 0) {
        problem(duplicates + " emails arrived twice");
      }
      if (lost > 0) {
        problem(lost + " messages neither sent, pending nor unconfirmed after a hand-over");
      }
      if (pending > 0) {
        problem(pending + " messages still pending after " + DRAIN.toSeconds() + " s");
      }
      if (unconfirmed < leastUnconfirmed || unconfirmed > mostUnconfirmed) {
        problem(
            unconfirmed
                + " unconfirmed, where the fault leaves "
                + (leastUnconfirmed == mostUnconfirmed ? "exactly " : "up to ")
                + mostUnconfirmed
                + " in doubt");
      }
      cancelInvoices();
      Result result = new Result(name, emails, duplicates, lost, unconfirmed, seconds, problems);
      System.out.printf(
          Locale.ROOT,
          "   %,d emails, %d duplicates, %d lost, %d unconfirmed, %.1f s; %s%n",
          emails,
          duplicates,
          lost,
          unconfirmed,
          seconds,
          String.join("; ", notes));
      problems.forEach(problem -> System.out.println("   FAILED: " + problem));
      return result;
    }

    /**
     * Customers in London, each with a contact by email and one invoice 20 days overdue, through
     * the trial's first node (the proxy would also send requests to a node still deploying).
     */
    private void createCustomers() {
      Application api = node(nodes.get(0));
      for (int first = 0; first < customers; first += BATCH) {
        StringBuilder customerJson = new StringBuilder("[");
        StringBuilder contactJson = new StringBuilder("[");
        for (int i = first; i < Math.min(customers, first + BATCH); i++) {
          String number = prefix + i;
          String comma = i == first ? "" : ",";
          customerJson.append(
              String.format(
                  Locale.ROOT,
                  "%s{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"Trial Customer %s\","
                      + "\"country\":\"GB\",\"timeZone\":\"Europe/London\",\"locale\":\"en-GB\","
                      + "\"currency\":\"GBP\"}",
                  comma,
                  number,
                  number,
                  number));
          contactJson.append(
              String.format(
                  Locale.ROOT,
                  "%s{\"externalId\":\"P-%s\",\"customerNumber\":\"%s\",\"name\":\"Robin Hale\","
                      + "\"email\":\"robin.%s@example.org\",\"preferredChannel\":\"EMAIL\"}",
                  comma,
                  number,
                  number,
                  number.toLowerCase(Locale.ROOT)));
        }
        api.postJson("/api/v1/customers/batch", customerJson + "]")
            .requireStatus(200, "Creating customers");
        api.postJson("/api/v1/contacts/batch", contactJson + "]")
            .requireStatus(200, "Creating contacts");
        api.postJson("/api/v1/invoices/batch", invoices(first, "ISSUED"))
            .requireStatus(200, "Creating invoices");
      }
    }

    /** The ERP cancels the trial's invoices, so that later dates leave its customers alone. */
    private void cancelInvoices() {
      Application api = node(live().get(0));
      for (int first = 0; first < customers; first += BATCH) {
        api.postJson("/api/v1/invoices/batch", invoices(first, "CANCELLED"))
            .requireStatus(200, "Cancelling invoices");
      }
    }

    private String invoices(int first, String state) {
      StringBuilder json = new StringBuilder("[");
      for (int i = first; i < Math.min(customers, first + BATCH); i++) {
        String number = prefix + i;
        json.append(
            String.format(
                Locale.ROOT,
                "%s{\"externalId\":\"I-%s\",\"number\":\"I-%s\",\"customerNumber\":\"%s\","
                    + "\"issueDate\":\"%s\",\"dueDate\":\"%s\",\"currency\":\"GBP\","
                    + "\"amount\":\"%d.50\",\"state\":\"%s\"}",
                i == first ? "" : ",",
                number,
                number,
                number,
                date.minusDays(50),
                date.minusDays(20),
                100 + i % 900,
                state));
      }
      return json.append("]").toString();
    }
  }

  // --- The cluster, its clocks and its database -------------------------------------------------

  private Application node(int node) {
    return Application.api("http://127.0.0.1:" + (clusterPort + 100 * node), "admin", password);
  }

  /** A node's answer to a GET of {@code path}; 0 when it does not answer. */
  private int status(int node, String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + (clusterPort + 100 * node) + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** The nodes that say they are ready. */
  private List<Integer> live() {
    List<Integer> live = new ArrayList<>();
    for (int node = 1; node <= 2; node++) {
      if (status(node, "/health/ready") == 200) {
        live.add(node);
      }
    }
    return live;
  }

  /** One dispatch round on a node: its answer, or status 0 when the node is gone. */
  private Answer dispatch(int node) {
    try {
      return node(node).postJson("/api/v1/outbox/dispatch?max=100000", "");
    } catch (IllegalStateException unreachable) {
      return new Answer(0, String.valueOf(unreachable.getCause()), 0, 0);
    }
  }

  private void moveClocks(List<Integer> nodes, Instant to) {
    for (int node : nodes) {
      node(node)
          .putJson("/api/v1/clock", "{\"now\":\"" + to + "\"}")
          .requireStatus(200, "Moving node " + node + "'s clock");
    }
    clockSetTo = to;
    clockSetAt = System.nanoTime();
  }

  /** The nodes' time: they run on from where they were moved to. */
  private Instant clockNow() {
    return clockSetTo.plusNanos(System.nanoTime() - clockSetAt);
  }

  /** The day after the latest date run (at least tomorrow), skipping weekends and holidays. */
  private LocalDate unrunWeekday() throws SQLException {
    try (Connection db = database();
        ResultSet latest =
            db.createStatement().executeQuery("select max(business_date) from dunning_run");
        PreparedStatement holiday =
            db.prepareStatement("select 1 from holiday where country = 'GB' and on_date = ?")) {
      latest.next();
      LocalDate tomorrow = LocalDate.now(LONDON).plusDays(1);
      LocalDate date =
          latest.getObject(1) == null ? tomorrow : latest.getObject(1, LocalDate.class).plusDays(1);
      if (date.isBefore(tomorrow)) {
        date = tomorrow;
      }
      while (true) {
        holiday.setObject(1, date);
        boolean closed;
        try (ResultSet row = holiday.executeQuery()) {
          closed = row.next();
        }
        if (!closed
            && date.getDayOfWeek() != DayOfWeek.SATURDAY
            && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
          return date;
        }
        date = date.plusDays(1);
      }
    }
  }

  private Map<String, Integer> statuses(LocalDate date) throws SQLException {
    Map<String, Integer> statuses = new HashMap<>();
    try (Connection db = database();
        PreparedStatement query =
            db.prepareStatement(
                "select status, count(*) from outbox_message"
                    + " where business_date = ? and channel = 'EMAIL' group by status")) {
      query.setObject(1, date);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          statuses.put(row.getString(1), row.getInt(2));
        }
      }
    }
    return statuses;
  }

  /** When the last retry of the date's messages is due; null when none waits for one. */
  private Instant latestRetry(LocalDate date) throws SQLException {
    try (Connection db = database();
        PreparedStatement query =
            db.prepareStatement(
                "select max(scheduled_at) from outbox_message"
                    + " where business_date = ? and channel = 'EMAIL' and status = 'QUEUED'")) {
      query.setObject(1, date);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        OffsetDateTime at = row.getObject(1, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
      }
    }
  }

  /** Whether a run's transaction showed in the database before {@code within} passed. */
  private boolean awaitRunInDatabase(Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    try (Connection db = database();
        PreparedStatement running =
            db.prepareStatement(
                "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and pid <> pg_backend_pid() and state <> 'idle'"
                    + " and (query ilike '%invoice%' or query ilike '%dunning%')")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet row = running.executeQuery()) {
          row.next();
          if (row.getInt(1) > 0) {
            return true;
          }
        }
        Thread.sleep(5);
      }
    }
    return false;
  }

  private void awaitReceived(int emails) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (smtp.received().size() < emails && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static void awaitAll(List<CompletableFuture<Answer>> answers) {
    answers.forEach(CompletableFuture::join);
  }

  /** Waits for the node started again in the background, and fails the suite if it did not. */
  private void awaitRestart() throws InterruptedException {
    if (restarting != null && restarting.waitFor() != 0) {
      throw new IllegalStateException(
          "A killed node did not start again: see target/faults/restart.log");
    }
    restarting = null;
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(env("AR_DB_URL"), env("AR_DB_USER"), env("AR_DB_PASSWORD"));
  }

  private void cluster(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", clusterScript));
    command.addAll(List.of(arguments));
    run(new ProcessBuilder(command).inheritIO());
  }

  private Process clusterInBackground(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", clusterScript));
    command.addAll(List.of(arguments));
    File log = new File("target/faults/restart.log");
    log.getParentFile().mkdirs();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  private static void run(ProcessBuilder command) throws IOException, InterruptedException {
    int exit = command.inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command.command()) + " exited with " + exit);
    }
  }

  // --- The table --------------------------------------------------------------------------------

  private int report(double seconds) {
    System.out.println();
    System.out.println("| Trial | Emails | Duplicates | Lost | Unconfirmed | Seconds |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    int emails = 0;
    int failed = 0;
    for (Result result : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %d | %d | %d | %.1f |%n",
          result.trial(),
          result.emails(),
          result.duplicates(),
          result.lost(),
          result.unconfirmed(),
          result.seconds());
      emails += result.emails();
      failed += result.problems().isEmpty() ? 0 : 1;
    }
    System.out.printf(
        Locale.ROOT,
        "%n%d trials, %,d emails in %.0f s: %s%n",
        results.size(),
        emails,
        seconds,
        failed == 0 ? "every trial passed" : failed + " trials FAILED");
    return failed;
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the suite by ./courtesy faults");
    }
    return value;
  }
}
