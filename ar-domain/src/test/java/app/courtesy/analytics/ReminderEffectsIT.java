package app.courtesy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.dispatch.Dispatcher;
import app.courtesy.invoice.Invoice;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.Tone;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the reminders do, as a diary: reminders sent on a Monday to two Swiss customers, one written
 * to in German and one in English; payments within 7 days, within 14 and later; the daily run
 * writes the Monday once its 14 days are over, and the figures read it. The customers follow a
 * policy of their own, so what other tests left queued and Monday's sending sent is not in its
 * figures.
 */
@ExtendWith(ArquillianExtension.class)
class ReminderEffectsIT {

  private static final Currency CHF = Currency.getInstance("CHF");
  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private Dispatcher dispatcher;
  @Inject private ReminderEffects effects;
  @Inject private ReminderPolicyService policies;

  private final TestCourier email = new TestCourier(Channel.EMAIL);

  private static Money chf(String amount) {
    return Money.of(amount, "CHF");
  }

  @Test
  void theRunWritesWhatEachDaysRemindersDidOnceTheirFortnightIsOver() {
    LocalDate monday = outbox.freshMonday();
    long policy =
        policies
            .create("Effects " + System.nanoTime(), policies.defaultPolicy().getId(), "test")
            .getId();
    Customer anna = ledger.customer("Anna Frei AG", "CHF");
    ledger.contact(anna, "ap@frei.example", false);
    ledger.policy(anna, policy);
    Customer ben = ledger.customer("Ben Carter Ltd", "CHF", "CH", "Europe/Zurich", "en-GB");
    ledger.contact(ben, "ap@carter.example", false);
    ledger.policy(ben, policy);
    // All three a week overdue on Monday, reminded together per customer.
    Invoice quick = ledger.invoice(anna, monday.minusDays(8), "1000.00");
    Invoice inParts = ledger.invoice(anna, monday.minusDays(8), "500.00");
    Invoice late = ledger.invoice(ben, monday.minusDays(8), "800.00");

    // Monday: the run, then sending at 10:00 in Zurich.
    runs.run(monday, "test");
    dispatcher.dispatch(
        Clock.fixed(monday.atTime(LocalTime.of(10, 0)).atZone(ZURICH).toInstant(), ZURICH),
        Map.of(Channel.EMAIL, email),
        50,
        10_000);
    assertThat(email.deliveredTo(anna.getId())).hasSize(1);
    assertThat(email.deliveredTo(ben.getId())).hasSize(1);
    TestOutbox.Row reminder = outbox.messages(anna).get(0);
    // Thursday: Anna pays the first in full. Saturday: 200 of the second; a week later the rest.
    ledger.pay(quick, "1000.00", monday.plusDays(3));
    ledger.pay(inParts, "200.00", monday.plusDays(5));
    ledger.pay(inParts, "300.00", monday.plusDays(12));
    // Ben pays 20 days after the reminder.
    ledger.pay(late, "800.00", monday.plusDays(20));

    // Monday + 14: the fortnight after Monday is not over yet, nothing of it is written.
    runs.run(monday.plusDays(14), "test");
    assertThat(effects.effects(CHF, monday, monday)).noneMatch(e -> e.policyId() == policy);

    // Monday + 15: it is.
    runs.run(monday.plusDays(15), "test");
    // Monday + 16: a day written once is never written again.
    runs.run(monday.plusDays(16), "test");

    List<ReminderEffects.StepEffect> read =
        effects.effects(CHF, monday, monday).stream().filter(e -> e.policyId() == policy).toList();
    assertThat(read).hasSize(1);
    ReminderEffects.StepEffect step = read.get(0);
    assertThat(step.step()).isEqualTo(reminder.step());
    assertThat(step.tone()).isEqualTo(Tone.valueOf(reminder.tone()));
    // 3 invoices, 2,300 open the day before; within 7 days the first in full and 200 of the
    // second; within 14 both of Anna's; Ben's after 20 days counts in neither.
    ReminderEffects.Tally all = step.all();
    assertThat(all.invoices()).isEqualTo(3);
    assertThat(all.amount()).isEqualTo(chf("2300"));
    assertThat(all.paid7()).isEqualTo(1);
    assertThat(all.settled7()).isEqualTo(chf("1200"));
    assertThat(all.paid14()).isEqualTo(2);
    assertThat(all.settled14()).isEqualTo(chf("1500"));
    // 1 of 3 = 33.3 %, 2 of 3 = 66.7 %; 1,200 of 2,300 = 52.2 %, 1,500 of 2,300 = 65.2 %.
    assertThat(all.invoicesPaidWithin7()).contains(new BigDecimal("33.3"));
    assertThat(all.invoicesPaidWithin14()).contains(new BigDecimal("66.7"));
    assertThat(all.amountPaidWithin7()).contains(new BigDecimal("52.2"));
    assertThat(all.amountPaidWithin14()).contains(new BigDecimal("65.2"));
    assertThat(step.byChannel()).containsOnlyKeys(Channel.EMAIL);
    assertThat(step.byLanguage()).containsOnlyKeys("de", "en");
    assertThat(step.byLanguage().get("de").invoicesPaidWithin14())
        .contains(new BigDecimal("100.0"));
    assertThat(step.byLanguage().get("en").invoices()).isEqualTo(1);
    assertThat(step.byLanguage().get("en").invoicesPaidWithin14()).contains(new BigDecimal("0.0"));

    // The invoices behind the step, and those behind its English reminders only.
    assertThat(
            effects.behind(
                CHF, monday, monday, step.policyId(), step.step(), step.tone(), null, null))
        .extracting(ReminderEffects.Reminded::invoice, ReminderEffects.Reminded::outcome)
        .containsExactlyInAnyOrder(
            tuple(quick.getNumber(), "Paid within 7 days"),
            tuple(inParts.getNumber(), "Paid within 14 days"),
            tuple(late.getNumber(), "Not paid within 14 days"));
    assertThat(
            effects.behind(
                CHF,
                monday,
                monday,
                step.policyId(),
                step.step(),
                step.tone(),
                Channel.EMAIL,
                "en"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.invoice()).isEqualTo(late.getNumber());
              assertThat(r.customer()).isEqualTo("Ben Carter Ltd");
              assertThat(r.reminded()).isEqualTo(chf("800"));
              assertThat(r.sentOn()).isEqualTo(monday);
            });
  }
}
