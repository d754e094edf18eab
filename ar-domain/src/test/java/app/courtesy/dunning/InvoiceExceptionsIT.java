package app.courtesy.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.outbox.Suppression;
import app.courtesy.reminder.PolicyData;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.StepMinimum;
import app.courtesy.reminder.Tone;
import app.courtesy.testing.TestExceptions;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestOutbox.Held;
import app.courtesy.testing.TestOutbox.Row;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exceptions a collector makes for one invoice or one step, as a diary shows them (default
 * policy: 3 days before, on the day, then 7, 14 and 30 days after, 2 days' grace, one email per 7
 * days): an invoice whose chasing is stopped is left out while its siblings are still reminded, and
 * chased again after the end date; an invoice moved to another policy follows that policy's steps;
 * a step's minimum holds a letter back for a small balance while the friendly email still goes.
 */
@ExtendWith(ArquillianExtension.class)
class InvoiceExceptionsIT {

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestExceptions exceptions;
  @Inject private TestOutbox outbox;
  @Inject private CommunicationLog log;
  @Inject private ReminderPreview previews;

  @Test
  void aStoppedInvoiceIsLeftOutWhileItsSiblingIsRemindedAndChasedAgainAfterTheEndDate() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    Invoice stopped = ledger.invoice(customer, monday.minusDays(8), "400.00");
    Invoice sibling = ledger.invoice(customer, monday.minusDays(8), "250.00");
    // the customer waits for a corrected delivery note; nothing is disputed
    exceptions.stop(stopped, "Corrected delivery note on its way", monday.plusDays(9));

    runDays(monday, monday.plusDays(14));

    // the sibling alone, while the other is stopped; both once its end date has passed
    assertThat(outbox.queued(customer))
        .extracting(Row::date, Row::invoices)
        .containsExactly(
            tuple(monday, List.of(sibling.getNumber())),
            tuple(monday.plusDays(7), List.of(sibling.getNumber())),
            tuple(
                monday.plusDays(14),
                List.of(stopped.getNumber(), sibling.getNumber()).stream().sorted().toList()));
    assertThat(outbox.heldBack(customer))
        .allSatisfy(
            held -> {
              assertThat(held.invoice()).isEqualTo(stopped.getNumber());
              assertThat(held.reason()).isEqualTo("STOPPED");
              assertThat(held.date()).isBeforeOrEqualTo(monday.plusDays(9));
            })
        .extracting(Held::date)
        .contains(monday, monday.plusDays(7), monday.plusDays(9));
    assertThat(log.latest(customer.getId(), 10))
        .extracting(l -> l.entry().detail())
        .anyMatch(
            d ->
                d.contains("Chasing of invoice " + stopped.getNumber() + " stopped until")
                    && d.contains("Corrected delivery note on its way"));
  }

  @Test
  void aStoppedInvoiceShowsItsOwnReasonInTheRemindersAhead() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    Invoice stopped = ledger.invoice(customer, monday.minusDays(8), "400.00");
    ledger.invoice(customer, monday.minusDays(8), "250.00");
    exceptions.stop(stopped, "Public tender: paid after the council meets", null);

    ReminderPreview.Preview preview = previews.ofCustomer(customer.getId(), monday, monday, 100);

    assertThat(preview.heldBack())
        .extracting(ReminderPreview.HeldBack::invoiceNumber, ReminderPreview.HeldBack::reason)
        .containsExactly(tuple(stopped.getNumber(), Suppression.STOPPED));
    assertThat(preview.messages())
        .extracting(ReminderPreview.Message::status)
        .containsExactly(MessageStatus.QUEUED);
  }

  @Test
  void anInvoiceMovedToAnotherPolicyFollowsThatPolicysSteps() {
    LocalDate monday = outbox.freshMonday();
    ReminderPolicy publicBodies =
        exceptions.policy(
            "Public bodies",
            new PolicyData(
                0,
                null,
                0,
                false,
                List.of(new ReminderStep(21, Channel.EMAIL, Tone.FRIENDLY)),
                Map.of()));
    Customer council = customerWithEmail();
    Invoice moved = ledger.invoice(council, monday.minusDays(10), "900.00");
    exceptions.follow(moved, publicBodies);
    Customer control = customerWithEmail();
    ledger.invoice(control, monday.minusDays(10), "900.00");

    runDays(monday, monday.plusDays(12));

    // the default policy reminds at once; the public body's policy three weeks after the due date
    assertThat(outbox.queued(control)).first().extracting(Row::date).isEqualTo(monday);
    assertThat(outbox.queued(council))
        .extracting(Row::date, Row::step, Row::tone, Row::invoices)
        .containsExactly(tuple(monday.plusDays(11), 1, "FRIENDLY", List.of(moved.getNumber())));
    assertThat(log.latest(council.getId(), 5))
        .extracting(l -> l.entry().detail())
        .anyMatch(d -> d.contains("follows the reminder policy " + publicBodies.getName()));
  }

  @Test
  void aStepMinimumHoldsTheLetterBackWhileTheFriendlyEmailStillGoes() {
    LocalDate monday = outbox.freshMonday();
    ReminderPolicy letters =
        exceptions.policy(
            "Letters from 200",
            new PolicyData(
                0,
                null,
                0,
                false,
                List.of(
                    new ReminderStep(0, Channel.EMAIL, Tone.FRIENDLY),
                    new ReminderStep(14, Channel.LETTER, Tone.FINAL_COURTEOUS)),
                Map.of("EUR", BigDecimal.TEN),
                List.of(new StepMinimum(1, "EUR", new BigDecimal("200")))));
    Customer small = customerWithEmail();
    ledger.policy(small, letters.getId());
    ledger.invoice(small, monday, "80.00");
    Customer large = customerWithEmail();
    ledger.policy(large, letters.getId());
    ledger.invoice(large, monday, "500.00");

    runDays(monday, monday.plusDays(15));

    assertThat(outbox.queued(small))
        .extracting(Row::date, Row::tone)
        .containsExactly(tuple(monday, "FRIENDLY"));
    assertThat(outbox.messages(small))
        .filteredOn(m -> m.date().equals(monday.plusDays(14)))
        .extracting(Row::status, Row::reason)
        .containsExactly(tuple("SUPPRESSED", "BELOW_STEP_MINIMUM"));
    assertThat(outbox.queued(large))
        .extracting(Row::date, Row::tone)
        .containsExactly(tuple(monday, "FRIENDLY"), tuple(monday.plusDays(14), "FINAL_COURTEOUS"));
    assertThat(
            previews
                .ofCustomer(small.getId(), monday.plusDays(16), monday.plusDays(16), 10)
                .messages())
        .extracting(ReminderPreview.Message::reason)
        .containsExactly(Suppression.BELOW_STEP_MINIMUM);
  }

  private Customer customerWithEmail() {
    Customer customer = ledger.customer("Brunner Logistik AG", "EUR");
    ledger.contact(customer, "ap@brunner.example", false);
    return customer;
  }

  private void runDays(LocalDate from, LocalDate to) {
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      runs.run(day, "test");
    }
  }
}
