package app.courtesy.dispatch;

import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.communication.Outcome;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.monitoring.Meters;
import app.courtesy.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/**
 * Email addresses the mail system gives up on, whether the server refuses one while Courtesy sends
 * or a bounce comes back later: an address refused for good is marked on its contact, so no more
 * email goes to it until someone corrects it, and the customer's open case shows it (and ranks a
 * little higher). A bounce is logged on the customer's history once, however often it arrives.
 */
@ApplicationScoped
@Transactional
public class Bounces {

  /** What became of a bounce. */
  public enum Result {
    /** Logged on the customer's history; one for good marked the address. */
    RECORDED,
    /** Recorded before: the same report read or posted again. */
    ALREADY_RECORDED,
    /** The email it names is not one Courtesy sent. */
    UNKNOWN_MESSAGE
  }

  private static final String ACTOR = "mail system";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private CommunicationLog log;
  @Inject private CaseService cases;
  @Inject private CaseReview review;
  @Inject private Clock clock;
  @Inject private Meters meters;

  /** Records what a delivery status notification says of an email Courtesy sent. */
  public Result record(Bounce bounce) {
    OptionalLong id = MailMessageId.outboxId(bounce.messageId());
    OutboxMessage message = id.isPresent() ? em.find(OutboxMessage.class, id.getAsLong()) : null;
    if (message == null
        || message.getChannel() != Channel.EMAIL
        || message.getContactId().isEmpty()) {
      return Result.UNKNOWN_MESSAGE;
    }
    long logged =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from communication where message_id = ?1"
                            + " and outcome = 'BOUNCED'")
                    .setParameter(1, message.getId())
                    .getSingleResult())
            .longValue();
    if (logged > 0) {
      return Result.ALREADY_RECORDED;
    }
    Instant now = clock.instant();
    Contact contact = em.find(Contact.class, message.getContactId().get());
    String detail = "Returned by the mail system: " + bounce.reason() + ". ";
    if (!bounce.permanent()) {
      detail += "It gave up for now (a full mailbox, a server away); the address stays in use.";
    } else if (bounce.address().equalsIgnoreCase(contact.getEmail())) {
      addressRefused(contact, bounce.reason(), now);
      detail += "The address is marked as bounced: no more email goes to it until it is corrected.";
    } else {
      detail += "The contact's address has been changed since; the new one stays in use.";
    }
    log.append(
        new Entry(
            message.getCustomerId(),
            now,
            Channel.EMAIL,
            false,
            ACTOR,
            bounce.address(),
            null,
            null,
            Outcome.BOUNCED,
            detail,
            message.getId()));
    meters.bounced();
    return Result.RECORDED;
  }

  /** Marks an address the mail system refuses for good, on the contact and the open case. */
  void addressRefused(Contact contact, String reason, Instant at) {
    contact.bounced(reason, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    cases.findOpen(contact.getCustomer()).ifPresent(review::refresh);
  }
}
