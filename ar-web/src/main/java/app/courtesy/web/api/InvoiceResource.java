package app.courtesy.web.api;

import app.courtesy.invoice.InvoiceData;
import app.courtesy.invoice.InvoiceService;
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

/** Invoices from an ERP: upserts by external id, one or a batch. */
@Path("invoices")
@RequestScoped
@RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

  @Inject private InvoiceService service;

  @POST
  public Response upsert(InvoiceData invoice) {
    return LedgerResources.single(invoice, service::upsert);
  }

  @POST
  @Path("batch")
  public Response upsertAll(List<InvoiceData> batch) {
    return LedgerResources.batch(batch, service::upsert);
  }
}
