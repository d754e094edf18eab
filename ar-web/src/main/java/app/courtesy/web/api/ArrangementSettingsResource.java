package app.courtesy.web.api;

import app.courtesy.arrangement.ArrangementLimits;
import app.courtesy.arrangement.ArrangementRefusedException;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.ArrangementSettings;
import app.courtesy.security.Role;
import app.courtesy.web.api.Problem.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How far an arrangement may go and how patiently it is followed (see {@link ArrangementLimits}),
 * for administrators. A change sends every field and the version read in {@code If-Match}; someone
 * else's change in between is a 409 and nothing is written.
 */
@Tag(
    name = "Arrangement settings",
    description = "How far an arrangement may go and how patiently it is followed.")
@Path("arrangement-settings")
@RequestScoped
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.APPLICATION_JSON)
public class ArrangementSettingsResource {

  /** Every limit; none may be left out. */
  public record SettingsRequest(
      Integer maxInstalments,
      Integer maxPlanDays,
      Integer maxExtensionDays,
      BigDecimal maxDiscountPercent,
      Integer maxDiscountDays,
      Integer reminderDaysBefore,
      Integer noticeGraceDays,
      Integer defaultGraceDays) {}

  /** The limits as saved, with their version and who changed them last. */
  public record SettingsView(
      int maxInstalments,
      int maxPlanDays,
      int maxExtensionDays,
      BigDecimal maxDiscountPercent,
      int maxDiscountDays,
      int reminderDaysBefore,
      int noticeGraceDays,
      int defaultGraceDays,
      long version,
      String updatedBy,
      OffsetDateTime updatedAt) {

    static SettingsView of(ArrangementSettings settings) {
      ArrangementLimits limits = settings.limits();
      return new SettingsView(
          limits.maxInstalments(),
          limits.maxPlanDays(),
          limits.maxExtensionDays(),
          limits.maxDiscountPercent(),
          limits.maxDiscountDays(),
          limits.reminderDaysBefore(),
          limits.noticeGraceDays(),
          limits.defaultGraceDays(),
          settings.getVersion(),
          settings.getUpdatedBy(),
          settings.getUpdatedAt());
    }
  }

  @Inject private ArrangementService arrangements;
  @Context private SecurityContext security;

  @GET
  @Operation(
      summary = "Read the arrangement limits",
      description = "The limits as saved, with their `version` for `If-Match`.")
  public SettingsView get() {
    return SettingsView.of(arrangements.settings());
  }

  /** Replaces the limits: 200 with them and their new version. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the arrangement limits",
      description = "Every limit is sent; none may be left out (a 400 names each missing one).")
  @RequestBody(required = true)
  public SettingsView change(@HeaderParam("If-Match") String ifMatch, SettingsRequest body) {
    long version = IfMatch.version(ifMatch, "arrangement settings", "GET /arrangement-settings");
    ArrangementLimits limits = limits(body);
    try {
      arrangements.changeLimits(limits, version, security.getUserPrincipal().getName());
    } catch (ArrangementRefusedException refused) {
      throw new WebApplicationException(ApiErrors.refused(refused.problems()));
    }
    return get();
  }

  /** The request's limits, or a 400 naming every field left out. */
  private static ArrangementLimits limits(SettingsRequest body) {
    SettingsRequest request =
        body == null ? new SettingsRequest(null, null, null, null, null, null, null, null) : body;
    List<FieldError> missing = new ArrayList<>();
    require(missing, "maxInstalments", request.maxInstalments());
    require(missing, "maxPlanDays", request.maxPlanDays());
    require(missing, "maxExtensionDays", request.maxExtensionDays());
    require(missing, "maxDiscountPercent", request.maxDiscountPercent());
    require(missing, "maxDiscountDays", request.maxDiscountDays());
    require(missing, "reminderDaysBefore", request.reminderDaysBefore());
    require(missing, "noticeGraceDays", request.noticeGraceDays());
    require(missing, "defaultGraceDays", request.defaultGraceDays());
    if (!missing.isEmpty()) {
      throw new WebApplicationException(ApiErrors.invalidFields(missing));
    }
    return new ArrangementLimits(
        request.maxInstalments(),
        request.maxPlanDays(),
        request.maxExtensionDays(),
        request.maxDiscountPercent(),
        request.maxDiscountDays(),
        request.reminderDaysBefore(),
        request.noticeGraceDays(),
        request.defaultGraceDays());
  }

  private static void require(List<FieldError> missing, String field, Object value) {
    if (value == null) {
      missing.add(new FieldError(field, "must be given"));
    }
  }
}
