package app.courtesy.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.customer.Channel;
import app.courtesy.shared.ConcurrentChangeException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The default policy ships sensible, and a change that makes no sense is refused whole. */
@ExtendWith(ArquillianExtension.class)
class ReminderPolicyServiceIT {

  @Inject private ReminderPolicyService policies;
  @Inject private app.courtesy.customer.CustomerService customers;
  @Inject private app.courtesy.customer.CustomerRepository customerRepository;

  @Test
  void theDefaultPolicyRemindsBeforeOnAndAfterTheDueDateGettingFirmer() {
    ReminderPolicy policy = policies.defaultPolicy();

    assertThat(policy.getSteps())
        .extracting(ReminderStep::getOffsetDays, ReminderStep::getChannel, ReminderStep::getTone)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(-3, Channel.EMAIL, Tone.FRIENDLY),
            org.assertj.core.groups.Tuple.tuple(0, Channel.EMAIL, Tone.FRIENDLY),
            org.assertj.core.groups.Tuple.tuple(7, Channel.EMAIL, Tone.FRIENDLY),
            org.assertj.core.groups.Tuple.tuple(14, Channel.EMAIL, Tone.FIRM),
            org.assertj.core.groups.Tuple.tuple(30, Channel.EMAIL, Tone.FINAL_COURTEOUS));
    PolicyData data = policy.toData();
    assertThat(data.capDays()).isEqualTo(7);
    assertThat(data.repeatDays()).isEqualTo(14);
    assertThat(data.thankYou()).isTrue();
    assertThat(data.minimums()).containsEntry("JPY", new BigDecimal("1000.0000"));
  }

  @Test
  void stepsOutOfOrderAVisitAndAnUnknownCurrencyAreRefusedTogether() {
    ReminderPolicy policy = policies.defaultPolicy();
    PolicyData muddled =
        new PolicyData(
            2,
            14,
            7,
            true,
            List.of(
                new ReminderStep(7, Channel.EMAIL, Tone.FRIENDLY),
                new ReminderStep(3, Channel.VISIT, Tone.FIRM)),
            Map.of("XYZ", BigDecimal.TEN));

    assertThatThrownBy(() -> policies.revise(policy.getId(), muddled, policy.getVersion(), "ann"))
        .isInstanceOfSatisfying(
            PolicyRefusedException.class,
            refused ->
                assertThat(refused.problems())
                    .anySatisfy(p -> assertThat(p).contains("Step 2 must come later than step 1"))
                    .anySatisfy(p -> assertThat(p).contains("a visit cannot be a reminder"))
                    .anySatisfy(p -> assertThat(p).contains("XYZ is not an ISO currency code")));
    assertThat(policies.defaultPolicy().getVersion()).isEqualTo(policy.getVersion());
  }

  @Test
  void aSecondEditorWorkingFromAnOldVersionGetsAConflict() {
    ReminderPolicy policy = policies.defaultPolicy();
    PolicyData same = policy.toData();
    PolicyData graceThree =
        new PolicyData(
            3, same.repeatDays(), same.capDays(), same.thankYou(), same.steps(), same.minimums());

    policies.revise(policy.getId(), graceThree, policy.getVersion(), "ann");

    assertThatThrownBy(() -> policies.revise(policy.getId(), same, policy.getVersion(), "bob"))
        .isInstanceOf(ConcurrentChangeException.class)
        .hasMessageContaining("changed by ann");
    ReminderPolicy saved = policies.defaultPolicy();
    assertThat(saved.toData().graceDays()).isEqualTo(3);
    policies.revise(saved.getId(), same, saved.getVersion(), "ann");
  }

  @Test
  void aCustomerCanFollowItsOwnPolicyWhichStartsAsACopy() {
    ReminderPolicy standard = policies.defaultPolicy();
    String name = "Key accounts " + java.util.UUID.randomUUID().toString().substring(0, 8);
    ReminderPolicy own = policies.create(name, standard.getId(), "ann");

    assertThat(own.toData()).isEqualTo(standard.toData());
    assertThatThrownBy(() -> policies.create(name, standard.getId(), "bob"))
        .isInstanceOf(PolicyRefusedException.class)
        .hasMessageContaining("already a policy named " + name);

    String number = "POL-" + name.substring(name.length() - 8);
    customers.upsert(List.of(customer(number, name)), "ann");
    assertThat(customerRepository.findByNumber(number).orElseThrow().getReminderPolicyId())
        .contains(own.getId());

    assertThatThrownBy(() -> customers.upsert(List.of(customer(number, "No such policy")), "ann"))
        .isInstanceOfSatisfying(
            app.courtesy.shared.InvalidRowsException.class,
            invalid ->
                assertThat(invalid.errors())
                    .extracting(app.courtesy.shared.RowError::field)
                    .containsExactly("reminderPolicy"));
  }

  private static app.courtesy.customer.CustomerData customer(String number, String policy) {
    return new app.courtesy.customer.CustomerData(
        number, number, "Policy Test SA", "FR", "Europe/Paris", "fr-FR", "EUR", null, null, policy);
  }
}
