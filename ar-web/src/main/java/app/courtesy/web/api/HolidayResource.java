package app.courtesy.web.api;

import app.courtesy.dunning.Holidays;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The holiday calendar reminders respect: nobody is contacted on a holiday of their country. */
@Tag(name = "Holidays", description = "The holiday calendar reminders respect.")
@Path("holidays")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HolidayResource {

  /** The body of a PUT. */
  public record Named(String name) {}

  @Inject private Holidays holidays;
  @Inject private Clock clock;

  /** Holidays from {@code from} (default: today) on. */
  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(summary = "List holidays", description = "Holidays from `from` (default today) on.")
  public List<Holidays.Holiday> list(@QueryParam("from") LocalDate from) {
    return holidays.from(from == null ? LocalDate.now(clock) : from);
  }

  /** Adds (or renames) the holiday of a country on a date: {@code {"name": "Whit Monday"}}. */
  @PUT
  @Path("{country}/{date}")
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Add or rename a holiday",
      description = "The holiday of a country (ISO code) on a date.")
  @RequestBody(required = true)
  public Holidays.Holiday put(
      @PathParam("country") String country, @PathParam("date") LocalDate date, Named body) {
    try {
      return holidays.put(country, date, body == null ? null : body.name());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage() + ".");
    }
  }

  @DELETE
  @Path("{country}/{date}")
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Remove a holiday",
      description = "Removes the holiday of a country on a date; 404 when there is none.")
  public void remove(@PathParam("country") String country, @PathParam("date") LocalDate date) {
    if (!holidays.remove(country, date)) {
      throw new NotFoundException("No holiday of " + country + " on " + date + ".");
    }
  }
}
