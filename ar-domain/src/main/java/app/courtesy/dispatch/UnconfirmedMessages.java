package app.courtesy.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;

/**
 * What a collector decides about a message that went unconfirmed (handed to the server, no answer):
 * it arrived after all, or it goes again, now, saying so.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class UnconfirmedMessages {

  @Inject private OutboxStore store;
  @Inject private Dispatcher dispatcher;
  @Inject private Clock clock;

  /**
   * Marks the message {@code id} sent: {@code person} checked that it arrived.
   *
   * @throws app.courtesy.shared.ConcurrentChangeException when it is no longer unconfirmed
   * @throws app.courtesy.shared.NotFoundException when there is no such message
   */
  public void markSent(long id, String person) {
    store.confirmSent(id, person, clock.instant());
  }

  /**
   * Sends the message {@code id} again, now (or at the next round when it cannot go at once), with
   * a line that says it is sent again.
   *
   * @throws app.courtesy.shared.ConcurrentChangeException when it is no longer unconfirmed
   * @throws app.courtesy.shared.NotFoundException when there is no such message
   */
  public Dispatcher.Round sendAgain(long id, String person) {
    store.sendAgain(id, person, clock.instant());
    return dispatcher.sendNow(id);
  }
}
