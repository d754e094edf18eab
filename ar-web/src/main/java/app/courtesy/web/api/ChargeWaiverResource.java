package app.courtesy.web.api;

import app.courtesy.charge.ChargeWaivers;
import app.courtesy.charge.WaiverStatus;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.security.Role;
import app.courtesy.shared.NotFoundException;
import app.courtesy.web.api.ArrangementResource.NoteRequest;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Waivers of late-payment charges: a collector proposes waiving a charge document with a reason, an
 * approver other than the proposer approves or rejects it, or an approver waives one directly
 * ({@code "direct": true}). The four-eyes rule and the approval limits are the service's: anyone
 * else gets 403 whatever they send. Decisions take the waiver's version in {@code If-Match}.
 */
@Tag(
    name = "Charge waivers",
    description =
        "Waivers of late-payment charges: proposed by a collector, decided by another approver.")
@Path("charge-waivers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
public class ChargeWaiverResource {

  /** A waiver to propose (or, by an approver, to make at once) of a charge document. */
  public record WaiverRequest(String document, String reason, Boolean direct) {}

  @Inject private ChargeWaivers waivers;
  @Inject private CustomerRepository customers;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  /** Waivers waiting for an approver (the default), or one customer's, decided or not. */
  @GET
  @Operation(
      summary = "List waivers",
      description =
          "Waivers waiting for an approver (the default), or one customer's, decided or not.")
  public List<ChargeWaivers.Row> list(
      @QueryParam("status") WaiverStatus status, @QueryParam("customer") String customer) {
    if (customer != null) {
      long customerId =
          customers
              .findByNumber(customer)
              .orElseThrow(() -> new NotFoundException("Customer", customer))
              .getId();
      return waivers.ofCustomer(customerId).stream()
          .filter(row -> status == null || row.status() == status)
          .toList();
    }
    if (status != null && status != WaiverStatus.PENDING) {
      throw new BadRequestException(
          "status: without a customer only the waivers waiting for a decision are listed.");
    }
    return waivers.pending();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "Read a waiver",
      description = "One waiver with its `version` for `If-Match`.")
  public ChargeWaivers.Row get(@PathParam("id") long id) {
    return waivers.get(id);
  }

  /** Proposes a waiver (201, pending), or as an approver with {@code direct} waives at once. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Propose a waiver, or waive at once",
      description =
          "Proposes waiving a charge document (pending), or as an approver with `direct` waives it at once.")
  @APIResponse(
      responseCode = "201",
      description = "Proposed, or waived.",
      content = @Content(schema = @Schema(implementation = ChargeWaivers.Row.class)))
  @RequestBody(required = true)
  public Response propose(WaiverRequest request) {
    if (request == null || request.document() == null || request.document().isBlank()) {
      throw new BadRequestException("document: name the charge document, e.g. CHG-0000050.");
    }
    if (request.reason() == null || request.reason().isBlank()) {
      throw new BadRequestException("reason: say why the charge should be waived.");
    }
    ChargeWaivers.Row row =
        Boolean.TRUE.equals(request.direct())
            ? waivers.waive(request.document(), request.reason(), actor())
            : waivers.propose(request.document(), request.reason(), actor());
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(row.id())).build())
        .entity(row)
        .build();
  }

  @POST
  @Path("{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Approve a waiver",
      description = "An approver other than the proposer approves it.")
  public ChargeWaivers.Row approve(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, NoteRequest body) {
    return waivers.approve(id, version(version), body == null ? null : body.note(), actor());
  }

  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reject a waiver",
      description = "An approver rejects it, saying why the charge stands.")
  @RequestBody(required = true)
  public ChargeWaivers.Row reject(
      @PathParam("id") long id, @HeaderParam("If-Match") String version, NoteRequest body) {
    if (body == null || body.note() == null || body.note().isBlank()) {
      throw new BadRequestException("note: say why the charge stands.");
    }
    return waivers.reject(id, version(version), body.note(), actor());
  }

  private static long version(String ifMatch) {
    return IfMatch.version(ifMatch, "waiver", "GET /charge-waivers/{id}");
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
