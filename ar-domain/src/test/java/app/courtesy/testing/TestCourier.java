package app.courtesy.testing;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.Courier;
import app.courtesy.dispatch.DeliveryException;
import app.courtesy.dispatch.HandOver;
import app.courtesy.dispatch.Outgoing;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A courier that keeps what it was given (handing each over first), and can be told to fail the
 * next deliveries, as a mail server that is down (try again) or refuses an address (permanent), or
 * to drop the connection after a message went out (unknown outcome).
 */
public class TestCourier implements Courier {

  private final Channel channel;
  private final List<Outgoing> delivered = new CopyOnWriteArrayList<>();
  private volatile long failingCustomer;
  private volatile int failures;
  private volatile boolean permanent;
  private volatile long droppingCustomer;

  public TestCourier(Channel channel) {
    this.channel = channel;
  }

  /** The next {@code count} deliveries to the customer fail. */
  public void failNext(long customerId, int count, boolean permanent) {
    this.failingCustomer = customerId;
    this.failures = count;
    this.permanent = permanent;
  }

  @Override
  public Channel channel() {
    return channel;
  }

  /**
   * The next delivery to the customer is handed over and its answer never comes: the connection
   * drops after the end of DATA, and the message did arrive.
   */
  public void dropAfterData(long customerId) {
    this.droppingCustomer = customerId;
  }

  @Override
  public String deliver(Outgoing message, HandOver handOver) throws DeliveryException {
    if (message.customerId() == failingCustomer && failures > 0) {
      failures--;
      throw new DeliveryException(
          permanent ? "550 5.1.1 mailbox unavailable" : "Connection refused", permanent, null);
    }
    handOver.handingTo("test.invalid:25");
    delivered.add(message);
    if (message.customerId() == droppingCustomer) {
      droppingCustomer = 0;
      throw DeliveryException.unknownOutcome("Connection reset after the final dot", null);
    }
    return "delivered #" + delivered.size();
  }

  /** What was delivered to the customer, in order. */
  public List<Outgoing> deliveredTo(long customerId) {
    return delivered.stream().filter(m -> m.customerId() == customerId).toList();
  }
}
