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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invoices from an ERP: upserts by external id, one or a batch (with a payment schedule, see {@code
 * InvoiceData.schedule}). How one invoice is chased — stopped, resumed, moved to another policy —
 * is a collector's, under {@code {number}/chasing}.
 */
@Path("invoices")
@Tag(name = "Invoices")
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
    Long customerId =
        customer == null || customer.isBlank()
            ? null
            : customers
                .findByNumber(customer.strip())
                .orElseThrow(() -> new NotFoundException("Customer", customer))
                .getId();
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
