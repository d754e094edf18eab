package app.courtesy.web.api;

import app.courtesy.customer.ContactData;
import app.courtesy.customer.ContactService;
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

/** Customers' contacts from an ERP or CRM: upserts by external id, one or a batch. */
@Path("contacts")
@RequestScoped
@RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

  @Inject private ContactService service;

  @POST
  public Response upsert(ContactData contact) {
    return LedgerResources.single(contact, service::upsert);
  }

  @POST
  @Path("batch")
  public Response upsertAll(List<ContactData> batch) {
    return LedgerResources.batch(batch, service::upsert);
  }
}
