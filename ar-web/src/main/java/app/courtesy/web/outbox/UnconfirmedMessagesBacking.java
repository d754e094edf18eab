package app.courtesy.web.outbox;

import app.courtesy.dispatch.Dispatcher;
import app.courtesy.dispatch.OutboxQueries;
import app.courtesy.dispatch.UnconfirmedMessages;
import app.courtesy.outbox.OutboxMessage;
import app.courtesy.security.Role;
import app.courtesy.shared.NotAllowedException;
import app.courtesy.web.DialogAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of a customer that went unconfirmed, on the case and customer pages: what is known
 * of each, and a collector's decision: it arrived (mark it sent), or it goes again, saying so.
 */
@Named
@RequestScoped
public class UnconfirmedMessagesBacking {

  /** More than a customer ever has waiting. */
  private static final int LIMIT = 100;

  @Inject private OutboxQueries queries;
  @Inject private UnconfirmedMessages unconfirmed;
  @Inject private SecurityContext security;

  private final Map<Long, List<OutboxMessage>> byCustomer = new HashMap<>();

  /** The customer's unconfirmed messages, oldest first. */
  public List<OutboxMessage> of(long customerId) {
    return byCustomer.computeIfAbsent(
        customerId,
        id -> queries.unconfirmed(id, LIMIT).stream().map(OutboxQueries.Listed::message).toList());
  }

  public String whatIsKnown(OutboxMessage message) {
    return queries.whatIsKnown(message);
  }

  /** Collectors and administrators decide; approvers look. */
  public boolean isMayDecide() {
    return security.isCallerInRole(Role.COLLECTOR_ID) || security.isCallerInRole(Role.ADMIN_ID);
  }

  public void markSent(OutboxMessage message) {
    DialogAction.runInForm(
        "unconfirmed-form",
        message.label() + " marked sent.",
        () -> unconfirmed.markSent(message.getId(), decider()),
        byCustomer::clear);
  }

  public void sendAgain(OutboxMessage message) {
    DialogAction.runInForm(
        "unconfirmed-form",
        () -> {
          Dispatcher.Round round = unconfirmed.sendAgain(message.getId(), decider());
          return round.delivered() > 0
              ? message.label() + " sent again, with a line saying so."
              : message.label()
                  + " queued to go again with the next round, with a line saying so"
                  + (round.claimed() > 0 ? " (the server did not take it just now)." : ".");
        },
        byCustomer::clear);
  }

  private String decider() {
    if (!isMayDecide()) {
      throw new NotAllowedException(
          "Only a collector or an administrator decides about a message.");
    }
    return security.getCallerPrincipal().getName();
  }
}
