package app.courtesy.bench;

import java.nio.file.Path;
import java.util.Set;

/**
 * What the benchmark runs against and at which scale, from system properties ({@code -Dbench.…}).
 *
 * @param url the running application
 * @param user a user with the admin role (REST and pages)
 * @param databaseUrl the application's PostgreSQL database; its name must end in {@code _bench},
 *     because the benchmark empties the ledger first
 * @param generate whether to generate the book first (and measure the REST and CSV ingest into it);
 *     {@code false} measures the book the database holds from an earlier run
 * @param steps which measurements run: {@code list}, {@code dunning}, {@code dashboard} (needs
 *     {@code dunning}'s year of figures), {@code dispatch}, {@code worklist}, {@code portal} (needs
 *     {@code dispatch}'s links), {@code memory}, {@code quickstart} (comma-separated; all by
 *     default)
 * @param invoices invoices in the generated book
 * @param importRows rows in the CSV file imported through the application
 * @param batchRows invoices sent through the REST batch endpoint
 * @param batchSize invoices per REST request
 * @param batchClients clients sending REST batches at the same time
 * @param emails reminder emails the dispatch measurement sends
 * @param dispatchClients dispatch requests running at the same time
 * @param collectors collectors working the invoice list and the worklist at the same time, each in
 *     a session of their own
 * @param rounds times each collector goes through a list's scenarios
 * @param thinkMillis the most a simulated collector pauses between two requests (a random share of
 *     it each time)
 * @param smtpPort where the benchmark's SMTP server listens (on 127.0.0.1); the application is
 *     started with it as {@code AR_SMTP_PORT}
 * @param smtpDelayMillis how long that server waits before each answer, as one across a network
 *     would (0: at once, as the server on this machine)
 * @param seed makes the generated book and files the same on every run
 * @param output where the figures are written (Markdown and JSON)
 */
record Settings(
    String url,
    String user,
    String password,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    boolean generate,
    Set<String> steps,
    int invoices,
    int importRows,
    int batchRows,
    int batchSize,
    int batchClients,
    int emails,
    int dispatchClients,
    int collectors,
    int rounds,
    int thinkMillis,
    int smtpPort,
    int smtpDelayMillis,
    double seed,
    Path output) {

  /** Whether the measurement named {@code step} runs. */
  boolean runs(String step) {
    return steps.contains(step);
  }

  static Settings fromSystemProperties() {
    return new Settings(
        text("bench.url", "http://127.0.0.1:30080"),
        text("bench.user", "admin"),
        text("bench.password", "granite-fjord-ledger-19"),
        text("bench.db.url", "jdbc:postgresql://127.0.0.1:5432/courtesy_bench"),
        text("bench.db.user", "courtesy_bench"),
        text("bench.db.password", "courtesy_bench"),
        Boolean.parseBoolean(text("bench.generate", "true")),
        Set.of(
            text("bench.steps", "list,dunning,dashboard,dispatch,worklist,portal,memory,quickstart")
                .split("\\s*,\\s*")),
        number("bench.invoices", 1_000_000),
        number("bench.import.rows", 100_000),
        number("bench.batch.rows", 100_000),
        number("bench.batch.size", 1_000),
        number("bench.batch.clients", 2),
        number("bench.emails", 20_000),
        number("bench.dispatch.clients", 2),
        number("bench.collectors", 20),
        number("bench.rounds", 5),
        number("bench.think.ms", 2_000),
        number("bench.smtp.port", 30025),
        number("bench.smtp.delay.ms", 0),
        Double.parseDouble(text("bench.seed", "0.42")),
        Path.of(text("bench.output", "target/benchmark")));
  }

  private static String text(String name, String fallback) {
    return System.getProperty(name, fallback);
  }

  private static int number(String name, int fallback) {
    return Integer.parseInt(text(name, String.valueOf(fallback)).replace("_", ""));
  }
}
