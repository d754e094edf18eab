package app.courtesy.web.api;

import app.courtesy.security.Role;
import app.courtesy.shared.ClockProducer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The server's clock: what time it is here and the organisation's time zone its business dates are
 * in ({@code AR_TIME_ZONE}), and, on a server started with {@code AR_CLOCK_ADJUSTABLE=true} (tests,
 * the benchmark), moving it to another instant.
 */
@Tag(name = "Clock", description = "The server's clock and time zone; movable on test servers.")
@Path("clock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

  /**
   * The clock as the API shows it; also the body of a PUT ({@code adjustable} and {@code timeZone}
   * ignored).
   */
  public record Reading(Instant now, boolean adjustable, String timeZone) {}

  @Inject private ClockProducer producer;
  @Inject private Clock clock;

  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read the server's clock",
      description =
          "What time it is here, whether the clock can be moved, and the time zone business dates are in.")
  public Reading read() {
    return new Reading(clock.instant(), producer.isAdjustable(), producer.zone().getId());
  }

  /** Moves the clock to {@code now}; 409 on a server that keeps the system's time. */
  @PUT
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Move the server's clock",
      description = "Only on a server started with `AR_CLOCK_ADJUSTABLE=true`; 409 elsewhere.")
  @RequestBody(required = true)
  public Reading move(Reading body) {
    if (body == null || body.now() == null) {
      throw new BadRequestException(
          "Give the time to move to as {\"now\": \"2026-11-24T14:00:00Z\"}.");
    }
    try {
      producer.moveTo(body.now());
    } catch (IllegalStateException e) {
      throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
    }
    return read();
  }
}
