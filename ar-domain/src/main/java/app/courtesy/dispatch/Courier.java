package app.courtesy.dispatch;

import app.courtesy.customer.Channel;

/** Delivers messages of one channel: email over SMTP, SMS through a gateway, letters as PDF. */
public interface Courier {

  Channel channel();

  /**
   * Delivers {@code message}.
   *
   * @return what the channel confirmed, for the log (a message id, the file written)
   * @throws DeliveryException when it could not, saying whether trying again can help
   */
  String deliver(Outgoing message) throws DeliveryException;
}
