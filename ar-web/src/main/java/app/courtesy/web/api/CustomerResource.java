package app.courtesy.web.api;

import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Dossier;
import app.courtesy.communication.Dossiers;
import app.courtesy.communication.Entry;
import app.courtesy.communication.Outcome;
import app.courtesy.credit.CustomerCredit;
import app.courtesy.credit.RefundTerms;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerData;
import app.courtesy.customer.CustomerPages;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.customer.CustomerService;
import app.courtesy.dispatch.OutboxQueries;
import app.courtesy.invoice.Aging;
import app.courtesy.invoice.CreditItem;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.invoice.OpenItem;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.security.Role;
import app.courtesy.selfservice.SelfService;
import app.courtesy.shared.Keyset;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.UpsertResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customers: upserts by external id from an ERP; each customer's balance and open items, contact
 * history, and dossier.
 */
@Tag(
    name = "Customers",
    description =
        "Customers from an ERP, upserted by external id; balances, contact history and dossiers.")
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

  /**
   * A customer's balance as of a date: aging per currency (each instalment by its own due date, the
   * unapplied credit and the late-payment charges then open beside it; see {@code /charges} for the
   * charge documents), the invoices then open, the credit then not applied, line by line
   * (negative), and the instalments then open of those paid in instalments.
   */
  public record Balance(
      String customerNumber,
      String name,
      Aging aging,
      List<OpenItem> openItems,
      List<CreditItem> credits,
      List<LedgerAsOf.OpenInstalment> openInstalments) {}

  /**
   * The customer's latest contacts, newest first, and whether the whole log still holds.
   *
   * @param firstBrokenSeq the first entry that no longer matches its hash; absent while intact
   */
  public record Timeline(
      String customer, boolean intact, Integer firstBrokenSeq, List<TimelineEntry> entries) {}

  /** One contact as the log keeps it; the body is in the dossier. */
  public record TimelineEntry(
      int seq,
      Instant occurredAt,
      Channel channel,
      String direction,
      String actor,
      String recipient,
      String subject,
      Outcome outcome,
      String detail,
      String hash) {

    static TimelineEntry of(CommunicationLog.Logged logged) {
      Entry entry = logged.entry();
      return new TimelineEntry(
          logged.seq(),
          entry.occurredAt(),
          entry.channel(),
          entry.outbound() ? "OUT" : "IN",
          entry.actor(),
          entry.recipient(),
          entry.subject(),
          entry.outcome(),
          entry.detail(),
          logged.hash());
    }
  }

  private static final MediaType PDF = new MediaType("application", "pdf");
  private static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

  @Inject private CustomerService service;
  @Inject private CustomerRepository customers;
  @Inject private ReceivablesQueries receivables;
  @Inject private LedgerAsOf ledger;
  @Inject private CustomerCredit credit;
  @Inject private CommunicationLog log;
  @Inject private Dossiers dossiers;
  @Inject private Clock clock;
  @Inject private SelfService selfService;
  @Inject private CustomerPages pages;
  @Inject private ReminderPolicyService policies;
  @Inject private CaseService cases;
  @Inject private OutboxQueries outbox;
  @Context private SecurityContext security;

  @POST
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Create or update a customer",
      description = "By its external id; a 400 names each invalid field.")
  @APIResponse(
      responseCode = "201",
      description =
          "The customer was new and is created: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @APIResponse(
      responseCode = "200",
      description = "The customer existed: updated, or unchanged when nothing differed.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response upsert(CustomerData customer) {
    return LedgerResources.single(customer, items -> service.upsert(items, caller()));
  }

  @POST
  @Path("batch")
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Create or update customers in a batch",
      description = "All or nothing: a 400 names each invalid item and field (`[3].name`).")
  @APIResponse(
      responseCode = "200",
      description =
          "Every customer of the batch is written: how many were created, updated, unchanged.",
      content = @Content(schema = @Schema(implementation = UpsertResult.class)))
  @RequestBody(required = true)
  public Response upsertAll(List<CustomerData> batch) {
    return LedgerResources.batch(batch, items -> service.upsert(items, caller()));
  }

  @GET
  @Path("{number}/balance")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a customer's balance",
      description =
          "As of `asOf` (default today): aging per currency, the invoices then open, unapplied credit, open instalments and open charges.")
  public Balance balance(@PathParam("number") String number, @QueryParam("asOf") LocalDate asOf) {
    Customer customer = get(number);
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    return new Balance(
        customer.getNumber(),
        customer.getName(),
        receivables.aging(day, customer.getId()),
        ledger.openItems(customer, day),
        ledger.credits(customer, day),
        ledger.openInstalments(customer, day));
  }

  /**
   * Pays back part of the customer's unapplied credit: 201 with the credit left; 422 for more than
   * that credit.
   */
  @POST
  @Path("{number}/refunds")
  @RolesAllowed({Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Refund unapplied credit",
      description =
          "Pays back part of the customer's unapplied credit; 422 for more than that credit.")
  @APIResponse(
      responseCode = "201",
      description = "Refunded: the credit left.",
      content = @Content(schema = @Schema(implementation = CustomerCredit.Refunded.class)))
  @RequestBody(required = true)
  public Response refund(@PathParam("number") String number, RefundTerms terms) {
    return Response.status(201).entity(credit.refund(number, terms, caller())).build();
  }

  /**
   * Applies the customer's unapplied credit to their open invoices, oldest due first: what went
   * where (nothing when there was no credit or nothing open).
   */
  @POST
  @Path("{number}/credit/settlement")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Apply unapplied credit",
      description =
          "Applies the customer's unapplied credit to their open invoices, oldest due first: what went where.")
  public CustomerCredit.Settled settle(@PathParam("number") String number) {
    return credit.settle(number, caller());
  }

  /**
   * The customer's contact history, newest first: at most {@code limit} entries (default 50, up to
   * 1,000), of one channel if {@code channel} names one.
   */
  @GET
  @Path("{number}/timeline")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Read a customer's contact history",
      description =
          "Newest first: at most `limit` entries (default 50, up to 1,000), of one `channel` if named; whether the log still holds.")
  public Timeline timeline(
      @PathParam("number") String number,
      @QueryParam("channel") String channel,
      @QueryParam("limit") Integer limit) {
    Customer customer = get(number);
    int size = limit == null ? 50 : Math.max(1, Math.min(limit, 1_000));
    Integer broken = log.firstBroken(customer.getId()).orElse(null);
    return new Timeline(
        customer.getNumber(),
        broken == null,
        broken,
        log.latest(customer.getId(), channel(channel), size).stream()
            .map(TimelineEntry::of)
            .toList());
  }

  /**
   * The files the customer sent: from their page (remittance advice, delivery notes) and attached
   * to their replies, newest first.
   */
  @GET
  @Path("{number}/files")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "List the files a customer sent",
      description = "From their page and attached to their replies, newest first.")
  public List<SelfService.SentFile> files(@PathParam("number") String number) {
    return selfService.files(get(number));
  }

  /** One of those files, as the customer sent it. */
  @GET
  @Path("{number}/files/{id}")
  @Produces({"application/pdf", "image/png", "image/jpeg", "application/octet-stream"})
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Download a file a customer sent",
      description = "As the customer sent it, as an attachment.")
  @APIResponse(
      responseCode = "200",
      description = "The file.",
      content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response file(@PathParam("number") String number, @PathParam("id") long id) {
    Customer customer = get(number);
    SelfService.SentFile file =
        selfService.files(customer).stream()
            .filter(f -> f.id() == id)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("File", id));
    return Downloads.attachment(
        selfService.content(customer, id).orElseThrow(), file.mediaType(), file.fileName());
  }

  /** How many links to the customer's page a revocation ended. */
  public record Revoked(int links) {}

  /**
   * Ends every link to the customer's page that still opens it; their next message brings a new
   * one.
   */
  @POST
  @Path("{number}/links/revoke")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Revoke the links to a customer's page",
      description = "Ends every link that still opens it; their next message brings a new one.")
  public Revoked revokeLinks(@PathParam("number") String number, @Context SecurityContext caller) {
    return new Revoked(selfService.revokeLinks(get(number), caller.getUserPrincipal().getName()));
  }

  /**
   * The customer's dossier as an attachment: PDF or CSV, as {@code format} ({@code pdf}, {@code
   * csv}) or else the Accept header asks; PDF when either would do.
   */
  @GET
  @Path("{number}/dossier")
  @Produces({"application/pdf", "text/csv"})
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Download a customer's dossier",
      description =
          "PDF or CSV, as `format` or else the Accept header asks; PDF when either would do.")
  @APIResponse(
      responseCode = "200",
      description = "The dossier, as an attachment.",
      content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response dossier(
      @PathParam("number") String number,
      @QueryParam("format") String format,
      @Context HttpHeaders headers) {
    boolean csv = format == null ? prefersCsv(headers) : "csv".equals(format(format));
    Dossier dossier = dossiers.of(number);
    return Response.ok(csv ? dossier.csv() : dossier.pdf(), csv ? CSV : PDF)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + dossier.fileName(csv ? "csv" : "pdf") + "\"")
        .build();
  }

  /**
   * Customers page by page, in {@code sort} order (number unless asked), of those whose name holds
   * {@code name}, in {@code country}, assigned to {@code collector}.
   */
  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "List customers",
      description =
          "Customers page by page (see the paging convention), by number or by name; filtered by"
              + " part of the name, country and assigned collector.")
  public Pages.CustomerPage list(
      @QueryParam("name") @Parameter(description = "Part of the name, in any case") String name,
      @QueryParam("country") @Parameter(description = "Two-letter country code", example = "GB")
          String country,
      @QueryParam("collector") @Parameter(description = "The assigned collector's username")
          String collector,
      @QueryParam("sort") @Parameter(description = "NUMBER (default) or NAME")
          CustomerPages.Sort sort,
      @QueryParam("limit") @Parameter(description = "At most 200; default 50") Integer limit,
      @QueryParam("cursor") @Parameter(description = "The `next` of the page before")
          String cursor) {
    CustomerPages.Sort order = sort == null ? CustomerPages.Sort.NUMBER : sort;
    int size = Cursor.limit(limit);
    Map<Long, String> policyNames = policyNames();
    return Page.of(
            pages.page(
                new CustomerPages.Filter(blank(name), blank(country), blank(collector)),
                order,
                Cursor.decode(cursor, order.name()),
                size + 1),
            size,
            order.name(),
            order::after,
            customer -> CustomerView.of(customer, policyNames))
        .as(Pages.CustomerPage::new);
  }

  @GET
  @Path("{number}")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a customer",
      description =
          "The customer as written with POST /customers, with its version, hardship and pause.")
  public CustomerView read(@PathParam("number") String number) {
    return CustomerView.of(get(number), policyNames());
  }

  @GET
  @Path("by-external-id/{externalId}")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a customer by the ERP's id",
      description = "The customer the ERP wrote with this externalId.")
  public CustomerView readByExternalId(@PathParam("externalId") String externalId) {
    return CustomerView.of(
        pages
            .findByExternalId(externalId)
            .orElseThrow(() -> new NotFoundException("Customer", externalId)),
        policyNames());
  }

  @GET
  @Path("{number}/contacts")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "List a customer's contacts",
      description = "The customer's contacts page by page, in the order they were added.")
  public Pages.ContactPage contacts(
      @PathParam("number") String number,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Customer customer = get(number);
    int size = Cursor.limit(limit);
    return Page.of(
            pages.contacts(customer, Cursor.decode(cursor, "ID"), size + 1),
            size,
            "ID",
            contact -> new Keyset("", contact.getId()),
            ContactView::of)
        .as(Pages.ContactPage::new);
  }

  @GET
  @Path("{number}/case")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a customer's open case",
      description =
          "The customer's open collection case, as GET /cases/{id} shows it; 404 while nothing"
              + " of theirs is overdue. Its version goes back in If-Match with a change.")
  @APIResponse(
      responseCode = "200",
      description = "The open case; its version is also the ETag.",
      content = @Content(schema = @Schema(implementation = CaseResource.CaseView.class)))
  public Response openCase(@PathParam("number") String number) {
    CollectionCase open =
        cases
            .findOpen(get(number))
            .orElseThrow(() -> new NotFoundException("An open case of customer", number));
    return Response.ok(CaseResource.CaseView.of(open, LocalDate.now(clock)))
        .tag(String.valueOf(open.getVersion()))
        .build();
  }

  @GET
  @Path("{number}/messages")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "List a customer's messages",
      description =
          "The customer's messages in the outbox, newest first, page by page: status, why one was"
              + " held back, how often sending was tried.")
  public Pages.MessagePage messages(
      @PathParam("number") String number,
      @QueryParam("status") MessageStatus status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return OutboxResource.page(outbox, status, get(number).getId(), limit, cursor);
  }

  private Map<Long, String> policyNames() {
    return policies.all().stream()
        .collect(Collectors.toMap(ReminderPolicy::getId, ReminderPolicy::getName));
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private Customer get(String number) {
    return customers
        .findByNumber(number)
        .orElseThrow(() -> new NotFoundException("Customer", number));
  }

  private static Channel channel(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Channel.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new BadRequestException(
          "channel is one of " + Arrays.toString(Channel.values()) + ", not " + name + ".");
    }
  }

  private static String format(String format) {
    String lower = format.strip().toLowerCase(Locale.ROOT);
    if (!lower.equals("pdf") && !lower.equals("csv")) {
      throw new BadRequestException("format is pdf or csv, not " + format + ".");
    }
    return lower;
  }

  /** Whether the caller accepts CSV ahead of PDF. */
  private static boolean prefersCsv(HttpHeaders headers) {
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isCompatible(PDF)) {
        return false;
      }
      if (accepted.isCompatible(CSV)) {
        return true;
      }
    }
    return false;
  }

  private String caller() {
    return security.getUserPrincipal().getName();
  }
}
