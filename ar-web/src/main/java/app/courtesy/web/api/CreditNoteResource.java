package app.courtesy.web.api;

import app.courtesy.credit.CreditNoteData;
import app.courtesy.credit.CreditNoteService;
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
 * Credit notes from an ERP, one or a batch: applied to the invoices named, or oldest due first.
 * Sending a credit note again changes nothing.
 */
@Path("credit-notes")
@RequestScoped
@RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditNoteResource {

  @Inject private CreditNoteService service;
  @Inject private ReversalService reversals;
  @Context private SecurityContext security;

  @POST
  public Response record(CreditNoteData creditNote) {
    return LedgerResources.single(creditNote, service::record);
  }

  @POST
  @Path("batch")
  public Response recordAll(List<CreditNoteData> batch) {
    return LedgerResources.batch(batch, service::record);
  }

  /**
   * Cancels the credit note, with a reason: 201 with the invoices it reopened; 409 when it was
   * cancelled before, 422 when it cannot be.
   */
  @POST
  @Path("{externalId}/cancellation")
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID, Role.APPROVER_ID})
  public Response cancel(@PathParam("externalId") String externalId, ReversalTerms terms) {
    return Response.status(201)
        .entity(
            reversals.cancelCreditNote(externalId, terms, security.getUserPrincipal().getName()))
        .build();
  }
}
