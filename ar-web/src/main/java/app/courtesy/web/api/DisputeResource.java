package app.courtesy.web.api;

import app.courtesy.collection.CaseService;
import app.courtesy.collection.Dispute;
import app.courtesy.collection.DisputeReason;
import app.courtesy.collection.DisputeSource;
import app.courtesy.collection.Disputes;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.security.Role;
import app.courtesy.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Disputes, read and decided as the case page decides them: upheld (what is open on the invoice is
 * credited) or rejected (the invoice is chased again), with a note, by someone who may act on the
 * customer's case, with the version read in {@code If-Match}. A dispute is opened on its case
 * ({@code POST /cases/{id}/disputes}).
 */
@Path("disputes")
@Tag(name = "Disputes", description = "Disputed invoices and how each was resolved.")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DisputeResource {

  /** A dispute as recorded, and how it ended. */
  @Schema(description = "A dispute on one invoice and how it ended.")
  public record DisputeView(
      long id,
      @Schema(example = "INV-2026-0088") String invoiceNumber,
      @Schema(example = "C-10042") String customerNumber,
      DisputeReason reason,
      @Schema(nullable = true) String note,
      DisputeSource source,
      String openedBy,
      OffsetDateTime openedAt,
      @Schema(description = "How it ended; null while open", nullable = true)
          Dispute.Resolution resolution,
      @Schema(nullable = true) String resolutionNote,
      @Schema(nullable = true) String resolvedBy,
      @Schema(description = "Goes back in If-Match with the decision") long version) {

    static DisputeView of(Dispute d) {
      return new DisputeView(
          d.getId(),
          d.getInvoice().getNumber(),
          d.getInvoice().getCustomer().getNumber(),
          d.getReason(),
          d.getNote(),
          d.getSource(),
          d.getOpenedBy(),
          d.getOpenedAt(),
          d.getResolution().orElse(null),
          d.getResolutionNote(),
          d.getResolvedBy(),
          d.getVersion());
    }
  }

  /** A decision on a dispute: UPHELD or REJECTED, and why. */
  @Schema(description = "A decision on a dispute.")
  public record DisputeDecision(
      @Schema(enumeration = {"UPHELD", "REJECTED"}) Dispute.Resolution resolution,
      @Schema(example = "The price was the one quoted; the quote is attached to the case.")
          String note) {}

  @Inject private Disputes disputes;
  @Inject private CaseService cases;
  @Inject private CustomerRepository customers;
  @Context private SecurityContext security;

  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "List a customer's disputes",
      description = "The customer's disputes, open ones first, then newest first.")
  public List<DisputeView> list(
      @QueryParam("customer") @Parameter(description = "Customer number", required = true)
          String customer) {
    if (customer == null || customer.isBlank()) {
      throw Parameters.unreadable("customer", false, "must name a customer by number", "");
    }
    return cases
        .disputes(
            customers
                .findByNumber(customer.strip())
                .orElseThrow(() -> new NotFoundException("Customer", customer)))
        .stream()
        .map(DisputeView::of)
        .toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a dispute",
      description = "The dispute and how it ended; its version goes back in If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The dispute; its version is also the ETag.",
      content = @Content(schema = @Schema(implementation = DisputeView.class)))
  public Response read(@PathParam("id") long id) {
    Dispute dispute = find(id);
    return Response.ok(DisputeView.of(dispute)).tag(String.valueOf(dispute.getVersion())).build();
  }

  /**
   * Decides the dispute: upheld credits what is open on the invoice, rejected sends it back to
   * chasing; logged on the customer's case. 403 for a collector not assigned to the case, 412 when
   * the dispute changed since it was read, 422 for a decision only the ERP gives (CLEARED).
   */
  @POST
  @Path("{id}/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Decide a dispute",
      description =
          "UPHELD credits what is open on the invoice (a credit note CN-DSP-{id}); REJECTED sends"
              + " the invoice back to chasing. With a note; logged on the customer's case.")
  @APIResponse(
      responseCode = "200",
      description = "The dispute as decided.",
      content = @Content(schema = @Schema(implementation = DisputeView.class)))
  public Response resolve(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, DisputeDecision body) {
    long read = IfMatch.version(version, "dispute", "GET /disputes/{id}");
    List<Problem.FieldError> missing = new ArrayList<>();
    if (body == null || body.resolution() == null) {
      missing.add(new Problem.FieldError("resolution", "must be UPHELD or REJECTED"));
    }
    if (body == null || body.note() == null || body.note().isBlank()) {
      missing.add(new Problem.FieldError("note", "must say why"));
    }
    if (!missing.isEmpty()) {
      throw new WebApplicationException(ApiErrors.invalidFields(missing));
    }
    cases.resolveDispute(
        id, read, body.resolution(), body.note(), security.getUserPrincipal().getName());
    return read(id);
  }

  private Dispute find(long id) {
    return disputes.find(id).orElseThrow(() -> new NotFoundException("Dispute", id));
  }
}
