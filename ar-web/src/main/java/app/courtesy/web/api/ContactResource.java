package app.courtesy.web.api;

import app.courtesy.customer.ContactData;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.CustomerPages;
import app.courtesy.security.Role;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.UpsertResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers' contacts from an ERP or CRM: upserts by external id, one or a batch. */
@Tag(
    name = "Contacts",
    description = "Customers' contacts from an ERP or CRM, upserted by external id.")
@Path("contacts")
@RequestScoped
@RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

  @Inject private ContactService service;
  @Inject private CustomerPages pages;

  @POST
  @Operation(
      summary = "Create or update a contact",
      description = "By its external id; a 400 names each invalid field.")
  @APIResponse(
      responseCode = "201",
      description =
          "The contact was new and is created: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @APIResponse(
      responseCode = "200",
      description = "The contact existed: updated, or unchanged when nothing differed.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response upsert(ContactData contact) {
    return LedgerResources.single(contact, service::upsert);
  }

  @POST
  @Path("batch")
  @Operation(
      summary = "Create or update contacts in a batch",
      description = "All or nothing: a 400 names each invalid item and field (`[3].email`).")
  @APIResponse(
      responseCode = "200",
      description =
          "Every contact of the batch is written: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response upsertAll(List<ContactData> batch) {
    return LedgerResources.batch(batch, service::upsert);
  }

  @GET
  @Path("{externalId}")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a contact",
      description =
          "The contact the ERP wrote with this externalId, and whether mail to it bounced.")
  public ContactView read(@PathParam("externalId") String externalId) {
    return ContactView.of(
        pages
            .findContact(externalId)
            .orElseThrow(() -> new NotFoundException("Contact", externalId)));
  }
}
