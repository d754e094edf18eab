package app.courtesy.web.api;

import app.courtesy.credit.CreditNoteData;
import app.courtesy.credit.CreditNotePages;
import app.courtesy.credit.CreditNoteService;
import app.courtesy.customer.CustomerRepository;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Credit notes from an ERP, one or a batch: applied to the invoices named, or oldest due first.
 * Sending a credit note again changes nothing.
 */
@Tag(
    name = "Credit notes",
    description = "Credit notes from an ERP, applied to the invoices named or oldest due first.")
@Path("credit-notes")
@RequestScoped
@RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditNoteResource {

  @Inject private CreditNoteService service;
  @Inject private ReversalService reversals;
  @Inject private CreditNotePages notes;
  @Inject private CustomerRepository customers;
  @Context private SecurityContext security;

  @POST
  @Operation(
      summary = "Record a credit note",
      description = "By its external id; sending it again changes nothing.")
  @APIResponse(
      responseCode = "201",
      description =
          "The credit note was new and is created: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @APIResponse(
      responseCode = "200",
      description = "The credit note existed: updated, or unchanged when nothing differed.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response record(CreditNoteData creditNote) {
    return LedgerResources.single(creditNote, service::record);
  }

  @POST
  @Path("batch")
  @Operation(
      summary = "Record credit notes in a batch",
      description = "All or nothing: a 400 names each invalid item and field.")
  @APIResponse(
      responseCode = "200",
      description =
          "Every credit note of the batch is written: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response recordAll(List<CreditNoteData> batch) {
    return LedgerResources.batch(batch, service::record);
  }

  /**
   * Cancels the credit note, with a reason: 201 with the invoices it reopened; 409 when it was
   * cancelled before, 422 when it cannot be.
   */
  @POST
  @Path("{externalId}/cancellation")
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID, Role.APPROVER_ID})
  @Operation(
      summary = "Cancel a credit note",
      description =
          "With a reason: the invoices it reopened. 409 when it was cancelled before, 422 when it cannot be.")
  @APIResponse(
      responseCode = "201",
      description = "Cancelled.",
      content = @Content(schema = @Schema(implementation = ReversalService.Reversed.class)))
  @RequestBody(required = true)
  public Response cancel(@PathParam("externalId") String externalId, ReversalTerms terms) {
    return Response.status(201)
        .entity(
            reversals.cancelCreditNote(externalId, terms, security.getUserPrincipal().getName()))
        .build();
  }

  /** Credit notes page by page, by number: of one customer where asked. */
  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "List credit notes",
      description =
          "Credit notes page by page (see the paging convention), by number; filtered by customer"
              + " (number).")
  public Pages.CreditNotePage list(
      @QueryParam("customer") @Parameter(description = "Customer number") String customer,
      @QueryParam("limit") @Parameter(description = "At most 200; default 50") Integer limit,
      @QueryParam("cursor") @Parameter(description = "The `next` of the page before")
          String cursor) {
    int size = Cursor.limit(limit);
    Long customerId = customers.filterId(customer);
    return Page.of(
            notes.page(customerId, Cursor.decode(cursor, "NUMBER"), size + 1),
            size,
            "NUMBER",
            CreditNotePages::after,
            LedgerViews.CreditNoteView::of)
        .as(Pages.CreditNotePage::new);
  }

  @GET
  @Path("{number}")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a credit note",
      description =
          "The credit note as written with POST /credit-notes, applied as it stands now, and what"
              + " of it is applied to no invoice.")
  public LedgerViews.CreditNoteView read(@PathParam("number") String number) {
    return LedgerViews.CreditNoteView.of(
        notes.findByNumber(number).orElseThrow(() -> new NotFoundException("Credit note", number)));
  }
}
