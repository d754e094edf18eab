package app.courtesy.web.api;

import app.courtesy.collection.CallRecord;
import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CaseStatus;
import app.courtesy.collection.CollectionCase;
import app.courtesy.collection.DisputeTerms;
import app.courtesy.collection.EmailDraft;
import app.courtesy.collection.PromiseTerms;
import app.courtesy.collection.PromiseToPay;
import app.courtesy.collection.Worklist;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.dispatch.CollectorEmails;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccount;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Collection cases: the worklist, one case, the daily review on demand, and the actions an ERP, a
 * portal or a dialler records on a case. Actions that change a case take the version the caller
 * read in {@code If-Match} and answer 412 when someone changed the case since.
 */
@Tag(
    name = "Cases",
    description =
        "Collection cases: the worklist, one case, the daily review, and what is recorded on a case.")
@Path("cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

  /** A case as the API shows it, with why it ranks where it does. */
  public record CaseView(
      long id,
      String customerNumber,
      String customerName,
      CaseStatus status,
      String assignee,
      LocalDate openedOn,
      LocalDate closedOn,
      BigDecimal overdue,
      String currency,
      long daysLate,
      LocalDate nextActionOn,
      int priority,
      String why,
      String customerRequest,
      long version) {

    static CaseView of(CollectionCase c, LocalDate today) {
      return new CaseView(
          c.getId(),
          c.getCustomer().getNumber(),
          c.getCustomer().getName(),
          c.getStatus(),
          c.getAssignee().map(UserAccount::getUsername).orElse(null),
          c.getOpenedOn(),
          c.getClosedOn(),
          c.figures().overdue().amount(),
          c.figures().overdue().currency().getCurrencyCode(),
          c.figures().daysLate(today),
          c.getNextActionOn(),
          c.getPriority(),
          c.figures().why(today, Locale.UK),
          c.getCustomerRequest().orElse(null),
          c.getVersion());
    }
  }

  /** A line of the worklist. */
  public record Line(
      long id,
      String customerNumber,
      String customerName,
      CaseStatus status,
      String assignee,
      BigDecimal overdue,
      String currency,
      int priority,
      String why,
      String customerRequest) {}

  /** A promise as recorded. */
  public record PromiseView(
      long id, BigDecimal amount, String currency, LocalDate promisedOn, String status) {

    static PromiseView of(PromiseToPay p) {
      return new PromiseView(
          p.getId(),
          p.getAmount().amount(),
          p.getAmount().currency().getCurrencyCode(),
          p.getPromisedOn(),
          p.getStatus().name());
    }
  }

  /** A call with, for a reached customer, what they promised or disputed. */
  public record CallRequest(CallRecord call, PromiseTerms promise, DisputeTerms dispute) {}

  /** A reason, for holds and notes. */
  public record ReasonRequest(String reason) {}

  @Inject private CaseService cases;
  @Inject private CaseReview review;
  @Inject private Worklist worklist;
  @Inject private Clock clock;
  @Inject private CollectorEmails emails;
  @Inject private ContactService contacts;
  @Context private SecurityContext security;

  /**
   * The worklist: open cases, highest priority first; {@code assignee} narrows to one collector,
   * {@code customerRequests} to cases with a customer's request no person has answered yet, {@code
   * repliesToAnswer} to cases whose customer wrote back and waits for our answer.
   */
  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "List the worklist",
      description =
          "Open cases, highest priority first; narrowed by `assignee`, `status`, `customerRequests`, `repliesToAnswer`; from `first`, at most `limit` (default 50, up to 500).")
  public List<Line> list(
      @QueryParam("assignee") String assignee,
      @QueryParam("status") CaseStatus status,
      @QueryParam("customerRequests") boolean customerRequests,
      @QueryParam("repliesToAnswer") boolean repliesToAnswer,
      @QueryParam("first") Integer first,
      @QueryParam("limit") Integer limit) {
    LocalDate today = LocalDate.now(clock);
    Worklist.Filter filter =
        new Worklist.Filter(
            null,
            assignee,
            status == null ? Set.of() : Set.of(status),
            null,
            null,
            null,
            null,
            false,
            false,
            customerRequests,
            repliesToAnswer);
    return worklist
        .page(
            filter,
            today,
            Worklist.Sort.PRIORITY,
            false,
            first == null ? 0 : Math.max(0, first),
            limit == null ? 50 : Math.max(1, Math.min(limit, 500)))
        .stream()
        .map(
            row ->
                new Line(
                    row.caseId(),
                    row.customerNumber(),
                    row.customerName(),
                    row.status(),
                    row.assignee(),
                    row.figures().overdue().amount(),
                    row.figures().overdue().currency().getCurrencyCode(),
                    row.priority(),
                    row.figures().why(today, Locale.UK),
                    row.customerRequest()))
        .toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Read a case",
      description = "One case, with why it ranks where it does and its `version` for `If-Match`.")
  public CaseView get(@PathParam("id") long id) {
    return CaseView.of(cases.getCase(id), LocalDate.now(clock));
  }

  /** Reviews every case as of {@code asOf} (default today); what the daily run does first. */
  @POST
  @Path("review")
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Review every case now",
      description =
          "Opens and closes cases and settles promises as of `asOf` (default today): what the daily run does first.")
  public CaseReview.Reviewed review(@QueryParam("asOf") LocalDate asOf) {
    return review.review(asOf == null ? LocalDate.now(clock) : asOf);
  }

  @POST
  @Path("{id}/calls")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Log a call on a case",
      description =
          "A call and, for a reached customer, what they promised or disputed; a call that records a promise or a dispute needs the case's version in `If-Match`.")
  @RequestBody(required = true)
  public CaseView logCall(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, CallRequest body) {
    if (body == null) {
      throw new BadRequestException("Send the call as JSON: {\"call\": {…}}.");
    }
    // Only a call that records a promise or a dispute changes the case and needs its version.
    long read =
        body.promise() == null && body.dispute() == null && version == null ? -1 : version(version);
    cases.logCall(id, read, body.call(), body.promise(), body.dispute(), actor());
    return get(id);
  }

  @POST
  @Path("{id}/promises")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Record a promise to pay",
      description = "The customer promised an amount by a date.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded.",
      content = @Content(schema = @Schema(implementation = CaseResource.PromiseView.class)))
  @RequestBody(required = true)
  public Response recordPromise(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, PromiseTerms terms) {
    PromiseToPay promise = cases.recordPromise(id, version(version), terms, actor());
    return Response.status(Response.Status.CREATED).entity(PromiseView.of(promise)).build();
  }

  @POST
  @Path("{id}/disputes")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Open a dispute",
      description =
          "The customer disputes invoices of the case; their reminders stop while it is open.")
  @APIResponse(
      responseCode = "201",
      description = "How many disputes were opened.",
      content = @Content(schema = @Schema(implementation = CaseResource.Opened.class)))
  @RequestBody(required = true)
  public Response openDispute(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, DisputeTerms terms) {
    int opened = cases.openDispute(id, version(version), terms, actor()).size();
    return Response.status(Response.Status.CREATED).entity(new Opened(opened)).build();
  }

  /** How many disputes a request opened. */
  public record Opened(int disputes) {}

  /**
   * A collector's email to one of the customer's contacts, named by the contact's external id; the
   * text may hold {@code {{selfServiceLink}}}, which becomes a link of its own to the customer's
   * page. {@code answers}, a reply's id (see {@code /replies}), threads it under that reply and
   * marks the reply answered.
   */
  public record EmailRequest(
      String contact, String subject, String body, String override, Long answers) {}

  /**
   * Writes to the customer as the case page does: checked for courtesy, logged, and sent at once;
   * 201 with what became of it ({@code SENT}, or {@code QUEUED} for the dispatcher's next round).
   */
  @POST
  @Path("{id}/emails")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Send a collector's email",
      description =
          "Writes to one of the customer's contacts as the case page does: checked for courtesy, logged, sent at once (`SENT`) or at the dispatcher's next round (`QUEUED`).")
  @APIResponse(
      responseCode = "201",
      description = "Sent or queued.",
      content = @Content(schema = @Schema(implementation = CollectorEmails.Sending.class)))
  @RequestBody(required = true)
  public Response sendEmail(@PathParam("id") long id, EmailRequest body) {
    if (body == null || body.contact() == null) {
      throw new BadRequestException("Name the contact by its externalId as contact.");
    }
    CollectionCase forCase = cases.getCase(id);
    Contact to =
        contacts.contactsOf(forCase.getCustomer()).stream()
            .filter(c -> body.contact().equals(c.getExternalId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "contact: "
                            + forCase.getCustomer().getNumber()
                            + " has no contact "
                            + body.contact()
                            + "."));
    CollectorEmails.Sending sending =
        emails.send(
            id,
            new EmailDraft(
                to.getId(), body.subject(), body.body(), body.override(), body.answers()),
            actor());
    return Response.status(Response.Status.CREATED).entity(sending).build();
  }

  @POST
  @Path("{id}/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(summary = "Add a note to a case", description = "A note in the case's history.")
  @APIResponse(responseCode = "201", description = "Noted.")
  @RequestBody(required = true)
  public Response addNote(@PathParam("id") long id, ReasonRequest note) {
    cases.addNote(id, note == null ? null : note.reason(), actor());
    return Response.status(Response.Status.CREATED).build();
  }

  @POST
  @Path("{id}/hardship")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Start hardship",
      description = "Holds the customer's reminders for hardship, with a reason.")
  public CaseView startHardship(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, ReasonRequest body) {
    cases.startHardship(id, version(version), body == null ? null : body.reason(), actor());
    return get(id);
  }

  /** Lifts hardship: an approver's decision; anyone else gets 403 from the service. */
  @POST
  @Path("{id}/hardship/lift")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Lift hardship",
      description = "An approver's decision; anyone else gets 403.")
  public CaseView liftHardship(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, ReasonRequest body) {
    cases.liftHardship(id, version(version), body == null ? null : body.reason(), actor());
    return get(id);
  }

  /** A pause in chasing: the last day it holds, and why. */
  @Schema(description = "A pause in chasing the customer.")
  public record PauseRequest(
      @Schema(description = "The last day of the pause, after today", example = "2026-12-24")
          LocalDate until,
      @Schema(example = "Payment on its way, says their accounts team") String reason) {}

  /**
   * Pauses chasing the customer up to and including {@code until}, as the case page does; it
   * resumes by itself after. 422 for a day that is not after today or too far ahead.
   */
  @POST
  @Path("{id}/pause")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Pause chasing a customer",
      description =
          "Stops the customer's reminders up to and including `until` (after today, within the"
              + " longest pause); logged. They resume by themselves after, or with /pause/end.")
  public CaseView pause(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, PauseRequest body) {
    cases.pauseChasing(
        id,
        version(version),
        body == null ? null : body.until(),
        body == null ? null : body.reason(),
        actor());
    return get(id);
  }

  /** Ends a pause before its last day; reminders go out with the next run. */
  @POST
  @Path("{id}/pause/end")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Resume chasing a customer",
      description =
          "Ends a pause in chasing the customer before its last day, with a reason; logged. 422"
              + " when chasing is not paused.")
  public CaseView resume(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, ReasonRequest body) {
    cases.resumeChasing(id, version(version), body == null ? null : body.reason(), actor());
    return get(id);
  }

  private static long version(String ifMatch) {
    return IfMatch.version(ifMatch, "case", "GET /cases/{id}");
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
