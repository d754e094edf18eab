package app.courtesy.dispatch;

/**
 * Sends what is due now, on demand: the work the dispatcher's timer does every minute, for an admin
 * who does not want to wait for it. Implemented where the couriers live (ar-notifications); several
 * drains may run at once, as several nodes do.
 */
public interface OutboxDrain {

  /** Sends what is due, at most {@code max} messages claimed. */
  Dispatcher.Round drain(int max);
}
