package app.courtesy.web.api;

import app.courtesy.customer.CustomerRepository;
import app.courtesy.payment.Payment;
import app.courtesy.payment.PaymentData;
import app.courtesy.payment.PaymentRepository;
import app.courtesy.payment.PaymentService;
import app.courtesy.reversal.ReversalService;
import app.courtesy.reversal.ReversalTerms;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Payments from an ERP or a bank feed, one or a batch: applied to the invoices named, or oldest due
 * first. Sending a payment again changes nothing.
 */
@Tag(
    name = "Payments",
    description =
        "Payments from an ERP or a bank feed, applied to the invoices named or oldest due first.")
@Path("payments")
@RequestScoped
@RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

  @Inject private PaymentService service;
  @Inject private ReversalService reversals;
  @Inject private PaymentRepository payments;
  @Inject private CustomerRepository customers;
  @Context private SecurityContext security;

  @POST
  @Operation(
      summary = "Record a payment",
      description = "By its external id; sending it again changes nothing.")
  @APIResponse(
      responseCode = "201",
      description =
          "The payment was new and is created: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @APIResponse(
      responseCode = "200",
      description = "The payment existed: updated, or unchanged when nothing differed.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response record(PaymentData payment) {
    return LedgerResources.single(payment, service::record);
  }

  @POST
  @Path("batch")
  @Operation(
      summary = "Record payments in a batch",
      description = "All or nothing: a 400 names each invalid item and field (`[3].amount`).")
  @APIResponse(
      responseCode = "200",
      description =
          "Every payment of the batch is written: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response recordAll(List<PaymentData> batch) {
    return LedgerResources.batch(batch, service::record);
  }

  /**
   * Reverses the payment (bounced, chargeback, refund, mistaken entry): 201 with the invoices it
   * reopened; 409 when it was reversed before, 422 when it cannot be. With an Idempotency-Key, a
   * retry gets the first answer.
   */
  @POST
  @Path("{externalId}/reversal")
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID, Role.APPROVER_ID})
  @Operation(
      summary = "Reverse a payment",
      description =
          "Bounced, chargeback, refund or mistaken entry: the invoices it reopened. 409 when it was reversed before, 422 when it cannot be.")
  @APIResponse(
      responseCode = "201",
      description = "Reversed.",
      content = @Content(schema = @Schema(implementation = ReversalService.Reversed.class)))
  @RequestBody(required = true)
  public Response reverse(@PathParam("externalId") String externalId, ReversalTerms terms) {
    return Response.status(201)
        .entity(reversals.reversePayment(externalId, terms, security.getUserPrincipal().getName()))
        .build();
  }

  /** Payments page by page, by payment date: of one customer, and from one day to another. */
  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "List payments",
      description =
          "Payments page by page (see the paging convention), by payment date; filtered by"
              + " customer (number) and payment dates from and to (inclusive).")
  public Pages.PaymentPage list(
      @QueryParam("customer") @Parameter(description = "Customer number") String customer,
      @QueryParam("from") @Parameter(description = "The first payment date") LocalDate from,
      @QueryParam("to") @Parameter(description = "The last payment date") LocalDate to,
      @QueryParam("limit") @Parameter(description = "At most 200; default 50") Integer limit,
      @QueryParam("cursor") @Parameter(description = "The `next` of the page before")
          String cursor) {
    int size = Cursor.limit(limit);
    Long customerId = customers.filterId(customer);
    return Page.of(
            payments.page(customerId, from, to, Cursor.decode(cursor, "PAYMENT_DATE"), size + 1),
            size,
            "PAYMENT_DATE",
            PaymentRepository::after,
            LedgerViews.PaymentView::of)
        .as(Pages.PaymentPage::new);
  }

  @GET
  @Path("{externalId}")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a payment",
      description =
          "The payment the ERP wrote with this externalId, applied as it stands now, and what of"
              + " it is applied to no invoice.")
  public LedgerViews.PaymentView read(@PathParam("externalId") String externalId) {
    Payment payment = payments.byExternalId(List.of(externalId)).get(externalId);
    if (payment == null) {
      throw new NotFoundException("Payment", externalId);
    }
    return LedgerViews.PaymentView.of(payment);
  }
}
