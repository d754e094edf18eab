package app.courtesy.web.api;

import app.courtesy.charge.ChargesRefusedException;
import app.courtesy.charge.ReferenceRateKind;
import app.courtesy.charge.ReferenceRates;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reference rates statutory interest is reckoned from, kept by administrators: {@code
 * EU_REFERENCE} (the ECB's main refinancing rate; the Directive applies the one in force on 1
 * January or 1 July for the half-year) and {@code UK_BASE} (the Bank of England base rate; the UK
 * Act applies the one in force on the 31 December or 30 June before a debt became late).
 */
@Tag(
    name = "Reference rates",
    description = "The reference rates statutory interest is reckoned from.")
@Path("reference-rates")
@RequestScoped
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceRateResource {

  /** A rate in force from a day, percent a year. */
  public record RateRequest(
      ReferenceRateKind kind, LocalDate validFrom, BigDecimal rate, String note) {}

  @Inject private ReferenceRates rates;
  @Context private SecurityContext security;

  /** Every rate, by kind, newest first. */
  @GET
  @Operation(summary = "List reference rates", description = "Every rate, by kind, newest first.")
  public List<ReferenceRates.Rate> list() {
    return rates.list();
  }

  /** Records a rate: 201, or 200 when it replaced the one recorded for that kind and day. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record a reference rate",
      description = "A rate in force from a day, percent a year; 422 naming each field otherwise.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded.",
      content = @Content(schema = @Schema(implementation = ReferenceRates.Rate.class)))
  @APIResponse(
      responseCode = "200",
      description = "It replaced the rate recorded for that kind and day.",
      content = @Content(schema = @Schema(implementation = ReferenceRates.Rate.class)))
  @RequestBody(required = true)
  public Response record(RateRequest body) {
    RateRequest request = body == null ? new RateRequest(null, null, null, null) : body;
    boolean replaces =
        rates.list().stream()
            .anyMatch(r -> r.kind() == request.kind() && r.validFrom().equals(request.validFrom()));
    try {
      ReferenceRates.Rate rate =
          rates.record(
              request.kind(),
              request.validFrom(),
              request.rate(),
              request.note(),
              security.getUserPrincipal().getName());
      return Response.status(replaces ? 200 : 201).entity(rate).build();
    } catch (ChargesRefusedException refused) {
      throw new WebApplicationException(ApiErrors.refused(refused.problems()));
    }
  }

  @DELETE
  @Path("{kind}/{validFrom}")
  @Operation(
      summary = "Remove a reference rate",
      description = "The rate of a kind from a day; 404 when there is none.")
  public void remove(
      @PathParam("kind") ReferenceRateKind kind, @PathParam("validFrom") LocalDate validFrom) {
    if (!rates.remove(kind, validFrom)) {
      throw new NotFoundException("No " + kind + " rate is recorded from " + validFrom + ".");
    }
  }
}
