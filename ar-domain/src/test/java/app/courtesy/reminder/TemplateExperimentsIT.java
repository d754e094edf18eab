package app.courtesy.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.analytics.ReminderEffects;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.dispatch.Dispatcher;
import app.courtesy.dispatch.Outgoing;
import app.courtesy.invoice.Invoice;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Template experiments on a policy of their own (so no other test's customers are in them): the
 * customers are split at random, each kept in their variant, both templates are used, and a
 * template that fails the courtesy check stops the experiment from starting.
 */
@ExtendWith(ArquillianExtension.class)
class TemplateExperimentsIT {

  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
  private static final String B_MARK = "Kurz erinnert: ";

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private Dispatcher dispatcher;
  @Inject private ReminderPolicyService policies;
  @Inject private ReminderTemplateService templates;
  @Inject private TemplateExperiments experiments;
  @Inject private ReminderEffects effects;

  private final TestCourier email = new TestCourier(Channel.EMAIL);

  @Test
  void customersAreSplitAtRandomAndKeptInTheirVariant() {
    LocalDate monday = outbox.freshMonday();
    ReminderPolicy policy = ownPolicy();
    List<Customer> customers = new ArrayList<>();
    List<Invoice> first = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Customer customer = ledger.customer("Experiment Kunde " + i + " AG", "CHF");
      ledger.contact(customer, "ap" + i + "@kunde.example", false);
      ledger.policy(customer, policy.getId());
      customers.add(customer);
      first.add(ledger.invoice(customer, monday.minusDays(8), "400.00"));
      // Due two weeks later, not reminded on Monday: on Monday + 14 it is where the first one was.
      ledger.invoice(customer, monday.plusDays(6), "250.00");
    }
    // Monday: the run queues each customer's reminder of the first invoice.
    runs.run(monday, "test");
    TestOutbox.Row queued = outbox.messages(customers.get(0)).get(0);
    Tone tone = Tone.valueOf(queued.tone());
    TemplateSource inUse = templates.current(tone, Locale.GERMAN).source();
    TemplateExperiment experiment =
        experiments.start(
            policy.getId(),
            queued.step(),
            Locale.GERMAN,
            "A shorter subject",
            inUse,
            new TemplateSource(B_MARK + inUse.subject(), inUse.text(), inUse.html()),
            "admin");
    sendAt(monday);
    // Thursday: everyone pays the first invoice; Monday + 14 the second reaches the same step.
    for (Invoice invoice : first) {
      ledger.pay(invoice, "400.00", monday.plusDays(3));
    }
    runs.run(monday.plusDays(14), "test");
    sendAt(monday.plusDays(14));
    assertThat(outbox.messages(customers.get(0)))
        .filteredOn(m -> m.kind().equals("REMINDER"))
        .extracting(TestOutbox.Row::step)
        .containsExactly(queued.step(), queued.step());

    int inB = 0;
    for (Customer customer : customers) {
      List<String> reminders =
          email.deliveredTo(customer.getId()).stream()
              .map(Outgoing::subject)
              .filter(s -> !s.startsWith("Vielen Dank"))
              .toList();
      assertThat(reminders).hasSize(2);
      // Kept: the second reminder is written from the same template as the first.
      assertThat(reminders.get(1).startsWith(B_MARK))
          .isEqualTo(reminders.get(0).startsWith(B_MARK));
      inB += reminders.get(0).startsWith(B_MARK) ? 1 : 0;
    }
    // Both templates were used (all 40 in one variant by chance: 2 in a trillion).
    assertThat(inB).isBetween(1, 39);

    // Monday + 15: the fortnight after Monday's reminders is over; every first invoice was paid
    // within 7 days, in either variant, and the dashboard's line lists them with their variant.
    runs.run(monday.plusDays(15), "test");
    ReminderEffects.Comparison comparison = effects.comparison(experiment.getId());
    assertThat(comparison.invoicesA() + comparison.invoicesB()).isEqualTo(40);
    assertThat(comparison.invoicesB()).isEqualTo(inB);
    assertThat(comparison.paidA()).isEqualTo(comparison.invoicesA());
    assertThat(comparison.paidB()).isEqualTo(comparison.invoicesB());
    List<ReminderEffects.ExperimentReminded> behind = effects.behindExperiment(experiment.getId());
    assertThat(behind).hasSize(40);
    assertThat(behind).filteredOn(e -> e.variant() == Variant.B).hasSize(inB);
    assertThat(behind).extracting(e -> e.reminded().outcome()).containsOnly("Paid within 7 days");

    experiments.stop(experiment.getId(), "admin");
    assertThat(experiments.get(experiment.getId()).getStoppedBy()).contains("admin");
    assertThat(experiments.running())
        .extracting(TemplateExperiment::getId)
        .doesNotContain(experiment.getId());
    assertThatThrownBy(() -> experiments.stop(experiment.getId(), "admin"))
        .isInstanceOf(ExperimentRefusedException.class)
        .hasMessageContaining("already stopped");
  }

  @Test
  void anExperimentDoesNotStartWithATemplateThatFailsTheCourtesyCheckOrOnABusyStep() {
    ReminderPolicy policy = ownPolicy();
    TemplateSource inUse = templates.current(Tone.FIRM, Locale.GERMAN).source();
    TemplateSource rude =
        new TemplateSource(
            "ZAHLEN SIE JETZT", "Zahlen Sie sofort, sonst!", "<p>Zahlen Sie sofort, sonst!</p>");
    int firmStep = stepOf(policy, Tone.FIRM);

    assertThatThrownBy(
            () ->
                experiments.start(
                    policy.getId(), firmStep, Locale.GERMAN, "Rude", inUse, rude, "admin"))
        .isInstanceOf(ExperimentRefusedException.class)
        .hasMessageStartingWith("Template B does not pass the courtesy check");
    assertThatThrownBy(
            () ->
                experiments.start(
                    policy.getId(),
                    firmStep,
                    Locale.GERMAN,
                    "Unreadable",
                    new TemplateSource("Hallo {{#invoices}}", inUse.text(), inUse.html()),
                    inUse,
                    "admin"))
        .isInstanceOf(ExperimentRefusedException.class)
        .hasMessageStartingWith("Template A cannot be read");
    assertThat(experiments.all()).noneMatch(e -> e.getPolicyId() == policy.getId());

    TemplateExperiment started =
        experiments.start(policy.getId(), firmStep, Locale.GERMAN, "Same", inUse, inUse, "admin");
    assertThatThrownBy(
            () ->
                experiments.start(
                    policy.getId(), firmStep, Locale.GERMAN, "Again", inUse, inUse, "admin"))
        .isInstanceOf(ExperimentRefusedException.class)
        .hasMessageContaining("already runs an experiment in German");
    experiments.stop(started.getId(), "admin");
  }

  private ReminderPolicy ownPolicy() {
    return policies.create(
        "Experiments " + System.nanoTime(), policies.defaultPolicy().getId(), "test");
  }

  /** The number (from 1) of the policy's first step in {@code tone}. */
  private static int stepOf(ReminderPolicy policy, Tone tone) {
    List<ReminderStep> steps = policy.getSteps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).getTone() == tone) {
        return i + 1;
      }
    }
    throw new IllegalStateException("No " + tone + " step");
  }

  private void sendAt(LocalDate day) {
    dispatcher.dispatch(
        Clock.fixed(day.atTime(LocalTime.of(10, 0)).atZone(ZURICH).toInstant(), ZURICH),
        Map.of(Channel.EMAIL, email),
        50,
        10_000);
  }
}
