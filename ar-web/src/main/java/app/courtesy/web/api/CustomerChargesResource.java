package app.courtesy.web.api;

import app.courtesy.charge.ChargeView;
import app.courtesy.charge.Charges;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.security.Role;
import app.courtesy.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's late-payment charges, for the ERP and the workbench. */
@Tag(name = "Customers")
@Path("customers/{number}/charges")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerChargesResource {

  /** What is open per currency, and every document, newest first. */
  public record CustomerCharges(String customer, List<Money> open, List<ChargeView> documents) {}

  @Inject private CustomerRepository customers;
  @Inject private Charges charges;

  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read a customer's charges",
      description = "What is open per currency, and every charge document, newest first.")
  public CustomerCharges charges(@PathParam("number") String number) {
    Customer customer =
        customers
            .findByNumber(number)
            .orElseThrow(() -> new NotFoundException("There is no customer " + number + "."));
    return new CustomerCharges(
        customer.getNumber(), charges.open(customer.getId()), charges.ofCustomer(customer.getId()));
  }
}
