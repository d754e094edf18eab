package app.courtesy.web.api;

import app.courtesy.arrangement.Arrangement;
import app.courtesy.arrangement.ArrangementInbox;
import app.courtesy.arrangement.ArrangementKind;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.ArrangementStatus;
import app.courtesy.arrangement.Frequency;
import app.courtesy.arrangement.InstalmentLine;
import app.courtesy.arrangement.PlannedInstalment;
import app.courtesy.arrangement.Proposal;
import app.courtesy.customer.Customer;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Payment arrangements for an ERP or a customer portal: propose on a case (or only check a proposal
 * and read what the customer would be told), list and read them, and decide them. The four-eyes
 * rule and the approvers' limits are the service's: a proposer deciding their own proposal, or
 * anyone without the approver role, gets 403 whatever they send. Decisions and withdrawals take the
 * version read in {@code If-Match}.
 */
@Tag(
    name = "Arrangements",
    description = "Payment arrangements: proposed on a case, decided by an approver (four eyes).")
@Path("arrangements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
public class ArrangementResource {

  /**
   * A proposal: the case, what it covers and why, and the kind's own fields (see {@link Proposal}).
   */
  public record ProposalRequest(
      Long caseId,
      ArrangementKind kind,
      List<String> invoices,
      String reason,
      Integer count,
      LocalDate firstDate,
      Frequency frequency,
      List<InstalmentLine> instalments,
      LocalDate newDueDate,
      BigDecimal discountPercent,
      LocalDate payBy) {

    Proposal proposal() {
      return new Proposal(
          kind,
          invoices,
          reason,
          count,
          firstDate,
          frequency,
          instalments,
          newDueDate,
          discountPercent,
          payBy);
    }
  }

  /** A decision's or withdrawal's words. */
  public record NoteRequest(String note) {}

  /** An instalment as returned. */
  public record InstalmentView(int number, LocalDate dueOn, BigDecimal amount) {

    static InstalmentView of(PlannedInstalment planned) {
      return new InstalmentView(planned.number(), planned.dueOn(), planned.amount().amount());
    }
  }

  /** An arrangement as returned. */
  public record ArrangementView(
      long id,
      long caseId,
      String customerNumber,
      String customerName,
      ArrangementKind kind,
      ArrangementStatus status,
      String currency,
      BigDecimal covered,
      List<InstalmentView> schedule,
      LocalDate newDueDate,
      BigDecimal discountPercent,
      BigDecimal discount,
      LocalDate payBy,
      String reason,
      String proposedBy,
      OffsetDateTime proposedAt,
      String decidedBy,
      OffsetDateTime decidedAt,
      String decisionNote,
      long version) {}

  /** A checked proposal: the schedule and what the customer would be told. */
  public record DraftView(
      String currency,
      BigDecimal covered,
      List<InstalmentView> schedule,
      BigDecimal discount,
      String recipient,
      String subject,
      String text) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private ArrangementService arrangements;
  @Inject private ArrangementInbox inbox;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  /** Arrangements in one status (default pending), oldest proposal first. */
  @GET
  @Operation(
      summary = "List arrangements in a status",
      description =
          "Arrangements in one status (default PENDING), oldest proposal first, from `first` (default 0), at most `limit` (default 50, up to 500).")
  public List<ArrangementView> list(
      @QueryParam("status") ArrangementStatus status,
      @QueryParam("first") Integer first,
      @QueryParam("limit") Integer limit) {
    return inbox
        .page(
            status == null ? ArrangementStatus.PENDING : status,
            ArrangementInbox.Sort.PROPOSED_AT,
            true,
            first == null ? 0 : Math.max(0, first),
            limit == null ? 50 : Math.max(1, Math.min(limit, 500)))
        .stream()
        .map(row -> view(arrangements.get(row.id())))
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "Read an arrangement",
      description = "One arrangement with its schedule and its `version` for `If-Match`.")
  public ArrangementView get(@PathParam("id") long id) {
    return view(arrangements.get(id));
  }

  /** Checks a proposal without saving it: 200 with the schedule and the customer's letter. */
  @POST
  @Path("drafts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check a proposal without saving it",
      description =
          "The schedule the proposal would make and the letter the customer would be sent; nothing is saved.")
  @RequestBody(required = true)
  public DraftView draft(ProposalRequest request) {
    ArrangementService.Draft draft =
        arrangements.draft(caseId(request), request.proposal(), actor());
    return new DraftView(
        draft.covered().currency().getCurrencyCode(),
        draft.covered().amount(),
        draft.schedule().stream().map(InstalmentView::of).toList(),
        draft.discount() == null ? null : draft.discount().amount(),
        draft.recipient(),
        draft.summary() == null ? null : draft.summary().subject(),
        draft.summary() == null ? null : draft.summary().text());
  }

  /** Proposes an arrangement on a case: 201, pending an approver's decision. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Propose an arrangement on a case",
      description = "Saves the proposal, pending an approver's decision; `Location` names it.")
  @APIResponse(
      responseCode = "201",
      description = "Proposed, pending a decision.",
      content =
          @Content(schema = @Schema(implementation = ArrangementResource.ArrangementView.class)))
  @RequestBody(required = true)
  public Response propose(ProposalRequest request) {
    Arrangement arrangement = arrangements.propose(caseId(request), request.proposal(), actor());
    return Response.created(
            uri.getAbsolutePathBuilder().path(arrangement.getId().toString()).build())
        .entity(view(arrangement))
        .build();
  }

  @POST
  @Path("{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Approve an arrangement",
      description =
          "An approver other than the proposer, within their limit, approves it; anyone else gets 403.")
  public ArrangementView approve(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, NoteRequest body) {
    arrangements.approve(id, version(version), body == null ? null : body.note(), actor());
    return get(id);
  }

  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reject an arrangement",
      description = "An approver other than the proposer rejects it, with a note.")
  public ArrangementView reject(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, NoteRequest body) {
    arrangements.reject(id, version(version), body == null ? null : body.note(), actor());
    return get(id);
  }

  @POST
  @Path("{id}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Withdraw an arrangement",
      description = "The proposal is withdrawn before a decision, with a note.")
  public ArrangementView withdraw(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, NoteRequest body) {
    arrangements.withdraw(id, version(version), body == null ? null : body.note(), actor());
    return get(id);
  }

  private ArrangementView view(Arrangement arrangement) {
    Customer customer = em.find(Customer.class, arrangement.getCustomerId());
    return new ArrangementView(
        arrangement.getId(),
        arrangement.getCaseId(),
        customer.getNumber(),
        customer.getName(),
        arrangement.getKind(),
        arrangement.getStatus(),
        arrangement.getCovered().currency().getCurrencyCode(),
        arrangement.getCovered().amount(),
        arrangement.getSchedule().stream().map(InstalmentView::of).toList(),
        arrangement.getNewDueDate(),
        arrangement.getDiscountPercent(),
        arrangement.getDiscount() == null ? null : arrangement.getDiscount().amount(),
        arrangement.getPayBy(),
        arrangement.getReason(),
        arrangement.getProposedBy(),
        arrangement.getProposedAt(),
        arrangement.getDecidedBy(),
        arrangement.getDecidedAt(),
        arrangement.getDecisionNote(),
        arrangement.getVersion());
  }

  private static long caseId(ProposalRequest request) {
    if (request == null || request.caseId() == null) {
      throw new BadRequestException("caseId: say which case the arrangement is for.");
    }
    return request.caseId();
  }

  private static long version(String ifMatch) {
    return IfMatch.version(ifMatch, "arrangement", "GET /arrangements/{id}");
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
