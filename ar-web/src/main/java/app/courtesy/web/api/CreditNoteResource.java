package app.courtesy.web.api;

import app.courtesy.credit.CreditNoteData;
import app.courtesy.credit.CreditNoteService;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

  @POST
  public Response record(CreditNoteData creditNote) {
    return LedgerResources.single(creditNote, service::record);
  }

  @POST
  @Path("batch")
  public Response recordAll(List<CreditNoteData> batch) {
    return LedgerResources.batch(batch, service::record);
  }
}
