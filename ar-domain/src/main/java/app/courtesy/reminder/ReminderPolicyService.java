package app.courtesy.reminder;

import app.courtesy.customer.Channel;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and changes reminder policies; a change that makes no sense is refused as a whole. */
@ApplicationScoped
@Transactional
public class ReminderPolicyService {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Validator validator;
  @Inject private Clock clock;

  /** The policy for customers without one of their own. */
  public ReminderPolicy defaultPolicy() {
    return em.createQuery(
            "select p from ReminderPolicy p where p.defaultPolicy = true", ReminderPolicy.class)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Reminder policy", "default"));
  }

  /** Every policy, the default first, then by name. */
  public List<ReminderPolicy> all() {
    return em.createQuery(
            "select p from ReminderPolicy p order by p.defaultPolicy desc, p.name",
            ReminderPolicy.class)
        .getResultList();
  }

  public Optional<ReminderPolicy> find(long id) {
    return Optional.ofNullable(em.find(ReminderPolicy.class, id));
  }

  /**
   * A new policy for customers that need their own, starting as a copy of {@code basedOn}.
   *
   * @throws PolicyRefusedException when the name is blank, too long or taken
   */
  public ReminderPolicy create(String name, long basedOn, String by) {
    String plain = name == null ? "" : name.strip();
    if (plain.isEmpty() || plain.length() > 80) {
      throw new PolicyRefusedException(List.of("Name the policy (up to 80 characters)"));
    }
    boolean taken =
        !em.createQuery("select p.id from ReminderPolicy p where p.name = :name", Long.class)
            .setParameter("name", plain)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new PolicyRefusedException(List.of("There is already a policy named " + plain));
    }
    ReminderPolicy template =
        find(basedOn).orElseThrow(() -> new NotFoundException("Reminder policy", basedOn));
    ReminderPolicy policy =
        new ReminderPolicy(plain, template.toData(), by, OffsetDateTime.now(clock));
    em.persist(policy);
    return policy;
  }

  /**
   * Saves what an editor changed, if nobody saved the policy since they read {@code readVersion}.
   *
   * @throws PolicyRefusedException listing every problem
   * @throws ConcurrentChangeException when someone else saved in between
   */
  public ReminderPolicy revise(long id, PolicyData data, long readVersion, String by) {
    List<String> problems = problems(data);
    if (!problems.isEmpty()) {
      throw new PolicyRefusedException(problems);
    }
    ReminderPolicy policy = em.find(ReminderPolicy.class, id);
    if (policy == null) {
      throw new NotFoundException("Reminder policy", String.valueOf(id));
    }
    em.refresh(policy, LockModeType.PESSIMISTIC_WRITE); // a second saver waits, then is told
    if (policy.getVersion() != readVersion) {
      throw new ConcurrentChangeException(
          "The policy " + policy.getName(), policy.getUpdatedBy(), policy.getUpdatedAt());
    }
    policy.revise(data, by, OffsetDateTime.now(clock));
    return policy;
  }

  private List<String> problems(PolicyData data) {
    List<String> problems = new ArrayList<>();
    for (ConstraintViolation<PolicyData> violation : validator.validate(data)) {
      problems.add(violation.getPropertyPath() + " " + violation.getMessage());
    }
    problems.sort(Comparator.naturalOrder());
    List<ReminderStep> steps = data.steps() == null ? List.of() : data.steps();
    for (int i = 0; i < steps.size(); i++) {
      ReminderStep step = steps.get(i);
      if (step == null) {
        continue;
      }
      if (step.getChannel() == Channel.VISIT) {
        problems.add(
            "Step "
                + (i + 1)
                + ": a visit cannot be a reminder; choose email, SMS, letter or phone");
      }
      if (i > 0
          && steps.get(i - 1) != null
          && steps.get(i - 1).getOffsetDays() >= step.getOffsetDays()) {
        problems.add(
            "Step "
                + (i + 1)
                + " must come later than step "
                + i
                + ": each step's day from the due date is after the one before");
      }
    }
    if (data.minimums() != null) {
      for (Map.Entry<String, java.math.BigDecimal> minimum : data.minimums().entrySet()) {
        try {
          Currency.getInstance(minimum.getKey());
        } catch (IllegalArgumentException | NullPointerException e) {
          problems.add("Minimum: " + minimum.getKey() + " is not an ISO currency code");
        }
        if (minimum.getValue() != null && minimum.getValue().signum() < 0) {
          problems.add("Minimum in " + minimum.getKey() + " cannot be negative");
        }
      }
    }
    problems.addAll(stepMinimumProblems(steps.size(), data.stepMinimums()));
    return problems;
  }

  private static List<String> stepMinimumProblems(int steps, List<StepMinimum> minimums) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (StepMinimum minimum : minimums == null ? List.<StepMinimum>of() : minimums) {
      if (minimum == null) {
        continue;
      }
      String step = "Minimum for step " + (minimum.getPosition() + 1);
      if (minimum.getPosition() >= steps) {
        problems.add(step + ": the policy has " + steps + " steps");
      }
      try {
        Currency.getInstance(minimum.getCurrency());
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(step + ": " + minimum.getCurrency() + " is not an ISO currency code");
      }
      if (!seen.add(minimum.getPosition() + "/" + minimum.getCurrency())) {
        problems.add(step + " in " + minimum.getCurrency() + " is given twice");
      }
    }
    return problems;
  }
}
