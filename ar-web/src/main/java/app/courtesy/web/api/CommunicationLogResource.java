package app.courtesy.web.api;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Verification;
import app.courtesy.customer.Channel;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.security.Role;
import app.courtesy.shared.Keyset;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The communication log of every customer: whether each chain still holds. */
@Tag(
    name = "Communication log",
    description = "The hash-chained log of every contact with customers.")
@Path("communication-log")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommunicationLogResource {

  /**
   * What the verification found.
   *
   * @param customers customers whose log has entries, all checked
   * @param entries entries checked
   * @param broken the customers whose log was changed, each with the first entry that no longer
   *     matches its hash
   */
  public record VerificationView(
      long customers, long entries, boolean intact, List<BrokenView> broken) {

    static VerificationView of(Verification verification) {
      return new VerificationView(
          verification.customers(),
          verification.entries(),
          verification.intact(),
          verification.broken().stream()
              .map(b -> new BrokenView(b.customerNumber(), b.seq()))
              .toList());
    }
  }

  /** A customer whose log was changed, by customer number. */
  public record BrokenView(String customer, int firstBrokenSeq) {}

  @Inject private CommunicationLog log;
  @Inject private CustomerRepository customers;
  @Inject private Clock clock;

  /**
   * The log across customers, newest first, page by page: of one customer, channel and direction,
   * and from one day to another (inclusive, on the organisation's clock), where asked.
   */
  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "List the communication log",
      description =
          "Every contact recorded, newest first, page by page; filtered by customer (number),"
              + " channel, direction (OUT, IN) and days from and to (inclusive).")
  public Pages.LogEntryPage list(
      @QueryParam("customer") @Parameter(description = "Customer number") String customer,
      @QueryParam("channel") Channel channel,
      @QueryParam("direction") @Parameter(description = "OUT or IN") Direction direction,
      @QueryParam("from") @Parameter(description = "The first day, e.g. 2026-11-01") LocalDate from,
      @QueryParam("to") @Parameter(description = "The last day, e.g. 2026-11-30") LocalDate to,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    int size = Cursor.limit(limit);
    Keyset after = Cursor.decode(cursor, "NEWEST");
    if (from != null && to != null && to.isBefore(from)) {
      throw new WebApplicationException(
          ApiErrors.invalidFields(
              List.of(new Problem.FieldError("to", "must not be before from (" + from + ")"))));
    }
    Long customerId = customers.filterId(customer);
    ZoneId zone = clock.getZone();
    return Page.of(
            log.page(
                new CommunicationLog.Filter(
                    customerId,
                    channel,
                    direction == null ? null : direction == Direction.OUT,
                    from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant()),
                after == null ? null : after.id(),
                size + 1),
            size,
            "NEWEST",
            listed -> new Keyset("", listed.id()),
            LogEntryView::of)
        .as(Pages.LogEntryPage::new);
  }

  /** Which way a contact went: to the customer or from them. */
  public enum Direction {
    OUT,
    IN
  }

  /** Re-reads every customer's log and checks each entry against its hash. */
  @GET
  @Path("verification")
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Verify every customer's log",
      description =
          "Re-reads every log and checks each entry against its hash: whether all still hold, and where not.")
  public VerificationView verification() {
    return VerificationView.of(log.verify());
  }
}
