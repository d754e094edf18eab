package app.courtesy.web.api;

import app.courtesy.customer.Channel;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.dispatch.Dispatcher;
import app.courtesy.dispatch.MailMessageId;
import app.courtesy.dispatch.OutboxQueries;
import app.courtesy.dispatch.UnconfirmedMessages;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.outbox.OutboxMessage;
import app.courtesy.security.Role;
import app.courtesy.shared.Keyset;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The outbox: send what is due now instead of waiting for the dispatcher's next minute; the
 * messages that went unconfirmed (handed to the server, no answer), and a collector's decision
 * about each: it arrived, or it goes again, saying so.
 */
@Tag(
    name = "Outbox",
    description = "The messages waiting to be sent, and those that went unconfirmed.")
@Path("outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

  /** The most one request may claim, so that it answers within a few minutes. */
  static final int MAX_CLAIMS = 100_000;

  @Inject private Dispatcher dispatcher;
  @Inject private OutboxQueries queries;
  @Inject private UnconfirmedMessages unconfirmed;
  @Inject private CustomerRepository customers;
  @Context private SecurityContext security;

  /**
   * Sends what is due, claiming at most {@code max} messages (default 1,000): what became of them.
   */
  @POST
  @Path("dispatch")
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Send what is due now",
      description =
          "Claims at most `max` messages (default 1,000, up to 100,000) instead of waiting for the dispatcher's next minute: what became of them.")
  public Dispatcher.Round dispatch(@QueryParam("max") Integer max) {
    int claims = max == null ? 1_000 : max;
    if (claims < 1 || claims > MAX_CLAIMS) {
      throw new BadRequestException(
          "Claim between 1 and " + String.format("%,d", MAX_CLAIMS) + " messages (max).");
    }
    return dispatcher.dispatch(claims);
  }

  /**
   * A message that went unconfirmed and what is known of it.
   *
   * @param mailMessageId the Message-ID to search the mail server's log for (emails only)
   */
  public record UnconfirmedView(
      long id,
      String customer,
      String customerName,
      String message,
      Channel channel,
      LocalDate businessDate,
      MessageStatus status,
      String handedTo,
      OffsetDateTime handedOverAt,
      String mailMessageId,
      String claimedBy,
      String error,
      String whatIsKnown) {

    static UnconfirmedView of(OutboxQueries.Listed listed, String whatIsKnown) {
      OutboxMessage m = listed.message();
      return new UnconfirmedView(
          m.getId(),
          listed.customerNumber(),
          listed.customerName(),
          m.label(),
          m.getChannel(),
          m.getBusinessDate(),
          m.getStatus(),
          m.getHandedTo().orElse(null),
          m.getHandedOverAt().orElse(null),
          m.getChannel() == Channel.EMAIL ? MailMessageId.of(m.getId()) : null,
          m.getClaimedBy().orElse(null),
          m.getLastError(),
          whatIsKnown);
    }
  }

  /** What became of a decision about an unconfirmed message. */
  public record Decision(long id, MessageStatus status, Dispatcher.Round sent) {}

  /**
   * The messages that went unconfirmed, oldest first: customer {@code customer}'s (by number), or
   * everyone's (at most 500).
   */
  @GET
  @Path("unconfirmed")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "List unconfirmed messages",
      description =
          "Messages handed to the server without an answer, oldest first: one customer's, or everyone's (at most 500).")
  public List<UnconfirmedView> unconfirmed(@QueryParam("customer") String customer) {
    Long customerId = customers.filterId(customer);
    return queries.unconfirmed(customerId, 500).stream()
        .map(listed -> UnconfirmedView.of(listed, queries.whatIsKnown(listed.message())))
        .toList();
  }

  @GET
  @Path("messages")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "List the outbox",
      description =
          "Every message, newest first, page by page: of one status and one customer (by number)"
              + " where asked; each with why it was held back and how often sending was tried.")
  public Pages.MessagePage messages(
      @QueryParam("status") MessageStatus status,
      @QueryParam("customer") @Parameter(description = "Customer number") String customer,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Long customerId = customers.filterId(customer);
    return page(queries, status, customerId, limit, cursor);
  }

  /** One page of the outbox, newest first; for {@code /customers/{number}/messages} too. */
  static Pages.MessagePage page(
      OutboxQueries queries, MessageStatus status, Long customerId, Integer limit, String cursor) {
    int size = Cursor.limit(limit);
    Keyset after = Cursor.decode(cursor, "NEWEST");
    return Page.of(
            queries.page(status, customerId, after == null ? null : after.id(), size + 1),
            size,
            "NEWEST",
            listed -> new Keyset("", listed.message().getId()),
            MessageView::of)
        .as(Pages.MessagePage::new);
  }

  /** The caller checked that the unconfirmed message {@code id} arrived: it is sent. */
  @POST
  @Path("{id}/mark-sent")
  @RolesAllowed({Role.COLLECTOR_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Mark an unconfirmed message sent",
      description = "The caller checked that it arrived.")
  public Decision markSent(@PathParam("id") long id) {
    unconfirmed.markSent(id, security.getUserPrincipal().getName());
    return new Decision(id, MessageStatus.SENT, null);
  }

  /**
   * Sends the unconfirmed message {@code id} again, now, opening with a line that says it is sent
   * again; what the attempt did ({@code status} {@code QUEUED} when it waits for the next round).
   */
  @POST
  @Path("{id}/send-again")
  @RolesAllowed({Role.COLLECTOR_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Send an unconfirmed message again",
      description =
          "Now, opening with a line that says it is sent again; `QUEUED` when it waits for the next round.")
  public Decision sendAgain(@PathParam("id") long id) {
    Dispatcher.Round round = unconfirmed.sendAgain(id, security.getUserPrincipal().getName());
    return new Decision(
        id, round.delivered() > 0 ? MessageStatus.SENT : MessageStatus.QUEUED, round);
  }
}
