package app.courtesy.web.api;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Verification;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
