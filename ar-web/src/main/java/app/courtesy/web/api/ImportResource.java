package app.courtesy.web.api;

import app.courtesy.importing.ImportMappings;
import app.courtesy.importing.ImportMode;
import app.courtesy.importing.ImportRejectedException;
import app.courtesy.importing.ImportReport;
import app.courtesy.importing.InvoiceImport;
import app.courtesy.importing.InvoiceMapping;
import app.courtesy.monitoring.Meters;
import app.courtesy.security.Role;
import app.courtesy.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * CSV imports: a file of invoices is read through a saved column mapping. The answer is the import
 * report: {@code 200} when written, {@code 422} with the rejected lines when an all-or-nothing
 * import met bad rows and wrote nothing.
 */
@Path("imports")
@RequestScoped
@RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

  @Inject private InvoiceImport importer;
  @Inject private ImportMappings mappings;
  @Inject private Meters meters;
  @Context private SecurityContext security;

  @POST
  @Path("invoices")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  public Response importInvoices(
      byte[] file,
      @QueryParam("mapping") String mapping,
      @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") ImportMode mode) {
    InvoiceMapping columns = mapping(mapping);
    try {
      ImportReport report = importer.run(file, columns, mode);
      meters.imported(report);
      return Response.ok(report).build();
    } catch (ImportRejectedException rejected) {
      meters.imported(rejected.report());
      return Response.status(422).entity(rejected.report()).build();
    }
  }

  @GET
  @Path("mappings")
  public List<String> mappingNames() {
    return mappings.names();
  }

  @GET
  @Path("mappings/{name}")
  public InvoiceMapping mappingNamed(@PathParam("name") String name) {
    return mapping(name);
  }

  @PUT
  @Path("mappings/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response saveMapping(@PathParam("name") String name, InvoiceMapping mapping) {
    mappings.save(name, mapping, security.getUserPrincipal().getName());
    return Response.noContent().build();
  }

  private InvoiceMapping mapping(String name) {
    if (name == null || name.isBlank()) {
      throw new jakarta.ws.rs.WebApplicationException(
          ApiErrors.response(
              Problem.of(400, "Bad Request", "Name a saved column mapping: ?mapping=…")));
    }
    return mappings.find(name).orElseThrow(() -> new NotFoundException("Import mapping", name));
  }
}
