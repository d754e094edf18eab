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

  /** What one call sent. */
  public record Round(int claimed, int delivered, int failed) {}

  @Inject private OutboxStore store;

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
      claimed += claim.count();
      List<OutboxStore.Delivery> deliveries = new ArrayList<>();
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
          failed++;
        }
      }
      store.record(deliveries);
    }
    return new Round(claimed, delivered, failed);
  }
}
