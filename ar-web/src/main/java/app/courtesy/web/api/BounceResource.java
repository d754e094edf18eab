package app.courtesy.web.api;

import app.courtesy.dispatch.BounceIntake;
import app.courtesy.dispatch.Bounces;
import app.courtesy.dispatch.MailboxUnavailableException;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What comes back by email: a delivery status notification handed in as it arrived (from a mail
 * provider's webhook, or a mail server piping its bounces), or the sender's mailbox read now, its
 * bounces recorded and its customers' replies kept (see {@code /replies}).
 */
@Tag(
    name = "Bounces",
    description =
        "What comes back by email: delivery status notifications, and the sender's mailbox.")
@Path("bounces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BounceResource {

  /** What became of each recipient a report says delivery failed for. */
  public record Accepted(List<Bounces.Result> results) {}

  @EJB(lookup = "java:app/ar-notifications/BounceMailbox!app.courtesy.dispatch.BounceIntake")
  private BounceIntake intake;

  /**
   * Records a delivery status notification (RFC 3464), the whole email as {@code message/rfc822}.
   */
  @POST
  @Consumes("message/rfc822")
  @RolesAllowed({Role.INTEGRATION_ID, Role.ADMIN_ID})
  @Operation(
      summary = "Hand in a delivery status notification",
      description =
          "The whole email (RFC 3464 report) as `message/rfc822`: what became of each recipient it says delivery failed for.")
  @RequestBody(required = true)
  public Accepted accept(InputStream email) {
    return new Accepted(intake.accept(email));
  }

  /** Reads the mailbox now instead of waiting for its next minute: bounces and replies. */
  @POST
  @Path("mailbox")
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Read the sender's mailbox now",
      description =
          "Reads bounces and customers' replies now instead of at the next minute; 409 when no mailbox is configured, 503 when it cannot be reached.")
  public BounceIntake.MailboxRead readMailbox() {
    if (!intake.hasMailbox()) {
      throw new WebApplicationException(
          ApiErrors.response(
              Problem.of(
                  409,
                  "Conflict",
                  "No mailbox is configured: set AR_BOUNCE_HOST (and its user and password) to"
                      + " have Courtesy read the sender's mailbox for bounces and replies.")));
    }
    try {
      return intake.readMailbox();
    } catch (MailboxUnavailableException e) {
      throw new WebApplicationException(
          ApiErrors.response(Problem.of(503, "Service Unavailable", e.getMessage())));
    }
  }
}
