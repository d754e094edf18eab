package app.courtesy.dispatch;

import app.courtesy.customer.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The couriers this node sends by, one per channel. The module that sets them up from configuration
 * (ar-notifications) opens the desk when the application starts; until then, and where no such
 * module runs, nothing is sent at once and the outbox keeps what is queued.
 */
@ApplicationScoped
public class CourierDesk {

  private final AtomicReference<Map<Channel, Courier>> couriers = new AtomicReference<>(Map.of());

  /** From now on, messages of each channel go by its courier. */
  public void open(Map<Channel, Courier> byChannel) {
    couriers.set(Map.copyOf(byChannel));
  }

  /** The couriers of every channel that has one; empty before the desk is opened. */
  public Map<Channel, Courier> couriers() {
    return couriers.get();
  }
}
