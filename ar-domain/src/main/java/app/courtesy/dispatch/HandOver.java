package app.courtesy.dispatch;

/**
 * What a courier tells the dispatcher just before the step after which a message may have arrived:
 * the SMTP DATA, the gateway's POST, the letter's file. The dispatcher commits it, so a message
 * never handed over is simply sent later, and only one handed over without a recorded answer is in
 * doubt.
 */
@FunctionalInterface
public interface HandOver {

  /**
   * Records that the message is being handed to {@code server} now. Called once per attempt.
   *
   * @throws HandOverRefusedException when the message must not go: another dispatcher holds it now
   * @throws RuntimeException when it could not be recorded (the database is unreachable): the
   *     message must not go either
   */
  void handingTo(String server);
}
