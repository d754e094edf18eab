package app.courtesy.web.api;

import app.courtesy.dunning.ReminderPreview;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who gets which reminder when, or why not, without sending anything. */
@Tag(
    name = "Reminders",
    description = "Who gets which reminder when, or why not, without sending anything.")
@Path("reminders")
@RequestScoped
@RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {

  @Inject private ReminderPreview previews;

  /**
   * The reminders of {@code from..to} (at most 31 days): dates that ran as they ran, later dates as
   * their runs would plan them; at most {@code limit} messages and held-back invoices (default
   * 500).
   */
  @GET
  @Path("preview")
  @Operation(
      summary = "Preview reminders",
      description =
          "The reminders of `from`..`to` (at most 31 days): dates that ran as they ran, later dates as their runs would plan them; at most `limit` (default 500).")
  public ReminderPreview.Preview preview(
      @QueryParam("from") LocalDate from,
      @QueryParam("to") LocalDate to,
      @QueryParam("limit") Integer limit) {
    if (from == null || to == null) {
      throw new BadRequestException("Give the dates to preview as from=YYYY-MM-DD&to=YYYY-MM-DD.");
    }
    try {
      return previews.of(from, to, limit == null ? 500 : Math.max(1, Math.min(limit, 5000)));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }
}
