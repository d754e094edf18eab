package app.courtesy.web.api;

import app.courtesy.customer.CustomerRepository;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceData;
import app.courtesy.invoice.InvoiceExceptions;
import app.courtesy.invoice.InvoicePages;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.InvoiceService;
import app.courtesy.invoice.InvoiceStatus;
import app.courtesy.security.Role;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.UpsertResult;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invoices from an ERP: upserts by external id, one or a batch (with a payment schedule, see {@code
 * InvoiceData.schedule}). How one invoice is chased — stopped, resumed, moved to another policy —
 * is a collector's, under {@code {number}/chasing}.
 */
@Tag(
    name = "Invoices",
    description = "Invoices from an ERP, upserted by external id, and how each one is chased.")
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
  @Inject private InvoicePages pages;
  @Inject private CustomerRepository customers;
  @Context private SecurityContext security;

  @POST
  @Operation(
      summary = "Create or update an invoice",
      description =
          "By its external id, with an optional payment schedule; a 400 names each invalid field.")
  @APIResponse(
      responseCode = "201",
      description =
          "The invoice was new and is created: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @APIResponse(
      responseCode = "200",
      description = "The invoice existed: updated, or unchanged when nothing differed.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response upsert(InvoiceData invoice) {
    return LedgerResources.single(invoice, service::upsert);
  }

  @POST
  @Path("batch")
  @Operation(
      summary = "Create or update invoices in a batch",
      description = "All or nothing: a 400 names each invalid item and field (`[3].dueDate`).")
  @APIResponse(
      responseCode = "200",
      description =
          "Every invoice of the batch is written: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response upsertAll(List<InvoiceData> batch) {
    return LedgerResources.batch(batch, service::upsert);
  }

  @GET
  @Path("{number}/chasing")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read how an invoice is chased",
      description =
          "Its instalments with what is open, whether chasing is stopped, the policy it follows; `version` (also the ETag) goes back in `If-Match`.")
  @APIResponse(
      responseCode = "200",
      description = "How the invoice is chased.",
      content = @Content(schema = @Schema(implementation = InvoiceChasing.class)))
  public Response chasing(@PathParam("number") String number) {
    Invoice invoice =
        invoices.findByNumber(number).orElseThrow(() -> new NotFoundException("Invoice", number));
    return chasing(invoice);
  }

  /** Stops chasing the invoice, with a reason and an optional last day; logged. */
  @POST
  @Path("{number}/chasing/stop")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Stop chasing an invoice",
      description = "With a reason and an optional last day; logged.")
  @APIResponse(
      responseCode = "200",
      description = "How the invoice is chased now.",
      content = @Content(schema = @Schema(implementation = InvoiceChasing.class)))
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
  @Operation(
      summary = "Resume chasing an invoice",
      description = "From the step it had reached; logged.")
  @APIResponse(
      responseCode = "200",
      description = "How the invoice is chased now.",
      content = @Content(schema = @Schema(implementation = InvoiceChasing.class)))
  public Response resumeChasing(
      @PathParam("number") String number, @HeaderParam("If-Match") String version) {
    return chasing(exceptions.resumeChasing(number, version(version), actor()));
  }

  /** Moves the invoice to another reminder policy (null: its customer's again); logged. */
  @PUT
  @Path("{number}/chasing/policy")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Move an invoice to another reminder policy",
      description = "`policyId` null: its customer's policy again; logged.")
  @APIResponse(
      responseCode = "200",
      description = "How the invoice is chased now.",
      content = @Content(schema = @Schema(implementation = InvoiceChasing.class)))
  public Response followPolicy(
      @PathParam("number") String number,
      @HeaderParam("If-Match") String version,
      InvoiceChasing.PolicyRequest body) {
    return chasing(
        exceptions.followPolicy(
            number, body == null ? null : body.policyId(), version(version), actor()));
  }

  /**
   * Invoices page by page, by number or by due date: of one customer, status and currency, or only
   * the overdue ones, where asked.
   */
  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "List invoices",
      description =
          "Invoices page by page (see the paging convention), by number or by due date; filtered"
              + " by customer (number), status, currency and overdue. Each with what is open, its"
              + " status, the reminder step it reached and what holds its reminders.")
  public Pages.InvoicePage list(
      @QueryParam("customer") @Parameter(description = "Customer number") String customer,
      @QueryParam("status") InvoiceStatus status,
      @QueryParam("currency") @Parameter(example = "GBP") String currency,
      @QueryParam("overdue")
          @Parameter(description = "true: only invoices open after their due date")
          boolean overdue,
      @QueryParam("sort") @Parameter(description = "NUMBER (default) or DUE_DATE")
          InvoicePages.Sort sort,
      @QueryParam("limit") @Parameter(description = "At most 200; default 50") Integer limit,
      @QueryParam("cursor") @Parameter(description = "The `next` of the page before")
          String cursor) {
    InvoicePages.Sort order = sort == null ? InvoicePages.Sort.NUMBER : sort;
    int size = Cursor.limit(limit);
    Long customerId = customers.filterId(customer);
    LocalDate today = LocalDate.now(clock);
    List<Invoice> rows =
        pages.page(
            new InvoicePages.Filter(
                customerId,
                status,
                currency == null || currency.isBlank() ? null : currency.strip(),
                overdue),
            order,
            Cursor.decode(cursor, order.name()),
            size + 1,
            today);
    Map<Long, InvoicePages.Reminded> reminded =
        pages.reminded(rows.stream().map(Invoice::getId).toList());
    return Page.of(
            rows,
            size,
            order.name(),
            order::after,
            invoice -> InvoiceView.of(invoice, reminded.get(invoice.getId()), today))
        .as(Pages.InvoicePage::new);
  }

  @GET
  @Path("{number}")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read an invoice",
      description =
          "The invoice as written with POST /invoices, with what is open, its status, the"
              + " reminder step it reached and what holds its reminders today.")
  public InvoiceView read(@PathParam("number") String number) {
    Invoice invoice =
        pages.findByNumber(number).orElseThrow(() -> new NotFoundException("Invoice", number));
    return InvoiceView.of(
        invoice,
        pages.reminded(List.of(invoice.getId())).get(invoice.getId()),
        LocalDate.now(clock));
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
