package app.courtesy.communication;

import app.courtesy.customer.Channel;
import java.time.Instant;

/**
 * One contact with a customer as the log keeps it.
 *
 * @param outbound true for what we sent, false for what reached us
 * @param actor who acted: a user name, or the part of Courtesy that sent it
 * @param messageId the outbox message it belongs to, if any
 */
public record Entry(
    long customerId,
    Instant occurredAt,
    Channel channel,
    boolean outbound,
    String actor,
    String recipient,
    String subject,
    String body,
    Outcome outcome,
    String detail,
    Long messageId) {

  /** A note {@code actor} recorded on the customer's history at {@code at}: no message, no one. */
  public static Entry note(long customerId, Instant at, String actor, String detail) {
    return new Entry(
        customerId,
        at,
        Channel.NOTE,
        false,
        actor,
        null,
        null,
        null,
        Outcome.RECORDED,
        detail,
        null);
  }
}
