package app.courtesy.dispatch;

import app.courtesy.customer.Channel;

/** Delivers messages of one channel: email over SMTP, SMS through a gateway, letters as PDF. */
public interface Courier {

  Channel channel();

  /**
   * Delivers {@code message}, telling {@code handOver} just before the step after which it may have
   * arrived; a {@link HandOverRefusedException} or any other exception from it stops the delivery
   * before that step and passes on.
   *
   * @return what the channel confirmed, for the log (a message id, the file written)
   * @throws DeliveryException when it could not, saying whether trying again can help, or when it
   *     cannot tell (handed over, no answer)
   */
  String deliver(Outgoing message, HandOver handOver) throws DeliveryException;
}
