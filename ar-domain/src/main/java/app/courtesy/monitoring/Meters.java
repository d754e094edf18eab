package app.courtesy.monitoring;

import app.courtesy.customer.Channel;
import app.courtesy.dunning.RunStatus;
import app.courtesy.importing.ImportReport;
import app.courtesy.importing.ImportReport.Rejected;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The application's metrics, served by Payara at {@code /metrics} beside its own (scope {@code
 * application}, in Prometheus' text format): what the runs planned, what each channel sent, failed,
 * retried or left unconfirmed and what waits in the outbox, bounces, replies, imported rows and
 * rejects, and failed sign-ins.
 *
 * <p>Every series is registered at zero when the application starts ({@link #register()}), so a
 * scraper sees each from the first scrape. What happens inside a transaction is counted when it
 * commits, never for work rolled back; outside one, at once. The counts are this node's since it
 * started; Prometheus sums the nodes.
 */
@ApplicationScoped
public class Meters {

  /** The channels that send messages, each a series of its own. */
  private static final List<Channel> SENDING_CHANNELS =
      List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER);

  private static final Metadata RUNS =
      counter("courtesy_runs_total", "Dunning runs this node ran, by status");
  private static final Metadata RUN_DURATION =
      Metadata.builder()
          .withName("courtesy_run_duration")
          .withDescription("How long each completed dunning run took")
          .withUnit(MetricUnits.NANOSECONDS)
          .build();
  private static final Metadata RUN_MESSAGES =
      counter("courtesy_run_messages_total", "Messages the completed dunning runs queued");
  private static final Metadata RUN_HELD_BACK =
      counter(
          "courtesy_run_held_back_total",
          "Invoices due for a step that the runs held back (disputed, promised, on a plan)");
  private static final Metadata SENT =
      counter("courtesy_messages_sent_total", "Messages the couriers delivered, by channel");
  private static final Metadata FAILED =
      counter(
          "courtesy_messages_failed_total",
          "Messages given up after a failure (permanent, or attempts spent), by channel");
  private static final Metadata RETRIED =
      counter(
          "courtesy_messages_retried_total",
          "Failed attempts that will be tried again later, by channel");
  private static final Metadata UNCONFIRMED =
      counter(
          "courtesy_messages_unconfirmed_total",
          "Messages handed over whose outcome never came, left for a person to check, by channel");
  private static final Metadata WAITING =
      Metadata.builder()
          .withName("courtesy_messages_waiting")
          .withDescription(
              "Messages queued in the outbox, due or not, by channel (read every 30 seconds)")
          .build();
  private static final Metadata BOUNCES =
      counter("courtesy_bounces_total", "Bounces recorded on a customer's history");
  private static final Metadata REPLIES =
      counter("courtesy_replies_total", "Customers' replies kept (email and SMS)");
  private static final Metadata IMPORT_ROWS =
      counter("courtesy_import_rows_total", "Rows read by CSV imports");
  private static final Metadata IMPORT_REJECTS =
      counter("courtesy_import_rejects_total", "Rows of CSV imports rejected");
  private static final Metadata SIGN_IN_FAILURES =
      counter("courtesy_sign_in_failures_total", "Failed sign-ins (form and HTTP Basic)");

  @Inject private MetricRegistry registry;
  @Inject private Sending sending;
  @Inject private Clock clock;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  private TransactionSynchronizationRegistry transactions;

  /** What the outbox holds queued, per channel, as last read ({@link #waiting(Map)}). */
  private final Map<Channel, AtomicLong> waiting = new EnumMap<>(Channel.class);

  public Meters() {
    SENDING_CHANNELS.forEach(channel -> waiting.put(channel, new AtomicLong()));
  }

  /** Registers every series at zero; the application calls it once as it starts. */
  public void register() {
    for (RunStatus status : RunStatus.values()) {
      registry.counter(RUNS, tag(status));
    }
    registry.timer(RUN_DURATION);
    for (Metadata counter :
        List.of(
            RUN_MESSAGES,
            RUN_HELD_BACK,
            BOUNCES,
            REPLIES,
            IMPORT_ROWS,
            IMPORT_REJECTS,
            SIGN_IN_FAILURES)) {
      registry.counter(counter);
    }
    for (Channel channel : SENDING_CHANNELS) {
      for (Metadata counter : List.of(SENT, FAILED, RETRIED, UNCONFIRMED)) {
        registry.counter(counter, tag(channel));
      }
      registry.gauge(WAITING, waiting.get(channel)::get, tag(channel));
    }
  }

  /** A dunning run completed: how long it took, the messages it queued, the invoices held back. */
  public void ran(Duration took, int messages, int heldBack) {
    afterCommit(
        () -> {
          registry.counter(RUNS, tag(RunStatus.COMPLETED)).inc();
          registry.timer(RUN_DURATION).update(took);
          registry.counter(RUN_MESSAGES).inc(messages);
          registry.counter(RUN_HELD_BACK).inc(heldBack);
        });
  }

  /** A dunning run failed and planned nothing. */
  public void runFailed() {
    afterCommit(() -> registry.counter(RUNS, tag(RunStatus.FAILED)).inc());
  }

  /** A courier delivered a message on {@code channel}. */
  public void delivered(Channel channel) {
    afterCommit(
        () -> {
          registry.counter(SENT, tag(channel)).inc();
          sending.delivered(clock.instant());
        });
  }

  /**
   * A courier failed to send a message on {@code channel}, for {@code error}.
   *
   * @param givenUp whether the message is given up; otherwise it is tried again later
   */
  public void failed(Channel channel, boolean givenUp, String error) {
    afterCommit(
        () -> {
          registry.counter(givenUp ? FAILED : RETRIED, tag(channel)).inc();
          sending.failed(clock.instant(), error);
        });
  }

  /** {@code count} messages on {@code channel} were handed over and their outcome is unknown. */
  public void unconfirmed(Channel channel, long count) {
    afterCommit(() -> registry.counter(UNCONFIRMED, tag(channel)).inc(count));
  }

  /**
   * What the outbox holds queued now, per channel; a sending channel it leaves out holds nothing.
   */
  public void waiting(Map<Channel, Long> queued) {
    for (Channel channel : SENDING_CHANNELS) {
      waiting.get(channel).set(queued.getOrDefault(channel, 0L));
    }
  }

  /** A bounce was recorded on a customer's history. */
  public void bounced() {
    afterCommit(() -> registry.counter(BOUNCES).inc());
  }

  /** A customer's reply was kept. */
  public void replied() {
    afterCommit(() -> registry.counter(REPLIES).inc());
  }

  /**
   * An import finished: the rows it read and those it rejected, whether it wrote the others or
   * nothing at all.
   */
  public void imported(ImportReport report) {
    afterCommit(
        () -> {
          registry.counter(IMPORT_ROWS).inc(report.rows());
          registry
              .counter(IMPORT_REJECTS)
              .inc(report.rejected().stream().mapToInt(Rejected::line).distinct().count());
        });
  }

  /** Someone failed to sign in. */
  public void signInFailed() {
    afterCommit(() -> registry.counter(SIGN_IN_FAILURES).inc());
  }

  /**
   * Counts when the current transaction commits, not at all when it rolls back, and at once outside
   * a transaction.
   */
  private void afterCommit(Runnable count) {
    int status = transactions.getTransactionStatus();
    if (status == Status.STATUS_NO_TRANSACTION) {
      count.run();
    } else if (status == Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int outcome) {
              if (outcome == Status.STATUS_COMMITTED) {
                count.run();
              }
            }
          });
    }
  }

  private static Tag tag(RunStatus status) {
    return new Tag("status", status.name());
  }

  private static Tag tag(Channel channel) {
    return new Tag("channel", channel.name());
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
