package app.courtesy.web.api;

import app.courtesy.dunning.DunningRuns;
import app.courtesy.dunning.ReminderSettings;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reminders for everyone, as the reminders page sets them: paused until a day, or going out as
 * planned; each change with the version read in {@code If-Match}.
 */
@Path("reminder-settings")
@Tag(
    name = "Reminder settings",
    description = "Settings for everyone's reminders: the pause for all.")
@RequestScoped
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.APPLICATION_JSON)
public class ReminderSettingsResource {

  /** The organisation's reminder settings. */
  @Schema(description = "Reminders for everyone: a pause, the daily run's time.")
  public record ReminderSettingsView(
      @Schema(
              description = "No reminder goes to anyone up to and including this day",
              nullable = true)
          LocalDate pausedUntil,
      @Schema(
              description = "When the daily run starts, on the organisation's clock",
              example = "06:00")
          String runTime,
      @Schema(description = "A customer's unanswered reply holds their reminders")
          boolean pauseOnReply,
      @Schema(description = "Goes back in If-Match with a change") long version) {

    static ReminderSettingsView of(ReminderSettings settings) {
      return new ReminderSettingsView(
          settings.getPausedUntil().orElse(null),
          settings.getRunTime().toString(),
          settings.isPauseOnReply(),
          settings.getVersion());
    }
  }

  /** The last day of a pause for everyone. */
  @Schema(description = "The last day of a pause for everyone.")
  public record PauseAllRequest(@Schema(example = "2026-12-31") LocalDate until) {}

  @Inject private DunningRuns runs;
  @Inject private Clock clock;

  @GET
  @Operation(
      summary = "Read the reminder settings",
      description = "Whether reminders are paused for everyone, and until when.")
  @APIResponse(
      responseCode = "200",
      description = "The settings; their version is also the ETag.",
      content = @Content(schema = @Schema(implementation = ReminderSettingsView.class)))
  public Response read() {
    return answer(runs.settings());
  }

  @POST
  @Path("pause")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Pause reminders for everyone",
      description =
          "No reminder goes to anyone up to and including `until` (today or later); the runs"
              + " hold every message back as ORG_PAUSE.")
  @APIResponse(
      responseCode = "200",
      description = "The settings, paused.",
      content = @Content(schema = @Schema(implementation = ReminderSettingsView.class)))
  public Response pause(@HeaderParam("If-Match") String ifMatch, PauseAllRequest body) {
    long version = version(ifMatch);
    if (body == null || body.until() == null || body.until().isBefore(LocalDate.now(clock))) {
      throw new WebApplicationException(
          ApiErrors.invalidFields(
              List.of(new Problem.FieldError("until", "must be a day from today on"))));
    }
    return change(body.until(), version);
  }

  @POST
  @Path("resume")
  @Operation(
      summary = "Resume reminders for everyone",
      description = "Ends the pause for everyone; reminders go out as planned from the next run.")
  @APIResponse(
      responseCode = "200",
      description = "The settings, no longer paused.",
      content = @Content(schema = @Schema(implementation = ReminderSettingsView.class)))
  public Response resume(@HeaderParam("If-Match") String ifMatch) {
    return change(null, version(ifMatch));
  }

  private Response change(LocalDate until, long version) {
    ReminderSettings settings = runs.settings();
    return answer(runs.revise(until, settings.getRunTime(), settings.isPauseOnReply(), version));
  }

  private static Response answer(ReminderSettings settings) {
    return Response.ok(ReminderSettingsView.of(settings))
        .tag(String.valueOf(settings.getVersion()))
        .build();
  }

  private static long version(String ifMatch) {
    return IfMatch.version(ifMatch, "reminder settings", "GET /reminder-settings");
  }
}
