package app.courtesy.web.api;

import app.courtesy.charge.ChargePolicies;
import app.courtesy.charge.ChargeTerms;
import app.courtesy.charge.ChargesRefusedException;
import app.courtesy.charge.InterestBasis;
import app.courtesy.customer.Channel;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.Tone;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * The reminder policies with their late-payment charges, for administrators: every policy's steps
 * as the policy page shows them, and its charges, read and replaced as a whole with the version
 * read in {@code If-Match}.
 */
@Tag(
    name = "Reminder policies",
    description = "The reminder policies with their steps and late-payment charges.")
@Path("reminder-policies")
@RequestScoped
@RolesAllowed(Role.ADMIN_ID)
@Produces(MediaType.APPLICATION_JSON)
public class ReminderPolicyResource {

  /** A policy step, counted from 1 as the page counts them. */
  public record StepView(int step, int offsetDays, Channel channel, Tone tone) {}

  /** A policy and its charges. */
  public record PolicyView(
      long id, String name, boolean defaultPolicy, List<StepView> steps, ChargesView charges) {}

  /**
   * A policy's charges as saved ({@code version} 0: nobody saved any, nothing is charged).
   *
   * @param fees per step (from 1) and currency
   */
  public record ChargesView(
      InterestBasis interest,
      BigDecimal margin,
      BigDecimal monthlyRate,
      boolean compensation,
      boolean showInReminders,
      List<ChargeTerms.StepFee> fees,
      long version,
      String updatedBy,
      OffsetDateTime updatedAt) {

    static ChargesView of(ChargePolicies.Saved saved) {
      ChargeTerms terms = saved.terms();
      return new ChargesView(
          terms.interest(),
          terms.interest() == InterestBasis.NONE || terms.interest() == InterestBasis.CONTRACTUAL
              ? null
              : terms.effectiveMargin(),
          terms.monthlyRate(),
          terms.compensation(),
          terms.showInReminders(),
          terms.fees(),
          saved.version(),
          saved.updatedBy(),
          saved.updatedAt());
    }
  }

  /** The charges to save: every field; {@code margin} only for the Directive (default 8). */
  public record ChargesRequest(
      InterestBasis interest,
      BigDecimal margin,
      BigDecimal monthlyRate,
      Boolean compensation,
      Boolean showInReminders,
      List<ChargeTerms.StepFee> fees) {}

  @Inject private ReminderPolicyService policies;
  @Inject private ChargePolicies charges;
  @Context private SecurityContext security;

  /** Every policy, the default first, each with its steps and charges. */
  @GET
  @Operation(
      summary = "List reminder policies",
      description = "Every policy, the default first, each with its steps and charges.")
  public List<PolicyView> list() {
    return policies.all().stream().map(this::view).toList();
  }

  @GET
  @Path("{name}/charges")
  @Operation(
      summary = "Read a policy's charges",
      description =
          "As saved, with their `version` for `If-Match` (0: nobody saved any, nothing is charged).")
  public ChargesView charges(@PathParam("name") String name) {
    return ChargesView.of(charges.of(policy(name).getId()));
  }

  /** Replaces the policy's charges: 200 with them and their new version. */
  @PUT
  @Path("{name}/charges")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a policy's charges",
      description = "Every field is sent; `margin` only for the Directive (default 8).")
  @RequestBody(required = true)
  public ChargesView change(
      @PathParam("name") String name,
      @HeaderParam("If-Match") String ifMatch,
      ChargesRequest body) {
    ReminderPolicy policy = policy(name);
    long version =
        IfMatch.version(ifMatch, "policy's charges", "GET /reminder-policies/{name}/charges");
    ChargesRequest request =
        body == null ? new ChargesRequest(null, null, null, null, null, null) : body;
    List<Problem.FieldError> missing = new ArrayList<>();
    if (request.interest() == null) {
      missing.add(
          new Problem.FieldError("interest", "must be NONE, EU_DIRECTIVE, UK_ACT or CONTRACTUAL"));
    }
    if (request.compensation() == null) {
      missing.add(new Problem.FieldError("compensation", "must be given"));
    }
    if (request.showInReminders() == null) {
      missing.add(new Problem.FieldError("showInReminders", "must be given"));
    }
    if (!missing.isEmpty()) {
      throw new WebApplicationException(ApiErrors.invalidFields(missing));
    }
    try {
      return ChargesView.of(
          charges.revise(
              policy.getId(),
              new ChargeTerms(
                  request.interest(),
                  request.margin(),
                  request.monthlyRate(),
                  request.compensation(),
                  request.showInReminders(),
                  request.fees() == null ? List.of() : request.fees()),
              version,
              security.getUserPrincipal().getName()));
    } catch (ChargesRefusedException refused) {
      throw new WebApplicationException(ApiErrors.refused(refused.problems()));
    }
  }

  private PolicyView view(ReminderPolicy policy) {
    List<StepView> steps = new ArrayList<>();
    List<ReminderStep> all = policy.getSteps();
    for (int i = 0; i < all.size(); i++) {
      ReminderStep step = all.get(i);
      steps.add(new StepView(i + 1, step.getOffsetDays(), step.getChannel(), step.getTone()));
    }
    return new PolicyView(
        policy.getId(),
        policy.getName(),
        policy.isDefaultPolicy(),
        steps,
        ChargesView.of(charges.of(policy.getId())));
  }

  private ReminderPolicy policy(String name) {
    return policies.all().stream()
        .filter(p -> p.getName().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("There is no reminder policy named " + name + "."));
  }
}
