package app.courtesy.dispatch;

import app.courtesy.customer.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drains the outbox: claims due messages in small batches, hands each to its channel's courier
 * outside any transaction, and records the batch's outcomes in a transaction of their own.
 *
 * <p><b>Never twice.</b> A message is committed as claimed ({@code SENDING}) before its courier
 * runs, and as sent (with its log entry) after, together with the rest of its batch. If the node
 * stops between the two, the batch's messages stay claimed: each may or may not have gone out, and
 * nothing in the database can tell. Sending them again could remind a customer twice, so it is
 * never retried on its own; after a quarter of an hour it is reported as {@code UNCONFIRMED} on the
 * case for a collector to check. The rarer missed message is the price of never sending a
 * duplicate. Emails carry a Message-ID made from the message's id, so even a resend by hand is
 * recognisable as the same message.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class Dispatcher {

  /** Messages per claim: each claim and each batch of outcomes is one short transaction. */
  public static final int BATCH = 50;

  /** What one call sent. */
  public record Round(int claimed, int delivered, int failed) {}

  @Inject private OutboxStore store;
  @Inject private CourierDesk desk;
  @Inject private Clock clock;

  /**
   * Sends what is due now by this node's couriers, {@link #BATCH} messages per claim, until nothing
   * due is left or {@code max} messages were claimed.
   */
  public Round dispatch(int max) {
    return dispatch(clock, desk.couriers(), BATCH, max);
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
      return new Round(0, 0, 0);
    }
    return send(clock, couriers, store.claimOne(id, clock.instant()));
  }

  /**
   * Sends what is due, {@code batch} messages per claim, until nothing due is left or {@code max}
   * messages were claimed.
   *
   * @param clock the time to claim and record by (tests pass a fixed one)
   * @param couriers the courier of each channel that sends messages (email, SMS, letter)
   */
  public Round dispatch(Clock clock, Map<Channel, Courier> couriers, int batch, int max) {
    store.reportUnconfirmed(clock.instant());
    int claimed = 0;
    int delivered = 0;
    int failed = 0;
    while (claimed < max) {
      OutboxStore.Claimed claim = store.claim(clock.instant(), Math.min(batch, max - claimed));
      if (claim.count() == 0) {
        break;
      }
      Round round = send(clock, couriers, claim);
      claimed += round.claimed();
      delivered += round.delivered();
      failed += round.failed();
    }
    return new Round(claimed, delivered, failed);
  }

  /** Hands a claim's messages to their couriers, then records what became of them. */
  private Round send(Clock clock, Map<Channel, Courier> couriers, OutboxStore.Claimed claim) {
    List<OutboxStore.Delivery> deliveries = new ArrayList<>();
    int delivered = 0;
    for (Outgoing outgoing : claim.ready()) {
      Courier courier = couriers.get(outgoing.channel());
      try {
        if (courier == null) {
          throw new DeliveryException(
              "Nothing is set up to send " + outgoing.channel() + " messages", false, null);
        }
        String receipt = courier.deliver(outgoing);
        deliveries.add(new OutboxStore.Delivery(outgoing, clock.instant(), receipt, null));
        delivered++;
      } catch (DeliveryException e) {
        deliveries.add(new OutboxStore.Delivery(outgoing, clock.instant(), null, e));
      }
    }
    if (!deliveries.isEmpty()) {
      store.record(deliveries);
    }
    return new Round(claim.count(), delivered, deliveries.size() - delivered);
  }
}
