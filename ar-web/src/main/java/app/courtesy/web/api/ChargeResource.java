package app.courtesy.web.api;

import app.courtesy.charge.ChargeView;
import app.courtesy.charge.Charges;
import app.courtesy.charge.ChargesRefusedException;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Charge documents for the ERP: one document with its lines, and its settlement by part of a
 * payment that no invoice took (the ERP names the charge; payments go to invoices by themselves).
 */
@Tag(name = "Charges", description = "Late-payment charge documents and their settlement.")
@Path("charges")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChargeResource {

  /** Part of a payment, by its external id, allocated to the charge. */
  public record SettlementRequest(String payment, BigDecimal amount) {}

  @Inject private Charges charges;
  @Context private SecurityContext security;

  @GET
  @Path("{number}")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a charge document",
      description = "One charge document with its lines.")
  public ChargeView get(@PathParam("number") String number) {
    return charges
        .find(number)
        .orElseThrow(() -> new NotFoundException("There is no charge numbered " + number + "."));
  }

  /**
   * Settles the charge with part of a payment: 201 with the document as it stands, 200 when that
   * payment settled that amount of it before; 422 naming each field otherwise (another customer's
   * payment, more than the payment has left or the charge has open, the same payment again with
   * another amount).
   */
  @POST
  @Path("{number}/settlements")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Settle a charge with part of a payment",
      description =
          "Allocates part of a payment no invoice took to the charge; 422 naming each field when it cannot.")
  @APIResponse(
      responseCode = "201",
      description = "Settled: the document as it stands.",
      content = @Content(schema = @Schema(implementation = ChargeView.class)))
  @APIResponse(
      responseCode = "200",
      description = "That payment settled that amount of it before: the document as it stands.",
      content = @Content(schema = @Schema(implementation = ChargeView.class)))
  @RequestBody(required = true)
  public Response settle(@PathParam("number") String number, SettlementRequest body) {
    SettlementRequest request = body == null ? new SettlementRequest(null, null) : body;
    try {
      Charges.Settled settled =
          charges.settle(
              number, request.payment(), request.amount(), security.getUserPrincipal().getName());
      return Response.status(settled.created() ? 201 : 200).entity(settled.document()).build();
    } catch (ChargesRefusedException refused) {
      Response invalid = ApiErrors.refused(refused.problems());
      Problem problem = (Problem) invalid.getEntity();
      throw new WebApplicationException(
          ApiErrors.response(
              new Problem(
                  422,
                  "Unprocessable Entity",
                  "The charge was not settled: " + refused.getMessage(),
                  problem.errors())));
    }
  }
}
