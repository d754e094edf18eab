package app.courtesy.charge;

import app.courtesy.reminder.ReminderModel;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a reminder says about late-payment charges: only where its policy shows charges in
 * reminders, what is open in the reminder's currency and what it is made of. Which policies show
 * them is read at most every few seconds per node (a saved change on this node at once), so that
 * sending reminders for policies without charges asks the database nothing more.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReminderCharges {

  /** How long a node goes by what it read of the policies. */
  private static final Duration FRESH = Duration.ofSeconds(5);

  private record Showing(Map<Long, InterestBasis> policies, Instant readAt) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Charges charges;
  @Inject private Clock clock;

  private volatile Showing showing;

  /**
   * The charges the reminder {@code messageId} to the customer in {@code currency} states, or null
   * when its policy does not show them or nothing is open.
   */
  public ReminderModel.ChargesDue due(long messageId, long customerId, String currency) {
    Map<Long, InterestBasis> policies = showing();
    if (policies.isEmpty()) {
      return null;
    }
    List<?> policy =
        em.createNativeQuery("select policy_id from outbox_message where id = ?1")
            .setParameter(1, messageId)
            .getResultList();
    InterestBasis basis =
        policy.isEmpty() ? null : policies.get(((Number) policy.get(0)).longValue());
    if (basis == null) {
      return null;
    }
    List<ChargeDocument> open = charges.openDocuments(customerId, currency);
    Currency in = Currency.getInstance(currency);
    Money total = Money.zero(in);
    Money interest = Money.zero(in);
    Money compensation = Money.zero(in);
    Money fees = Money.zero(in);
    LocalDate until = null;
    for (ChargeDocument document : open) {
      total = total.plus(document.getOpen());
      for (ChargeLine line : document.getLines()) {
        Money amount = new Money(line.getAmount(), in);
        switch (line.getKind()) {
          case INTEREST, CORRECTION -> interest = interest.plus(amount);
          case COMPENSATION -> compensation = compensation.plus(amount);
          case FEE -> fees = fees.plus(amount);
        }
        if (line.getKind() == ChargeKind.INTEREST
            && (until == null || line.getPeriodTo().isAfter(until))) {
          until = line.getPeriodTo();
        }
      }
    }
    if (!total.isPositive()) {
      return null;
    }
    return new ReminderModel.ChargesDue(
        total,
        open.stream().filter(d -> d.getOpen().isPositive()).map(ChargeDocument::getNumber).toList(),
        interest,
        until,
        switch (basis) {
          case EU_DIRECTIVE -> "directive";
          case UK_ACT -> "act";
          case CONTRACTUAL -> "contractual";
          case NONE -> null;
        },
        compensation,
        fees);
  }

  /** Forgets what was read of the policies: a change saved on this node shows at once. */
  void forget() {
    showing = null;
  }

  private Map<Long, InterestBasis> showing() {
    Showing read = showing;
    Instant now = clock.instant();
    if (read == null || read.readAt().plus(FRESH).isBefore(now) || read.readAt().isAfter(now)) {
      read =
          new Showing(
              em
                  .createQuery(
                      "select c from PolicyCharges c where c.showInReminders = true",
                      PolicyCharges.class)
                  .getResultList()
                  .stream()
                  .collect(Collectors.toMap(PolicyCharges::getPolicyId, c -> c.terms().interest())),
              now);
      showing = read;
    }
    return read.policies();
  }

  /** The policies whose reminders show charges (for tests and pages). */
  Set<Long> showingPolicies() {
    return showing().keySet();
  }
}
