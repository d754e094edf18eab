package app.courtesy.dispatch;

import app.courtesy.collection.CaseService;
import app.courtesy.collection.EmailDraft;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.outbox.Outbox;
import app.courtesy.outbox.OutboxMessage;
import app.courtesy.reply.Replies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * A collector's own email, sent as their mail program would send it: queued (and committed) by the
 * case, then sent at once, that message alone, by this node's couriers. If it cannot go now (the
 * mail server does not answer, another node took it first, nothing is set up to send here), it
 * stays in the outbox and the dispatcher's next round sends it.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class CollectorEmails {

  /**
   * What became of the email: {@link MessageStatus#SENT}, {@link MessageStatus#QUEUED} for a later
   * round (with the error that held it back, if any), or {@link MessageStatus#FAILED}.
   */
  public record Sending(long messageId, MessageStatus status, String error) {}

  @Inject private CaseService cases;
  @Inject private Replies replies;
  @Inject private Dispatcher dispatcher;
  @Inject private Outbox outbox;

  /**
   * Queues the email (see {@link CaseService#sendEmail}; an answer to a customer's reply through
   * {@link Replies#answer}) and sends it now.
   *
   * @throws app.courtesy.collection.CaseRefusedException as {@link CaseService#sendEmail} does
   * @throws app.courtesy.reply.ReplyRefusedException when the reply it answers was answered already
   */
  public Sending send(long caseId, EmailDraft draft, String actor) {
    long id =
        draft.answers() == null
            ? cases.sendEmail(caseId, draft, actor)
            : replies.answer(draft.answers(), caseId, draft, actor);
    dispatcher.sendNow(id);
    OutboxMessage message = outbox.find(id).orElseThrow();
    return new Sending(id, message.getStatus(), message.getLastError());
  }
}
