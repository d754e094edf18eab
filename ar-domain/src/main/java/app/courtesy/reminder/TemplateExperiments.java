package app.courtesy.reminder;

import app.courtesy.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Template experiments: an administrator starts one on a policy step for the customers of one
 * language, with two templates that both pass the courtesy check, and stops it. Sending asks {@link
 * #variantOf} which template a reminder takes; each customer is drawn into A or B at random (even
 * odds) at their first reminder of the step, and kept there for as long as the experiment runs. The
 * experiment's row is its record: who started and stopped it, when, and both templates.
 */
@ApplicationScoped
@Transactional
public class TemplateExperiments {

  /** A customer's variant in a running experiment. */
  public record Assignment(TemplateExperiment experiment, Variant variant) {

    /** The templates of the variant, parsed for rendering. */
    public ReminderTemplates templates() {
      return experiment.source(variant).parse(experiment.getTone(), experiment.getLanguage());
    }
  }

  private final RandomGenerator draw = new SecureRandom();

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private ReminderTemplateService templates;
  @Inject private Clock clock;

  /**
   * Starts an experiment on step {@code step} (from 1) of the policy {@code policyId} for the
   * customers written to in {@code language}: A and B are the two templates of the step's tone.
   *
   * @throws ExperimentRefusedException when it has no name, the step does not exist, the step runs
   *     an experiment in that language already, or a template cannot be read or fails the courtesy
   *     check (the message says which)
   */
  public TemplateExperiment start(
      long policyId,
      int step,
      Locale language,
      String name,
      TemplateSource a,
      TemplateSource b,
      String by) {
    String plain = name == null ? "" : name.strip();
    if (plain.isEmpty() || plain.length() > 120) {
      throw new ExperimentRefusedException(
          "Name the experiment (up to 120 characters): what B tries.");
    }
    ReminderPolicy policy = em.find(ReminderPolicy.class, policyId);
    if (policy == null) {
      throw new NotFoundException("Reminder policy", policyId);
    }
    // Two administrators starting one at once: the second waits here, then finds the first.
    em.refresh(policy, LockModeType.PESSIMISTIC_WRITE);
    if (step < 1 || step > policy.getSteps().size()) {
      throw new ExperimentRefusedException(
          "The policy “" + policy.getName() + "” has no step " + step + ".");
    }
    Tone tone = policy.getSteps().get(step - 1).getTone();
    Locale written = ReminderTemplates.languageOf(language);
    if (!written.getLanguage().equals(language.getLanguage())) {
      throw new ExperimentRefusedException(
          "Reminders are written in English, German, French, Spanish, Italian or Dutch.");
    }
    boolean busy = running().stream().anyMatch(e -> e.covers(policyId, step - 1, tone, written));
    if (busy) {
      throw new ExperimentRefusedException(
          "Step "
              + step
              + " of “"
              + policy.getName()
              + "” already runs an experiment in "
              + written.getDisplayLanguage(Locale.ENGLISH)
              + ": stop it first.");
    }
    refuseUnlessCourteous(Variant.A, tone, written, a);
    refuseUnlessCourteous(Variant.B, tone, written, b);
    TemplateExperiment experiment =
        new TemplateExperiment(
            policyId, step - 1, tone, written, plain, a, b, by, OffsetDateTime.now(clock));
    em.persist(experiment);
    return experiment;
  }

  /**
   * Stops the experiment: from the next reminder on, its customers get the template in use.
   *
   * @throws ExperimentRefusedException when it was stopped before
   */
  public TemplateExperiment stop(long id, String by) {
    TemplateExperiment experiment = get(id);
    em.refresh(experiment, LockModeType.PESSIMISTIC_WRITE);
    experiment.stop(by, OffsetDateTime.now(clock));
    return experiment;
  }

  public TemplateExperiment get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Template experiment", id));
  }

  public Optional<TemplateExperiment> find(long id) {
    return Optional.ofNullable(em.find(TemplateExperiment.class, id));
  }

  /** Every experiment, the latest started first. */
  public List<TemplateExperiment> all() {
    return em.createQuery(
            "select e from TemplateExperiment e order by e.startedAt desc, e.id desc",
            TemplateExperiment.class)
        .getResultList();
  }

  /** The experiments running now. */
  public List<TemplateExperiment> running() {
    return em.createQuery(
            "select e from TemplateExperiment e where e.stoppedAt is null order by e.id",
            TemplateExperiment.class)
        .getResultList();
  }

  /**
   * Which template the customer's reminder of this step, tone and language takes: empty outside any
   * of {@code running} (then the template in use); else the customer's variant, drawn now if this
   * is their first reminder in the experiment. Two dispatchers drawing for one customer at once:
   * the second's claim fails on the assignment's key and its messages are claimed again.
   *
   * @param running the experiments running, as {@link #running()} read them for the claim
   * @param stepPosition counted from 0
   */
  public Optional<Assignment> variantOf(
      List<TemplateExperiment> running,
      long policyId,
      int stepPosition,
      Tone tone,
      Locale language,
      long customerId) {
    return running.stream()
        .filter(e -> e.covers(policyId, stepPosition, tone, language))
        .findFirst()
        .map(e -> new Assignment(e, assignment(e.getId(), customerId)));
  }

  private Variant assignment(long experimentId, long customerId) {
    List<?> kept =
        em.createNativeQuery(
                "select variant from template_experiment_customer"
                    + " where experiment_id = ?1 and customer_id = ?2")
            .setParameter(1, experimentId)
            .setParameter(2, customerId)
            .getResultList();
    if (!kept.isEmpty()) {
      return Variant.valueOf((String) kept.get(0));
    }
    Variant drawn = draw.nextBoolean() ? Variant.A : Variant.B;
    em.createNativeQuery(
            "insert into template_experiment_customer (experiment_id, customer_id, variant,"
                + " assigned_at) values (?1, ?2, ?3, ?4)")
        .setParameter(1, experimentId)
        .setParameter(2, customerId)
        .setParameter(3, drawn.name())
        .setParameter(4, OffsetDateTime.now(clock))
        .executeUpdate();
    return drawn;
  }

  private void refuseUnlessCourteous(
      Variant variant, Tone tone, Locale language, TemplateSource source) {
    TemplateReview review = templates.review(tone, language, source);
    if (review.problem() != null) {
      throw new ExperimentRefusedException(
          "Template " + variant + " cannot be read: " + review.problem());
    }
    if (!review.passes()) {
      throw new ExperimentRefusedException(
          "Template "
              + variant
              + " does not pass the courtesy check (score "
              + review.score()
              + "): both templates must pass before the experiment can start.");
    }
  }
}
