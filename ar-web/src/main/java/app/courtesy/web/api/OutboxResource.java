package app.courtesy.web.api;

import app.courtesy.dispatch.Dispatcher;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The outbox: send what is due now instead of waiting for the dispatcher's next minute. */
@Path("outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

  /** The most one request may claim, so that it answers within a few minutes. */
  static final int MAX_CLAIMS = 100_000;

  @Inject private Dispatcher dispatcher;

  /**
   * Sends what is due, claiming at most {@code max} messages (default 1,000): what became of them.
   */
  @POST
  @Path("dispatch")
  @RolesAllowed(Role.ADMIN_ID)
  public Dispatcher.Round dispatch(@QueryParam("max") Integer max) {
    int claims = max == null ? 1_000 : max;
    if (claims < 1 || claims > MAX_CLAIMS) {
      throw new BadRequestException(
          "Claim between 1 and " + String.format("%,d", MAX_CLAIMS) + " messages (max).");
    }
    return dispatcher.dispatch(claims);
  }
}
