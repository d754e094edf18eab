package app.courtesy.web.api;

import app.courtesy.customer.CustomerRepository;
import app.courtesy.reply.InboundReply;
import app.courtesy.reply.Replies;
import app.courtesy.reply.ReplyState;
import app.courtesy.reply.ReplySuggestion;
import app.courtesy.security.Role;
import app.courtesy.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What customers wrote back: the replies of one customer, or those that matched no customer, each
 * with what its words suggest and its attachments; marking one handled, assigning or discarding an
 * unmatched one. A collector answers a reply with {@code POST /cases/{id}/emails} and {@code
 * "answers": <reply id>}.
 */
@Tag(name = "Replies", description = "What customers wrote back, with what their words suggest.")
@Path("replies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
public class ReplyResource {

  /** A reply as the API shows it; {@code text} is what is new in it, {@code body} all of it. */
  public record ReplyView(
      long id,
      String channel,
      Instant receivedAt,
      String sender,
      String senderName,
      String subject,
      String text,
      String body,
      String customer,
      ReplyState state,
      String matchedBy,
      boolean automatic,
      LocalDate backOn,
      String decidedBy,
      String decisionNote,
      long version,
      List<SuggestionView> suggestions,
      List<Replies.Attachment> files) {

    static ReplyView of(Replies.Shown shown) {
      InboundReply reply = shown.reply();
      return new ReplyView(
          reply.getId(),
          reply.getChannel(),
          reply.getReceivedAt().toInstant(),
          reply.getSender(),
          reply.getSenderName().orElse(null),
          reply.getSubject(),
          reply.getNewText(),
          reply.getBody(),
          shown.customer().map(c -> c.getNumber()).orElse(null),
          reply.getState(),
          reply.getMatchedBy().map(Enum::name).orElse(null),
          reply.isAutomatic(),
          reply.getBackOn().orElse(null),
          reply.getDecidedBy().orElse(null),
          reply.getDecisionNote().orElse(null),
          reply.getVersion(),
          shown.suggestions().stream().map(SuggestionView::of).toList(),
          shown.attachments());
    }
  }

  /** What a reply's words suggest, and whether a collector took it up. */
  public record SuggestionView(
      long id, String kind, LocalDate date, String reference, String evidence, String state) {

    static SuggestionView of(ReplySuggestion s) {
      return new SuggestionView(
          s.getId(),
          s.getKind().name(),
          s.getOnDate().orElse(null),
          s.getReference().orElse(null),
          s.getEvidence(),
          s.getState().name());
    }
  }

  /** The customer an unmatched reply is about, by number. */
  public record Assignment(String customer) {}

  /** Why an unmatched reply is about no customer. */
  public record Discarding(String reason) {}

  @Inject private Replies replies;
  @Inject private CustomerRepository customers;
  @Context private SecurityContext security;

  /**
   * The replies of customer {@code customer} (the latest 50, those waiting first), or without it
   * those that matched no customer, oldest first.
   */
  @GET
  @Operation(
      summary = "List replies",
      description =
          "A customer's (the latest 50, those waiting first), or without `customer` those that matched no customer, oldest first.")
  public List<ReplyView> list(@QueryParam("customer") String customer) {
    List<Replies.Shown> shown =
        customer == null || customer.isBlank()
            ? replies.unmatched()
            : replies.of(
                customers
                    .findByNumber(customer.strip())
                    .orElseThrow(() -> new NotFoundException("Customer", customer)),
                50);
    return shown.stream().map(ReplyView::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "Read a reply",
      description = "One reply with its suggestions, files and `version` for `If-Match`.")
  public ReplyView get(@PathParam("id") long id) {
    return ReplyView.of(replies.show(id));
  }

  /** A collector dealt with the reply: the customer's reminders go on. */
  @POST
  @Path("{id}/handled")
  @Operation(
      summary = "Mark a reply handled",
      description = "A collector dealt with it: the customer's reminders go on.")
  public ReplyView handled(@PathParam("id") long id, @HeaderParam("If-Match") String version) {
    replies.markHandled(id, version(version), actor());
    return get(id);
  }

  /** Assigns an unmatched reply to the customer it is about. */
  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Assign an unmatched reply",
      description = "To the customer it is about, by number.")
  @RequestBody(required = true)
  public ReplyView assign(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, Assignment body) {
    if (body == null || body.customer() == null || body.customer().isBlank()) {
      throw new BadRequestException("customer: the number of the customer the reply is about.");
    }
    replies.assign(id, version(version), body.customer(), actor());
    return get(id);
  }

  /** Sets an unmatched reply aside as about no customer; the reason is kept. */
  @POST
  @Path("{id}/discard")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Discard an unmatched reply",
      description = "Set aside as about no customer; the reason is kept.")
  @RequestBody(required = true)
  public ReplyView discard(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, Discarding body) {
    if (body == null || body.reason() == null || body.reason().isBlank()) {
      throw new BadRequestException("reason: why the reply is about no customer.");
    }
    replies.discard(id, version(version), body.reason(), actor());
    return get(id);
  }

  /** A file that came with the reply, as a download. */
  @GET
  @Path("{id}/files/{file}")
  @Produces({"application/pdf", "image/png", "image/jpeg", "application/octet-stream"})
  @Operation(
      summary = "Download a file of a reply",
      description = "A file that came with the reply, as an attachment.")
  @APIResponse(
      responseCode = "200",
      description = "The file.",
      content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response file(@PathParam("id") long id, @PathParam("file") long file) {
    Replies.Attachment attachment =
        replies.show(id).attachments().stream()
            .filter(a -> a.id() == file)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("File", file));
    return Downloads.attachment(
        replies.attachment(id, file).orElseThrow(), attachment.mediaType(), attachment.fileName());
  }

  /** The email exactly as it was received, headers and all, to open in a mail program. */
  @GET
  @Path("{id}/original")
  @Produces({"message/rfc822", "application/octet-stream"})
  @Operation(
      summary = "Download the original email of a reply",
      description = "Exactly as received, headers and all, to open in a mail program.")
  @APIResponse(
      responseCode = "200",
      description = "The email.",
      content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response original(@PathParam("id") long id) {
    byte[] original =
        replies.original(id).orElseThrow(() -> new NotFoundException("Email of reply", id));
    return Response.ok(original, "message/rfc822")
        .header("Content-Disposition", "attachment; filename=\"reply-" + id + ".eml\"")
        .build();
  }

  private static long version(String ifMatch) {
    return IfMatch.version(ifMatch, "reply", "GET /replies/{id}");
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
