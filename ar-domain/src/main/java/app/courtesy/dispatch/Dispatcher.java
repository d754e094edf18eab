package app.courtesy.dispatch;

import app.courtesy.customer.Channel;
import app.courtesy.outbox.Outbox;
import app.courtesy.shared.Shares;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the outbox: claims due messages in small batches, hands each to its channel's courier
 * outside any transaction (a claim's messages in a few lanes at once), and records what became of
 * each.
 *
 * <p><b>Exactly once, as far as the protocol tells.</b> A claim is a lease ({@code
 * AR_DISPATCH_LEASE_SECONDS}, two minutes by default) under a token of its own. Just before the
 * step after which a message may have arrived (the SMTP DATA, the gateway's POST, the letter's
 * file) the courier hands it over: that is committed for the one message, and only if the claim
 * still holds it. What became of a claim's messages is recorded once they were all sent, in one
 * transaction: the log entries of a claim in one append, rather than a transaction and an append
 * per email. So when a node stops:
 *
 * <ul>
 *   <li>a message it claimed and never handed over is claimed again by any dispatcher once the
 *       lease ran out, and sent once;
 *   <li>a message it handed over and whose outcome it never recorded (at most the claim it was
 *       sending: {@link #BATCH} messages per dispatching thread) is {@code UNCONFIRMED} once the
 *       lease ran out. It may have arrived; it is never sent again on its own, and a collector sees
 *       what is known (which server, when, the Message-ID) and marks it sent or sends it again.
 * </ul>
 *
 * A connection that drops after the end of DATA is the same doubt, and the same status; a failure
 * before DATA is retried. Outcomes a database outage kept from being recorded stay in memory and
 * are recorded by the next round.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class Dispatcher {

  /** Messages per claim. */
  public static final int BATCH = 50;

  /** What one call sent. */
  public record Round(int claimed, int delivered, int failed, int unconfirmed) {

    private Round plus(Round other) {
      return new Round(
          claimed + other.claimed,
          delivered + other.delivered,
          failed + other.failed,
          unconfirmed + other.unconfirmed);
    }
  }

  private static final Round NOTHING = new Round(0, 0, 0, 0);

  /** This node, as the outbox and the webhook deliveries name who claimed a row. */
  public static final String NODE = node();

  @Inject private OutboxStore store;
  @Inject private CourierDesk desk;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "ar.dispatch.lease-seconds", defaultValue = "120")
  private long leaseSeconds;

  /** How many lanes a claim is sent in when {@code ar.dispatch.lanes} does not say. */
  public static final String DEFAULT_LANES = "4";

  /**
   * Shares of each claim sent at the same time, each over a connection of its own: a mail server
   * takes several at once from one sender (most allow ten or more).
   */
  @Inject
  @ConfigProperty(name = "ar.dispatch.lanes", defaultValue = DEFAULT_LANES)
  private int lanes;

  @Resource private ManagedExecutorService executor;

  /** Outcomes known here and not yet recorded: the database went away in between. */
  private final Queue<OutboxStore.Delivery> unrecorded = new ConcurrentLinkedQueue<>();

  /**
   * Sends what is due now by this node's couriers, {@link #BATCH} messages per claim, each claim
   * over {@code ar.dispatch.lanes} connections at once, until nothing due is left or {@code max}
   * messages were claimed.
   */
  public Round dispatch(int max) {
    return dispatch(clock, desk.couriers(), BATCH, max, lanes);
  }

  /**
   * Sends the message {@code id} alone, now, by this node's couriers: a message just queued that
   * should not wait for the next round (a collector's own email). Nothing else is claimed. When it
   * is no longer queued (another dispatcher took it), or no courier is set up here, this does
   * nothing and the outbox keeps it for the dispatcher.
   */
  public Round sendNow(long id) {
    Map<Channel, Courier> couriers = desk.couriers();
    if (couriers.isEmpty()) {
      return NOTHING;
    }
    return send(clock, couriers, store.claimOne(id, clock.instant(), lease(clock)), 1);
  }

  /**
   * Sends what is due, {@code batch} messages per claim and one at a time, until nothing due is
   * left or {@code max} messages were claimed.
   */
  public Round dispatch(Clock clock, Map<Channel, Courier> couriers, int batch, int max) {
    return dispatch(clock, couriers, batch, max, 1);
  }

  /**
   * Sends what is due, {@code batch} messages per claim, until nothing due is left or {@code max}
   * messages were claimed. Each claim's messages are shared out among {@code lanes} that send at
   * the same time, each over a connection of its own, so that one lane's wait for the mail server
   * or for its hand-over's commit is another's turn to work. First records what an earlier round
   * could not, and reports the messages whose dispatcher stopped after handing them over.
   *
   * @param clock the time to claim and record by (tests pass a fixed one)
   * @param couriers the courier of each channel that sends messages (email, SMS, letter); with more
   *     than one lane, they take messages from several threads at once
   */
  public Round dispatch(
      Clock clock, Map<Channel, Courier> couriers, int batch, int max, int lanes) {
    recordUnrecorded();
    store.reportUnconfirmed(clock.instant());
    Round total = NOTHING;
    while (total.claimed() < max) {
      OutboxStore.Claimed claim =
          store.claim(clock.instant(), Math.min(batch, max - total.claimed()), lease(clock));
      if (claim.count() == 0) {
        break;
      }
      total = total.plus(send(clock, couriers, claim, lanes));
    }
    return total;
  }

  private Outbox.Lease lease(Clock clock) {
    return new Outbox.Lease(
        UUID.randomUUID().toString(), NODE, clock.instant().plus(Duration.ofSeconds(leaseSeconds)));
  }

  /**
   * Sends a claim's messages in up to {@code lanes} shares at once (this thread sends the first,
   * the executor's threads the others, see {@link Shares}), then records what became of them all,
   * in one transaction.
   */
  private Round send(
      Clock clock, Map<Channel, Courier> couriers, OutboxStore.Claimed claim, int lanes) {
    List<Outgoing> ready = claim.ready();
    int count = Math.max(1, Math.min(lanes, ready.size()));
    Queue<OutboxStore.Delivery> outcomes = new ConcurrentLinkedQueue<>();
    List<Supplier<Round>> shares = new ArrayList<>();
    for (int share = 0; share < count; share++) {
      List<Outgoing> messages = share(ready, share, count);
      shares.add(() -> send(clock, couriers, claim.token(), messages, outcomes));
    }
    List<Round> rounds;
    try {
      rounds = Shares.run(executor, shares);
    } catch (RuntimeException unreachable) {
      // A hand-over could not be recorded: what the other messages became is recorded next round.
      unrecorded.addAll(outcomes);
      throw unreachable;
    }
    record(List.copyOf(outcomes));
    return rounds.stream().reduce(new Round(claim.count(), 0, 0, 0), Round::plus);
  }

  /** The messages of share {@code index} of {@code count}: every {@code count}th from it. */
  private static List<Outgoing> share(List<Outgoing> ready, int index, int count) {
    List<Outgoing> share = new ArrayList<>();
    for (int i = index; i < ready.size(); i += count) {
      share.add(ready.get(i));
    }
    return share;
  }

  /**
   * Hands messages of the claim {@code token} to their couriers one by one, each hand-over
   * committed on its own over the lane's one connection, and adds what became of each to {@code
   * outcomes}.
   *
   * @return what became of them (nothing claimed: the claim counts its messages once)
   */
  private Round send(
      Clock clock,
      Map<Channel, Courier> couriers,
      String token,
      List<Outgoing> messages,
      Queue<OutboxStore.Delivery> outcomes) {
    if (messages.isEmpty()) {
      return NOTHING;
    }
    int delivered = 0;
    int failed = 0;
    int unconfirmed = 0;
    try (Outbox.HandOvers handOvers = store.handOvers(token)) {
      for (Outgoing outgoing : messages) {
        Courier courier = couriers.get(outgoing.channel());
        try {
          if (courier == null) {
            throw new DeliveryException(
                "Nothing is set up to send " + outgoing.channel() + " messages", false, null);
          }
          String receipt =
              courier.deliver(
                  outgoing,
                  server -> {
                    if (!handOvers.handOver(outgoing.messageId(), server, clock.instant())) {
                      throw new HandOverRefusedException(outgoing.messageId());
                    }
                  });
          outcomes.add(new OutboxStore.Delivery(outgoing, token, clock.instant(), receipt));
          delivered++;
        } catch (DeliveryException e) {
          outcomes.add(new OutboxStore.Delivery(outgoing, token, clock.instant(), e));
          if (e.isUnknown()) {
            unconfirmed++;
          } else {
            failed++;
          }
        } catch (HandOverRefusedException elsewhere) {
          // Its lease ran out while this claim was slow; the dispatcher that holds it sends it.
        }
      }
    }
    return new Round(0, delivered, failed, unconfirmed);
  }

  private void recordUnrecorded() {
    List<OutboxStore.Delivery> left = new ArrayList<>();
    for (OutboxStore.Delivery delivery = unrecorded.poll();
        delivery != null;
        delivery = unrecorded.poll()) {
      left.add(delivery);
    }
    record(left);
  }

  /** Records {@code outcomes}; when the database cannot be reached, the next round does. */
  private void record(List<OutboxStore.Delivery> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    try {
      store.record(outcomes);
    } catch (RuntimeException unreachable) {
      unrecorded.addAll(outcomes);
      throw unreachable;
    }
  }

  /**
   * The node's route where the load balancer knows it by one ({@code jvmRoute}), else the host and
   * the server's folder, e.g. {@code app-2/courtesy}.
   */
  private static String node() {
    String route = System.getProperty("jvmRoute");
    if (route != null) {
      return route;
    }
    String instance =
        Path.of(System.getProperty("com.sun.aas.instanceRoot", "server")).getFileName().toString();
    try {
      return InetAddress.getLocalHost().getHostName() + "/" + instance;
    } catch (UnknownHostException e) {
      return instance;
    }
  }
}
