package app.courtesy.web.api;

import app.courtesy.charge.ChargePolicies;
import app.courtesy.charge.ChargeTerms;
import app.courtesy.charge.ChargesRefusedException;
import app.courtesy.charge.InterestBasis;
import app.courtesy.customer.Channel;
import app.courtesy.reminder.PolicyData;
import app.courtesy.reminder.PolicyRefusedException;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.StepMinimum;
import app.courtesy.reminder.Tone;
import app.courtesy.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

  /** A minimum for one step (counted from 1) in one currency. */
  @Schema(description = "The smallest open amount worth a message at one step, in one currency.")
  public record StepMinimumView(
      @Schema(description = "The step, counted from 1", example = "3") int step,
      @Schema(example = "EUR") String currency,
      @Schema(example = "25.00") BigDecimal amount) {}

  /**
   * A policy as a whole, as {@code GET /reminder-policies/{name}} reads it and {@code PUT} replaces
   * it (id, name, default, version and who changed it are read only).
   */
  @Schema(description = "A reminder policy as a whole: its steps, days and minimums.")
  public record Policy(
      @Schema(readOnly = true) long id,
      @Schema(readOnly = true, example = "Key accounts") String name,
      @Schema(readOnly = true) boolean defaultPolicy,
      @Schema(description = "Days after the due date before overdue steps count", example = "3")
          int graceDays,
      @Schema(
              description = "After the last step, remind every so many days; null: stop",
              nullable = true,
              example = "14")
          Integer repeatDays,
      @Schema(description = "At most one message per customer and channel in so many days")
          int capDays,
      @Schema(description = "Thank customers who settle a reminded balance") boolean thankYou,
      List<StepView> steps,
      @Schema(description = "The smallest open amount worth a reminder, per ISO currency")
          Map<String, BigDecimal> minimums,
      List<StepMinimumView> stepMinimums,
      @Schema(readOnly = true, description = "Goes back in If-Match with a change") long version,
      @Schema(readOnly = true) String updatedBy,
      @Schema(readOnly = true) OffsetDateTime updatedAt) {

    static Policy of(ReminderPolicy policy) {
      PolicyData data = policy.toData();
      return new Policy(
          policy.getId(),
          policy.getName(),
          policy.isDefaultPolicy(),
          data.graceDays(),
          data.repeatDays(),
          data.capDays(),
          data.thankYou(),
          ReminderPolicyResource.steps(data.steps()),
          data.minimums().entrySet().stream()
              .collect(
                  Collectors.toMap(
                      Map.Entry::getKey,
                      e -> plain(e.getValue()),
                      (a, b) -> a,
                      LinkedHashMap::new)),
          data.stepMinimums().stream()
              .map(
                  m ->
                      new StepMinimumView(
                          m.getPosition() + 1, m.getCurrency(), plain(m.getAmount())))
              .toList(),
          policy.getVersion(),
          policy.getUpdatedBy(),
          policy.getUpdatedAt());
    }

    /** An amount as the page shows it: 5, not 5.0000. */
    private static BigDecimal plain(BigDecimal amount) {
      BigDecimal stripped = amount.stripTrailingZeros();
      return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    PolicyData data() {
      return new PolicyData(
          graceDays,
          repeatDays,
          capDays,
          thankYou,
          steps == null
              ? List.of()
              : steps.stream()
                  .map(
                      s ->
                          s == null
                              ? null
                              : new ReminderStep(s.offsetDays(), s.channel(), s.tone()))
                  .toList(),
          minimums == null ? Map.of() : minimums,
          stepMinimums == null
              ? List.of()
              : stepMinimums.stream()
                  .map(
                      m ->
                          m == null
                              ? null
                              : new StepMinimum(
                                  m.step() - 1,
                                  m.currency() == null
                                      ? null
                                      : m.currency().strip().toUpperCase(Locale.ROOT),
                                  m.amount() == null ? BigDecimal.ZERO : m.amount()))
                  .toList());
    }
  }

  /** A new policy: its name, and the policy it starts as a copy of (default: the default one). */
  @Schema(description = "A new policy, starting as a copy of another.")
  public record NewPolicy(
      @Schema(example = "Key accounts") String name,
      @Schema(description = "The policy to copy; null: the default policy", nullable = true)
          String basedOn) {}

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
  @Path("{name}")
  @Operation(
      summary = "Read a reminder policy",
      description =
          "The policy as a whole, as the policy page edits it; its version goes back in If-Match"
              + " with PUT.")
  @APIResponse(
      responseCode = "200",
      description = "The policy; its version is also the ETag.",
      content = @Content(schema = @Schema(implementation = Policy.class)))
  public Response read(@PathParam("name") String name) {
    ReminderPolicy policy = policy(name);
    return Response.ok(Policy.of(policy)).tag(String.valueOf(policy.getVersion())).build();
  }

  /** A new policy, a copy of {@code basedOn} (or the default): 201 with it. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a reminder policy",
      description =
          "A new policy for customers who need their own, starting as a copy of `basedOn` (or the"
              + " default policy); change it with PUT, choose it for customers with their"
              + " reminderPolicy.")
  @APIResponse(
      responseCode = "201",
      description = "The new policy",
      content = @Content(schema = @Schema(implementation = Policy.class)))
  public Response create(NewPolicy body) {
    long basedOn =
        body == null || body.basedOn() == null
            ? policies.defaultPolicy().getId()
            : policy(body.basedOn()).getId();
    try {
      ReminderPolicy created =
          policies.create(
              body == null ? null : body.name(), basedOn, security.getUserPrincipal().getName());
      return Response.status(201)
          .entity(Policy.of(created))
          .tag(String.valueOf(created.getVersion()))
          .build();
    } catch (PolicyRefusedException refused) {
      throw new WebApplicationException(
          ApiErrors.invalidFields(
              refused.problems().stream().map(p -> new Problem.FieldError("name", p)).toList()));
    }
  }

  /**
   * Replaces the policy's steps, days and minimums as a whole, with the version read in {@code
   * If-Match}: 200 with the policy and its new version; 400 listing every problem; 412 when someone
   * changed it since.
   */
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a reminder policy",
      description =
          "Replaces the policy's steps, days and minimums as a whole, if nobody changed it since"
              + " the version in If-Match; refused as a whole, every problem listed, when it makes"
              + " no sense.")
  @APIResponse(
      responseCode = "200",
      description = "The policy as saved.",
      content = @Content(schema = @Schema(implementation = Policy.class)))
  public Response change(
      @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, Policy body) {
    ReminderPolicy policy = policy(name);
    long version = IfMatch.version(ifMatch, "policy", "GET /reminder-policies/{name}");
    if (body == null) {
      throw new WebApplicationException(
          ApiErrors.response(Problem.of(400, "Bad Request", "Send the policy as JSON.")));
    }
    try {
      ReminderPolicy saved =
          policies.revise(
              policy.getId(), body.data(), version, security.getUserPrincipal().getName());
      return Response.ok(Policy.of(saved)).tag(String.valueOf(saved.getVersion())).build();
    } catch (PolicyRefusedException refused) {
      throw new WebApplicationException(ApiErrors.refused(refused.problems()));
    }
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
  public ChargesView changeCharges(
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
    return new PolicyView(
        policy.getId(),
        policy.getName(),
        policy.isDefaultPolicy(),
        steps(policy.getSteps()),
        ChargesView.of(charges.of(policy.getId())));
  }

  /** The steps, counted from 1 as the page counts them. */
  private static List<StepView> steps(List<ReminderStep> all) {
    List<StepView> steps = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      ReminderStep step = all.get(i);
      steps.add(new StepView(i + 1, step.getOffsetDays(), step.getChannel(), step.getTone()));
    }
    return steps;
  }

  private ReminderPolicy policy(String name) {
    return policies.all().stream()
        .filter(p -> p.getName().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("There is no reminder policy named " + name + "."));
  }
}
