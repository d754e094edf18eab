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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CSV imports: a file of invoices is read through a saved column mapping. The answer is the import
 * report: {@code 200} when written, {@code 422} with the rejected lines when an all-or-nothing
 * import met bad rows and wrote nothing.
 */
@Tag(name = "Imports", description = "CSV imports of invoices through saved column mappings.")
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
  @Operation(
      summary = "Import a CSV file of invoices",
      description =
          "Read through the saved column `mapping`; `mode` ALL_OR_NOTHING (default) writes nothing when a line is bad.")
  @APIResponse(
      responseCode = "200",
      description = "Written: the import report.",
      content = @Content(schema = @Schema(implementation = ImportReport.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "Bad lines in an all-or-nothing import; nothing was written: the report with the rejected lines.",
      content = @Content(schema = @Schema(implementation = ImportReport.class)))
  @RequestBody(required = true)
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
  @Operation(summary = "List the saved column mappings", description = "Their names.")
  public List<String> mappingNames() {
    return mappings.names();
  }

  @GET
  @Path("mappings/{name}")
  @Operation(
      summary = "Read a saved column mapping",
      description = "Which CSV column holds which field.")
  public InvoiceMapping mappingNamed(@PathParam("name") String name) {
    return mapping(name);
  }

  @PUT
  @Path("mappings/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Save a column mapping",
      description = "Adds or replaces the mapping of this name.")
  @APIResponse(responseCode = "204", description = "Saved.")
  @RequestBody(required = true)
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
