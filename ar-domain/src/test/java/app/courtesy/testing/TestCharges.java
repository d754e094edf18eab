package app.courtesy.testing;

import app.courtesy.charge.ChargePolicies;
import app.courtesy.charge.ChargeTerms;
import app.courtesy.charge.Charges;
import app.courtesy.charge.InterestBasis;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.reminder.PolicyData;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.Tone;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer charged a late-payment fee, for the tests that settle, waive or take one back. */
@ApplicationScoped
public class TestCharges {

  /**
   * A customer of its own, charged on a fresh Monday.
   *
   * @param invoice its one invoice, EUR 300.00, due a week before {@code monday}
   * @param charge the number of the charge document: a EUR 25.00 fee for the first reminder
   */
  public record Charged(Customer customer, Invoice invoice, LocalDate monday, String charge) {}

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private ReminderPolicyService policies;
  @Inject private ChargePolicies chargePolicies;
  @Inject private Charges charges;

  /**
   * A customer on a policy of its own that reminds a week after the due date and charges EUR 25.00
   * for it; the fresh Monday is run, so the fee is charged and open.
   */
  public Charged feeCharged(String name) {
    LocalDate monday = outbox.freshMonday();
    ReminderPolicy policy =
        policies.create(
            "Fees " + UUID.randomUUID().toString().substring(0, 8),
            policies.defaultPolicy().getId(),
            "test");
    policies.revise(
        policy.getId(),
        new PolicyData(
            0, null, 0, false, List.of(new ReminderStep(7, Channel.EMAIL, Tone.FIRM)), Map.of()),
        policy.getVersion(),
        "test");
    chargePolicies.revise(
        policy.getId(),
        new ChargeTerms(
            InterestBasis.NONE,
            null,
            null,
            false,
            true,
            List.of(new ChargeTerms.StepFee(1, "EUR", new BigDecimal("25.00")))),
        0,
        "test");
    Customer customer = ledger.customer(name, "EUR", "IE", "Europe/Dublin", "en-IE");
    ledger.contact(customer, "ap@" + UUID.randomUUID() + ".example", false);
    ledger.policy(customer, policy.getId());
    Invoice invoice = ledger.invoice(customer, monday.minusDays(7), "300.00");
    runs.run(monday, "test");
    if (!charges.open(customer.getId()).equals(List.of(Money.of("25.00", "EUR")))) {
      throw new IllegalStateException(
          "Running " + monday + " charged " + charges.open(customer.getId()) + ", not EUR 25.00");
    }
    return new Charged(
        customer, invoice, monday, charges.ofCustomer(customer.getId()).get(0).number());
  }
}
