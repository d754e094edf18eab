package app.courtesy.web.api;

import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceData;
import app.courtesy.invoice.InvoiceExceptions;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.InvoiceService;
import app.courtesy.security.Role;
import app.courtesy.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Invoices from an ERP: upserts by external id, one or a batch (with a payment schedule, see {@code
 * InvoiceData.schedule}). How one invoice is chased — stopped, resumed, moved to another policy —
 * is a collector's, under {@code {number}/chasing}.
 */
@Path("invoices")
@RequestScoped
@RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

  @Inject private InvoiceService service;
  @Inject private InvoiceRepository invoices;
  @Inject private InvoiceExceptions exceptions;
  @Inject private Clock clock;
  @Context private SecurityContext security;

  @POST
  public Response upsert(InvoiceData invoice) {
    return LedgerResources.single(invoice, service::upsert);
  }

  @POST
  @Path("batch")
  public Response upsertAll(List<InvoiceData> batch) {
    return LedgerResources.batch(batch, service::upsert);
  }

  @GET
  @Path("{number}/chasing")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  public Response chasing(@PathParam("number") String number) {
    Invoice invoice =
        invoices.findByNumber(number).orElseThrow(() -> new NotFoundException("Invoice", number));
    return chasing(invoice);
  }

  /** Stops chasing the invoice, with a reason and an optional last day; logged. */
  @POST
  @Path("{number}/chasing/stop")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  public Response stopChasing(
      @PathParam("number") String number,
      @HeaderParam("If-Match") String version,
      InvoiceChasing.StopRequest body) {
    return chasing(
        exceptions.stopChasing(
            number,
            body == null ? null : body.reason(),
            body == null ? null : body.until(),
            version(version),
            actor()));
  }

  /** Chases the invoice again from the step it had reached; logged. */
  @POST
  @Path("{number}/chasing/resume")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  public Response resumeChasing(
      @PathParam("number") String number, @HeaderParam("If-Match") String version) {
    return chasing(exceptions.resumeChasing(number, version(version), actor()));
  }

  /** Moves the invoice to another reminder policy (null: its customer's again); logged. */
  @PUT
  @Path("{number}/chasing/policy")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  public Response followPolicy(
      @PathParam("number") String number,
      @HeaderParam("If-Match") String version,
      InvoiceChasing.PolicyRequest body) {
    return chasing(
        exceptions.followPolicy(
            number, body == null ? null : body.policyId(), version(version), actor()));
  }

  private Response chasing(Invoice invoice) {
    return Response.ok(InvoiceChasing.of(invoice, LocalDate.now(clock)))
        .tag(String.valueOf(invoice.getVersion()))
        .build();
  }

  private static long version(String ifMatch) {
    return IfMatch.version(ifMatch, "invoice", "GET /invoices/{number}/chasing");
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
