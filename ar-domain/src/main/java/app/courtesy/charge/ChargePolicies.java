package app.courtesy.charge;

import app.courtesy.customer.Customer;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.validation.Plausible;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each reminder policy's late-payment charges: read, and changed as a whole by an administrator,
 * refused with every problem when they make no sense. A policy nobody gave charges charges nothing.
 */
@ApplicationScoped
@Transactional
public class ChargePolicies {

  /** The Directive's margin may be raised, not without bound. */
  private static final BigDecimal MOST_MARGIN = new BigDecimal("20");

  /** A contractual rate above this a month is refused as a typo. */
  private static final BigDecimal MOST_MONTHLY = new BigDecimal("10");

  /**
   * A policy's charges as saved.
   *
   * @param version the version to send back with a change: 0 while nobody saved any
   */
  public record Saved(
      long policyId,
      String policyName,
      ChargeTerms terms,
      long version,
      String updatedBy,
      OffsetDateTime updatedAt) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private ReminderPolicyService policies;
  @Inject private ReminderCharges reminders;
  @Inject private Clock clock;

  /** The charges of policy {@code policyId}; none when nobody saved any. */
  public Saved of(long policyId) {
    ReminderPolicy policy =
        policies
            .find(policyId)
            .orElseThrow(() -> new NotFoundException("Reminder policy", policyId));
    PolicyCharges charges = em.find(PolicyCharges.class, policyId);
    return charges == null
        ? new Saved(policyId, policy.getName(), ChargeTerms.none(), 0, null, null)
        : new Saved(
            policyId,
            policy.getName(),
            charges.terms(),
            charges.getVersion(),
            charges.getUpdatedBy(),
            charges.getUpdatedAt());
  }

  /** On what terms the customer's policy (their own, else the default) charges interest. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public InterestBasis basisOf(Customer customer) {
    long policyId =
        customer.getReminderPolicyId().orElseGet(() -> policies.defaultPolicy().getId());
    PolicyCharges charges = em.find(PolicyCharges.class, policyId);
    return charges == null ? InterestBasis.NONE : charges.terms().interest();
  }

  /** The terms of every policy that charges something, by policy id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, ChargeTerms> charging() {
    Map<Long, ChargeTerms> charging = new LinkedHashMap<>();
    for (PolicyCharges charges :
        em.createQuery("select c from PolicyCharges c order by c.policyId", PolicyCharges.class)
            .getResultList()) {
      ChargeTerms terms = charges.terms();
      if (terms.chargesAnything()) {
        charging.put(charges.getPolicyId(), terms);
      }
    }
    return charging;
  }

  /**
   * Saves policy {@code policyId}'s charges if nobody changed them since {@code readVersion}.
   *
   * @throws ChargesRefusedException listing every problem
   * @throws ConcurrentChangeException when someone else saved in between
   */
  public Saved revise(long policyId, ChargeTerms terms, long readVersion, String by) {
    ReminderPolicy policy =
        policies
            .find(policyId)
            .orElseThrow(() -> new NotFoundException("Reminder policy", policyId));
    List<String> problems = problems(terms, policy.getSteps());
    if (!problems.isEmpty()) {
      throw new ChargesRefusedException(problems);
    }
    PolicyCharges charges = em.find(PolicyCharges.class, policyId, LockModeType.PESSIMISTIC_WRITE);
    long saved = charges == null ? 0 : charges.getVersion();
    if (saved != readVersion) {
      throw new ConcurrentChangeException(
          "The charges of the policy " + policy.getName(),
          charges == null ? null : charges.getUpdatedBy(),
          charges == null ? null : charges.getUpdatedAt());
    }
    if (charges == null) {
      charges = new PolicyCharges(policyId);
      charges.revise(terms, by, OffsetDateTime.now(clock));
      em.persist(charges);
    } else {
      charges.revise(terms, by, OffsetDateTime.now(clock));
    }
    em.flush();
    reminders.forget();
    return of(policyId);
  }

  /** Whatever would make {@code terms} charge what was not meant, each naming its field. */
  static List<String> problems(ChargeTerms terms, List<ReminderStep> steps) {
    List<String> problems = new ArrayList<>();
    if (terms.interest() == null) {
      problems.add("interest: must be NONE, EU_DIRECTIVE, UK_ACT or CONTRACTUAL");
      return problems;
    }
    if (terms.interest() == InterestBasis.EU_DIRECTIVE && terms.margin() != null) {
      if (terms.margin().compareTo(ChargeTerms.STATUTORY_MARGIN) < 0) {
        problems.add(
            "margin: the Directive's margin over the reference rate is at least 8 percentage"
                + " points");
      } else if (terms.margin().compareTo(MOST_MARGIN) > 0) {
        problems.add("margin: at most 20 percentage points over the reference rate");
      } else if (Math.max(terms.margin().stripTrailingZeros().scale(), 0) > 4) {
        problems.add("margin: has more than four decimal places");
      }
    }
    if (terms.interest() == InterestBasis.CONTRACTUAL) {
      BigDecimal monthly = terms.monthlyRate();
      if (monthly == null || monthly.signum() <= 0) {
        problems.add("monthlyRate: give the contractual rate in percent per month, such as 1");
      } else if (monthly.compareTo(MOST_MONTHLY) > 0) {
        problems.add("monthlyRate: at most 10 percent per month");
      } else if (Math.max(monthly.stripTrailingZeros().scale(), 0) > 4) {
        problems.add("monthlyRate: has more than four decimal places");
      }
    }
    if (terms.compensation() && !terms.interest().isStatutory()) {
      problems.add(
          "compensation: the fixed compensation comes with the Late Payment Directive or the UK"
              + " Act; choose one of them as the interest");
    }
    if (terms.showInReminders() && !terms.chargesAnything()) {
      problems.add("showInReminders: there are no charges to show");
    }
    List<ChargeTerms.StepFee> fees = terms.fees() == null ? List.of() : terms.fees();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fees.size(); i++) {
      ChargeTerms.StepFee fee = fees.get(i);
      String at = "fees[" + i + "]";
      if (fee == null) {
        problems.add(at + ": must not be empty");
        continue;
      }
      if (fee.step() < 1 || fee.step() > steps.size()) {
        problems.add(at + ".step: the policy has steps 1 to " + steps.size());
      } else if (steps.get(fee.step() - 1).getOffsetDays() <= 0) {
        problems.add(
            at
                + ".step: step "
                + fee.step()
                + " comes before the invoice is late; a fee is for reminders of overdue invoices");
      }
      Plausible.currency(fee.currency()).ifPresent(p -> problems.add(at + ".currency: " + p));
      if (fee.currency() == null) {
        problems.add(at + ".currency: must be given");
      }
      if (fee.amount() == null || fee.amount().signum() <= 0) {
        problems.add(at + ".amount: must be more than zero");
      } else {
        Plausible.decimals(fee.amount(), fee.currency())
            .ifPresent(p -> problems.add(at + ".amount: " + p));
      }
      if (!seen.add(fee.step() + "/" + fee.currency())) {
        problems.add(at + ": step " + fee.step() + " has a fee in " + fee.currency() + " already");
      }
    }
    return problems;
  }
}
