package app.courtesy.web.api;

import app.courtesy.arrangement.ApprovalLimits;
import app.courtesy.arrangement.ApprovalLimits.Approver;
import app.courtesy.arrangement.ApprovalLimits.Limit;
import app.courtesy.arrangement.ArrangementRefusedException;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What each approver may approve, per currency, for administrators: list, set, remove. A limit is
 * an amount of one currency, never converted; a proposal is approved only by an approver whose
 * limit in its currency covers it. Bad input is a 400 naming {@code approver} (unknown, or not an
 * approver), {@code currency} or {@code amount}.
 */
@Tag(name = "Approval limits", description = "What each approver may approve, per currency.")
@Path("approval-limits")
@RequestScoped
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalLimitResource {

  /** The amount to set, as a decimal string: {@code {"amount": "25000.00"}}. */
  public record LimitRequest(BigDecimal amount) {}

  /** A limit as returned; who set it and when are missing for limits older than their history. */
  public record LimitView(
      String currency, String amount, String updatedBy, OffsetDateTime updatedAt) {

    static LimitView of(Limit limit) {
      return new LimitView(
          limit.currency().getCurrencyCode(),
          limit.amount().amount().toPlainString(),
          limit.updatedBy(),
          limit.updatedAt());
    }
  }

  /**
   * An approver with their limits by currency code; {@code approver} is false for someone who holds
   * limits without the role (they count for nothing until it is back).
   */
  public record ApproverView(
      String username,
      String displayName,
      boolean active,
      boolean approver,
      List<LimitView> limits) {

    static ApproverView of(Approver approver) {
      return new ApproverView(
          approver.username(),
          approver.displayName(),
          approver.active(),
          approver.approver(),
          approver.limits().stream().map(LimitView::of).toList());
    }
  }

  @Inject private ApprovalLimits limits;
  @Context private SecurityContext security;

  /** Every approver, by username, with their limits. */
  @GET
  @Operation(
      summary = "List approvers and their limits",
      description = "Every approver, by username, with their limits by currency.")
  public List<ApproverView> list() {
    return limits.approvers().stream().map(ApproverView::of).toList();
  }

  /** Sets an approver's limit in a currency, adding or changing it: 200 with the limit. */
  @PUT
  @Path("{username}/{currency}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set an approver's limit in a currency",
      description =
          "Adds or changes the limit; a limit is an amount of one currency, never converted. A 400 names `approver`, `currency` or `amount`.")
  @RequestBody(required = true)
  public LimitView set(
      @PathParam("username") String username,
      @PathParam("currency") String currency,
      LimitRequest body) {
    try {
      return LimitView.of(
          limits.set(username, currency, body == null ? null : body.amount(), actor()));
    } catch (ArrangementRefusedException refused) {
      throw new WebApplicationException(ApiErrors.refused(refused.problems()));
    }
  }

  /** Removes an approver's limit in a currency: 204, or 404 when there is none. */
  @DELETE
  @Path("{username}/{currency}")
  @Operation(
      summary = "Remove an approver's limit in a currency",
      description = "Removes the limit: 204, or 404 when there is none.")
  @APIResponse(responseCode = "204", description = "Removed.")
  public Response remove(
      @PathParam("username") String username, @PathParam("currency") String currency) {
    try {
      limits.remove(username, currency, actor());
    } catch (ArrangementRefusedException refused) {
      throw new WebApplicationException(ApiErrors.refused(refused.problems()));
    }
    return Response.noContent().build();
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
