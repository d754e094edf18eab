package app.courtesy.notifications;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.Courier;
import app.courtesy.dispatch.DeliveryException;
import app.courtesy.dispatch.HandOver;
import app.courtesy.dispatch.Outgoing;
import app.courtesy.shared.TextPages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Letters for printing: one A4 PDF per message in the pickup folder's {@code letters} folder,
 * addressed to the contact at the customer, the reminder's text below (laid out by {@link
 * TextPages}).
 */
public class LetterCourier implements Courier {

  private final Path pickup;

  public LetterCourier(Path pickup) {
    this.pickup = pickup;
  }

  @Override
  public Channel channel() {
    return Channel.LETTER;
  }

  @Override
  public String deliver(Outgoing message, HandOver handOver) throws DeliveryException {
    List<String> lines = new ArrayList<>();
    lines.add(message.recipientName());
    lines.add(message.address());
    lines.add("");
    lines.add(message.subject());
    lines.add("");
    lines.addAll(TextPages.wrap(message.text()));
    return new PickupFolder(pickup)
        .deliver(
            "letters", message.messageId(), "pdf", out -> TextPages.write(lines, out), handOver);
  }
}
