package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator's scraper reads at {@code /metrics} on the node: every series of the application
 * from the start, and each moving when what it counts happens — an import, a failed sign-in, a run,
 * an email sent.
 */
class MetricsIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final String IBM_HEADER =
      "countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,"
          + "Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate\n";

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void theServerKeepsTheSystemsTimeAgain() {
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void everySeriesIsServedFromTheStartInPrometheusTextFormat() {
    HttpResponse<String> metrics = api.get("/metrics?scope=application");

    assertThat(metrics.statusCode()).isEqualTo(200);
    for (String counter :
        List.of(
            "courtesy_runs_total{mp_scope=\"application\",status=\"COMPLETED\"}",
            "courtesy_runs_total{mp_scope=\"application\",status=\"FAILED\"}",
            "courtesy_run_duration_seconds_count{mp_scope=\"application\"}",
            "courtesy_run_messages_total{mp_scope=\"application\"}",
            "courtesy_run_held_back_total{mp_scope=\"application\"}",
            "courtesy_bounces_total{mp_scope=\"application\"}",
            "courtesy_replies_total{mp_scope=\"application\"}",
            "courtesy_import_rows_total{mp_scope=\"application\"}",
            "courtesy_import_rejects_total{mp_scope=\"application\"}",
            "courtesy_sign_in_failures_total{mp_scope=\"application\"}")) {
      assertThat(metrics.body()).containsPattern("(?m)^" + quoted(counter) + " \\d+\\.\\d+$");
    }
    for (String channel : List.of("EMAIL", "SMS", "LETTER")) {
      for (String counter :
          List.of(
              "courtesy_messages_sent_total",
              "courtesy_messages_failed_total",
              "courtesy_messages_retried_total",
              "courtesy_messages_unconfirmed_total")) {
        assertThat(metrics.body())
            .containsPattern(
                "(?m)^"
                    + counter
                    + quoted("{channel=\"" + channel + "\",mp_scope=\"application\"}")
                    + " \\d+\\.\\d+$");
      }
      assertThat(metrics.body())
          .containsPattern(
              "(?m)^courtesy_messages_waiting"
                  + quoted("{channel=\"" + channel + "\",mp_scope=\"application\"}")
                  + " \\d+$");
    }
  }

  @Test
  void metricsAreReadOnTheServerOnly() {
    HttpResponse<String> relayed =
        api.get("/metrics?scope=application", Map.of("X-Forwarded-For", "203.0.113.7"));

    assertThat(relayed.statusCode()).isEqualTo(403);
  }

  @Test
  void anImportAddsTheRowsItReadAndThoseItRejected() {
    double rows = value("courtesy_import_rows_total", "");
    double rejects = value("courtesy_import_rejects_total", "");
    String customer = "MT-" + tag;
    new LondonCustomer(
        customer, "Metric Tools " + tag, "Mina Tate", "mina." + tag + "@example.org");

    // Two invoices of the customer, one of a customer nobody knows: the valid rows are taken.
    String csv =
        IBM_HEADER
            + line(customer, "MTI-" + tag + "-1")
            + line(customer, "MTI-" + tag + "-2")
            + line("NOBODY-" + tag, "MTI-" + tag + "-3");
    HttpResponse<String> imported =
        api.post(
            "/api/v1/imports/invoices?mode=VALID_ROWS_ONLY&mapping="
                + URLEncoder.encode("IBM accounts-receivable sample", StandardCharsets.UTF_8)
                    .replace("+", "%20"),
            "text/csv",
            csv,
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

    assertThat(value("courtesy_import_rows_total", "")).isEqualTo(rows + 3);
    assertThat(value("courtesy_import_rejects_total", "")).isEqualTo(rejects + 1);
  }

  @Test
  void aFailedSignInAddsOne() {
    double failures = value("courtesy_sign_in_failures_total", "");

    HttpResponse<String> refused = api.get("/api/v1/me", "nobody." + tag, "not-the-password");
    assertThat(refused.statusCode()).isEqualTo(401);

    assertThat(value("courtesy_sign_in_failures_total", "")).isEqualTo(failures + 1);
  }

  @Test
  void aRunAndTheEmailItQueuedAreCounted() {
    double runs = value("courtesy_runs_total", "status=\"COMPLETED\"");
    double timed = value("courtesy_run_duration_seconds_count", "");
    double queued = value("courtesy_run_messages_total", "");
    double sent = value("courtesy_messages_sent_total", "channel=\"EMAIL\"");

    // A date's run queues a reminder for Nora's invoice, falling due that day; the clock moves
    // into London's office hours and the outbox is sent.
    LocalDate date = ServerDays.unrunDate();
    String nora = "nora." + tag + "@example.org";
    new LondonCustomer("MR-" + tag, "Meter Rooms " + tag, "Nora Reed", nora)
        .invoice("MRI-" + tag, date, "250.00");
    HttpResponse<String> run =
        api.postJson("/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
    ServerDays.moveToOfficeHours(date, LONDON, "GB");
    ServerDays.dispatch();
    assertThat(Mailbox.await(MAIL, nora, "")).isNotNull();

    assertThat(value("courtesy_runs_total", "status=\"COMPLETED\"")).isEqualTo(runs + 1);
    assertThat(value("courtesy_run_duration_seconds_count", "")).isEqualTo(timed + 1);
    assertThat(value("courtesy_run_messages_total", "")).isGreaterThanOrEqualTo(queued + 1);
    assertThat(value("courtesy_messages_sent_total", "channel=\"EMAIL\""))
        .isGreaterThanOrEqualTo(sent + 1);
  }

  /** An open invoice of {@code customer} in the IBM sample's format, due in a month. */
  private static String line(String customer, String invoice) {
    LocalDate issued = LocalDate.now(LONDON);
    return "826,"
        + customer
        + ","
        + us(issued)
        + ","
        + invoice
        + ","
        + us(issued)
        + ","
        + us(issued.plusDays(30))
        + ",120.00,No,,Electronic,0,0\n";
  }

  private static String us(LocalDate date) {
    return date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear();
  }

  /** The value of the series {@code name} whose labels include {@code label}, as scraped now. */
  private double value(String name, String label) {
    String metrics = api.get("/metrics?scope=application").body();
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + "{") && line.contains(label)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError(name + " with " + label + " is not served:\n" + metrics);
  }

  private static String quoted(String text) {
    return Pattern.quote(text);
  }
}
