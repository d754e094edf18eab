package app.courtesy.web.api;

import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerData;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.customer.CustomerService;
import app.courtesy.invoice.Aging;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.OpenItem;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.security.Role;
import app.courtesy.shared.NotFoundException;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Customers: upserts by external id from an ERP, and each customer's balance and open items. */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

  /** A customer's balance as of a date: aging per currency and the invoices still open. */
  public record Balance(
      String customerNumber, String name, Aging aging, List<OpenItem> openItems) {}

  @Inject private CustomerService service;
  @Inject private CustomerRepository customers;
  @Inject private InvoiceRepository invoices;
  @Inject private ReceivablesQueries receivables;
  @Inject private Clock clock;
  @Context private SecurityContext security;

  @POST
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
  public Response upsert(CustomerData customer) {
    return LedgerResources.single(customer, items -> service.upsert(items, caller()));
  }

  @POST
  @Path("batch")
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
  public Response upsertAll(List<CustomerData> batch) {
    return LedgerResources.batch(batch, items -> service.upsert(items, caller()));
  }

  @GET
  @Path("{number}/balance")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  public Balance balance(@PathParam("number") String number, @QueryParam("asOf") LocalDate asOf) {
    Customer customer =
        customers.findByNumber(number).orElseThrow(() -> new NotFoundException("Customer", number));
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    return new Balance(
        customer.getNumber(),
        customer.getName(),
        receivables.aging(day, customer.getId()),
        invoices.openItems(customer));
  }

  private String caller() {
    return security.getUserPrincipal().getName();
  }
}
