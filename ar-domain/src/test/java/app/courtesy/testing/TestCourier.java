package app.courtesy.testing;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.Courier;
import app.courtesy.dispatch.DeliveryException;
import app.courtesy.dispatch.Outgoing;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A courier that keeps what it was given, and can be told to fail the next deliveries, as a mail
 * server that is down (try again) or refuses an address (permanent).
 */
public class TestCourier implements Courier {

  private final Channel channel;
  private final List<Outgoing> delivered = new CopyOnWriteArrayList<>();
  private volatile long failingCustomer;
  private volatile int failures;
  private volatile boolean permanent;

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

  @Override
  public String deliver(Outgoing message) throws DeliveryException {
    if (message.customerId() == failingCustomer && failures > 0) {
      failures--;
      throw new DeliveryException(
          permanent ? "550 5.1.1 mailbox unavailable" : "Connection refused", permanent, null);
    }
    delivered.add(message);
    return "delivered #" + delivered.size();
  }

  /** What was delivered to the customer, in order. */
  public List<Outgoing> deliveredTo(long customerId) {
    return delivered.stream().filter(m -> m.customerId() == customerId).toList();
  }
}
