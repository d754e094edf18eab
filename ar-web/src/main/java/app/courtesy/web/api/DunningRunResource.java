package app.courtesy.web.api;

import app.courtesy.dunning.DunningRun;
import app.courtesy.dunning.DunningRuns;
import app.courtesy.dunning.RunDateRefusedException;
import app.courtesy.dunning.RunFailedException;
import app.courtesy.dunning.RunStatus;
import app.courtesy.security.Role;
import app.courtesy.web.api.Problem.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dunning runs: run a business date (once; tomorrow at the latest, and none before the latest
 * completed run unless it failed), list what the runs did, and say when they are quiet or failed.
 */
@Tag(name = "Dunning runs", description = "Runs of a business date: who is reminded of what.")
@Path("dunning-runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DunningRunResource {

  /**
   * A run as the API shows it; {@code failedAt} and {@code failure} only once it failed.
   *
   * @param figuresMillis of {@code durationMillis}, what writing the collections figures of the
   *     days before took; null for a failed run
   */
  public record RunView(
      LocalDate businessDate,
      RunStatus status,
      String claimedBy,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt,
      long durationMillis,
      Long figuresMillis,
      int messages,
      int suppressed,
      int invoices,
      int heldBack,
      int overdueUnreminded,
      boolean quietWhileOverdue,
      OffsetDateTime failedAt,
      String failure) {

    static RunView of(DunningRun run) {
      return new RunView(
          run.getBusinessDate(),
          run.getStatus(),
          run.getClaimedBy(),
          run.getStartedAt(),
          run.getFinishedAt(),
          run.getDuration().toMillis(),
          run.getFiguresDuration().map(Duration::toMillis).orElse(null),
          run.getMessages(),
          run.getSuppressed(),
          run.getInvoices(),
          run.getHeldBack(),
          run.getOverdue(),
          run.isQuietWhileOverdue(),
          run.getFailedAt().orElse(null),
          run.getFailure().orElse(null));
    }
  }

  @Inject private DunningRuns runs;
  @Context private SecurityContext security;

  /**
   * Runs {@code asOf}: 201 with the counts, 200 with the earlier run's when it already ran, 422
   * naming {@code asOf} with the reason when the date may not be run, 500 saying why when the run
   * failed (it is then listed as failed and may be run again).
   */
  @POST
  @RolesAllowed(Role.ADMIN_ID)
  @Operation(
      summary = "Run a business date",
      description =
          "Runs `asOf` once (tomorrow at the latest, none before the latest completed run unless it failed); 422 naming `asOf` when it may not be run, 500 saying why when it failed.")
  @APIResponse(
      responseCode = "201",
      description = "Ran now: the counts.",
      content = @Content(schema = @Schema(implementation = DunningRunResource.RunView.class)))
  @APIResponse(
      responseCode = "200",
      description = "It ran before: that run's counts.",
      content = @Content(schema = @Schema(implementation = DunningRunResource.RunView.class)))
  public Response run(@QueryParam("asOf") LocalDate asOf) {
    if (asOf == null) {
      throw new BadRequestException("Give the business date to run as asOf=YYYY-MM-DD.");
    }
    DunningRuns.Outcome outcome;
    try {
      outcome = runs.run(asOf, security.getUserPrincipal().getName());
    } catch (RunDateRefusedException refused) {
      throw new WebApplicationException(
          ApiErrors.response(
              new Problem(
                  422,
                  "Unprocessable Entity",
                  refused.getMessage(),
                  List.of(new FieldError("asOf", refused.getMessage())))));
    } catch (RunFailedException failed) {
      throw new WebApplicationException(
          ApiErrors.response(Problem.of(500, "Internal Server Error", failed.getMessage())));
    }
    return Response.status(outcome.ranNow() ? Response.Status.CREATED : Response.Status.OK)
        .entity(RunView.of(outcome.run()))
        .build();
  }

  /** The latest runs, newest first. */
  @GET
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID})
  @Operation(
      summary = "List the latest runs",
      description = "Newest first, at most `limit` (default 30, up to 366).")
  public List<RunView> history(@QueryParam("limit") Integer limit) {
    int size = limit == null ? 30 : Math.max(1, Math.min(limit, 366));
    return runs.history(size).stream().map(RunView::of).toList();
  }

  /**
   * For monitoring: 503 when the latest run failed, or queued nothing although invoices are overdue
   * and nobody has been reminded of them for a month; 200 otherwise.
   */
  @GET
  @Path("health")
  @RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Check that the runs are healthy",
      description =
          "For monitoring: 503 when the latest run failed, or queued nothing although invoices are overdue and nobody was reminded for a month.")
  @APIResponse(
      responseCode = "200",
      description = "Healthy: the latest run.",
      content =
          @Content(
              schema =
                  @Schema(
                      implementation = DunningRunResource.RunView.class,
                      type = SchemaType.ARRAY)))
  @APIResponse(
      responseCode = "503",
      description = "Quiet or failed: the latest run.",
      content =
          @Content(
              schema =
                  @Schema(
                      implementation = DunningRunResource.RunView.class,
                      type = SchemaType.ARRAY)))
  public Response health() {
    List<DunningRun> latest = runs.history(1);
    boolean quiet =
        !latest.isEmpty() && (latest.get(0).isQuietWhileOverdue() || latest.get(0).isFailed());
    return Response.status(quiet ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK)
        .entity(latest.stream().map(RunView::of).toList())
        .build();
  }
}
