package app.courtesy.web.api;

import app.courtesy.payment.PaymentData;
import app.courtesy.payment.PaymentService;
import app.courtesy.reversal.ReversalService;
import app.courtesy.reversal.ReversalTerms;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Payments from an ERP or a bank feed, one or a batch: applied to the invoices named, or oldest due
 * first. Sending a payment again changes nothing.
 */
@Path("payments")
@RequestScoped
@RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

  @Inject private PaymentService service;
  @Inject private ReversalService reversals;
  @Context private SecurityContext security;

  @POST
  public Response record(PaymentData payment) {
    return LedgerResources.single(payment, service::record);
  }

  @POST
  @Path("batch")
  public Response recordAll(List<PaymentData> batch) {
    return LedgerResources.batch(batch, service::record);
  }

  /**
   * Reverses the payment (bounced, chargeback, refund, mistaken entry): 201 with the invoices it
   * reopened; 409 when it was reversed before, 422 when it cannot be. With an Idempotency-Key, a
   * retry gets the first answer.
   */
  @POST
  @Path("{externalId}/reversal")
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID, Role.APPROVER_ID})
  public Response reverse(@PathParam("externalId") String externalId, ReversalTerms terms) {
    return Response.status(201)
        .entity(reversals.reversePayment(externalId, terms, security.getUserPrincipal().getName()))
        .build();
  }
}
