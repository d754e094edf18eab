package app.courtesy.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestOutbox.Row;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily run as a diary: invoices are written, dates are run one after another, and the outbox
 * says who was reminded of what on which day (default policy: 3 days before, on the day, then 7, 14
 * and 30 days after, 2 days' grace, repeat every 14 days, at most one email per 7 days). Each date
 * is run on its own morning (see TestRuns).
 */
@ExtendWith(ArquillianExtension.class)
class DunningRunIT {

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private ReminderPreview previews;

  @Test
  void remindsBeforeOnAndAfterTheDueDateGettingFirmerThenRepeatsUntilPaid() {
    LocalDate due = outbox.freshMonday().plusDays(7);
    Customer customer = customerWithEmail("EUR");
    Invoice invoice = ledger.invoice(customer, due, "1200.00");

    runDays(due.minusDays(5), due.plusDays(47));

    assertThat(outbox.queued(customer))
        .extracting(Row::date, Row::step, Row::tone)
        .containsExactly(
            tuple(due.minusDays(3), 1, "FRIENDLY"),
            // due on the day, but the customer heard from us 3 days ago: one email per 7 days
            tuple(due.plusDays(4), 2, "FRIENDLY"),
            // 7 days + 2 days' grace, then again held by the cap until a week has passed
            tuple(due.plusDays(11), 3, "FRIENDLY"),
            tuple(due.plusDays(18), 4, "FIRM"),
            tuple(due.plusDays(32), 5, "FINAL_COURTEOUS"),
            tuple(due.plusDays(46), 5, "FINAL_COURTEOUS"));
    assertThat(outbox.messages(customer))
        .filteredOn(m -> m.status().equals("SUPPRESSED"))
        .allSatisfy(m -> assertThat(m.reason()).isEqualTo("FREQUENCY_CAP"))
        .extracting(Row::date)
        .contains(due, due.plusDays(3), due.plusDays(9), due.plusDays(17));

    ledger.pay(invoice, "1200.00", due.plusDays(50));
    runDays(due.plusDays(48), due.plusDays(75));

    assertThat(outbox.messages(customer)).last().extracting(Row::date).isEqualTo(due.plusDays(46));
  }

  @Test
  void remindsOfWhatIsOpenAfterAPartPaymentAndNotOfSmallAmounts() {
    LocalDate due = outbox.freshMonday();
    Customer partlyPaid = customerWithEmail("EUR");
    Invoice invoice = ledger.invoice(partlyPaid, due, "100.00");
    ledger.pay(invoice, "40.00", due.minusDays(10));
    Customer small = customerWithEmail("EUR");
    ledger.invoice(small, due, "9.99");

    runs.run(due, "test");

    assertThat(outbox.queued(partlyPaid))
        .singleElement()
        .satisfies(m -> assertThat(m.total()).isEqualByComparingTo("60.00"));
    assertThat(outbox.messages(small))
        .extracting(Row::status, Row::reason)
        .containsExactly(tuple("SUPPRESSED", "BELOW_MINIMUM"));
  }

  @Test
  void oneMessagePerCurrencyListsEveryInvoiceDueAndItsTotal() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail("EUR");
    Invoice older = ledger.invoice(customer, monday.minusDays(20), "300.00");
    Invoice newer = ledger.invoice(customer, monday, "150.25");
    ledger.invoice(customer, monday.plusDays(30), "999.00");
    Invoice dollars = ledger.invoice(customer, monday.minusDays(1), "80.00", "USD");

    runs.run(monday, "test");

    assertThat(outbox.queued(customer))
        .extracting(Row::currency, Row::total, Row::invoices)
        .containsExactly(
            tuple("EUR", new BigDecimal("450.2500"), List.of(older.getNumber(), newer.getNumber())),
            tuple("USD", new BigDecimal("80.0000"), List.of(dollars.getNumber())));
  }

  @Test
  void missedDaysAreCaughtUpInOneMessageAndARerunAddsNothing() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail("EUR");
    Invoice dueFriday = ledger.invoice(customer, monday.plusDays(4), "100.00");
    Invoice dueSaturday = ledger.invoice(customer, monday.plusDays(5), "200.00");
    Invoice dueSunday = ledger.invoice(customer, monday.plusDays(6), "300.00");
    runs.run(monday, "test");

    // Tuesday, Wednesday and Thursday never ran: their pre-due notes are caught up on Friday
    DunningRuns.Outcome friday = runs.run(monday.plusDays(4), "test");
    DunningRuns.Outcome again = runs.run(monday.plusDays(4), "test");

    assertThat(outbox.messages(customer))
        .extracting(Row::date, Row::status, Row::invoices)
        .containsExactly(
            tuple(
                monday.plusDays(4),
                "QUEUED",
                List.of(dueFriday.getNumber(), dueSaturday.getNumber(), dueSunday.getNumber())));
    assertThat(friday.ranNow()).isTrue();
    assertThat(again.ranNow()).isFalse();
    assertThat(again.run().getMessages()).isEqualTo(friday.run().getMessages());
    // what writing the figures of the days before took is part of the run's time
    assertThat(friday.run().getFiguresDuration())
        .hasValueSatisfying(f -> assertThat(f).isLessThanOrEqualTo(friday.run().getDuration()));
  }

  @Test
  void eachReasonNotToRemindIsRecorded() {
    LocalDate monday = outbox.freshMonday();
    Customer disputing = customerWithEmail("EUR");
    Invoice disputed = ledger.invoice(disputing, monday, "100.00");
    ledger.flag(disputed, true, null);
    Invoice promised = ledger.invoice(disputing, monday, "200.00");
    ledger.flag(promised, false, monday.plusDays(5));
    Invoice open = ledger.invoice(disputing, monday, "300.00");
    Customer paused = customerWithEmail("EUR");
    ledger.invoice(paused, monday, "100.00");
    ledger.flag(paused, monday.plusDays(10), false);
    Customer hardship = customerWithEmail("EUR");
    ledger.invoice(hardship, monday, "100.00");
    ledger.flag(hardship, null, true);
    Customer optedOut = ledger.customer("Opted Out AG", "EUR");
    ledger.contact(optedOut, "ap@optedout.example", true);
    ledger.invoice(optedOut, monday, "100.00");
    Customer unreachable = ledger.customer("No Address AG", "EUR");
    ledger.invoice(unreachable, monday, "100.00");

    runs.run(monday, "test");

    assertThat(outbox.queued(disputing))
        .singleElement()
        .extracting(Row::invoices)
        .isEqualTo(List.of(open.getNumber()));
    assertThat(outbox.heldBack(disputing))
        .extracting(TestOutbox.Held::invoice, TestOutbox.Held::reason)
        .containsExactlyInAnyOrder(
            tuple(disputed.getNumber(), "DISPUTED"), tuple(promised.getNumber(), "PROMISE"));
    assertThat(outbox.messages(paused)).extracting(Row::reason).containsExactly("PAUSED");
    assertThat(outbox.messages(hardship)).extracting(Row::reason).containsExactly("HARDSHIP");
    assertThat(outbox.messages(optedOut)).extracting(Row::reason).containsExactly("OPTED_OUT");
    assertThat(outbox.messages(unreachable)).extracting(Row::reason).containsExactly("NO_ADDRESS");
  }

  @Test
  void aPreviewShowsWhatTheRunWillWriteAndWritesNothing() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail("EUR");
    Invoice invoice = ledger.invoice(customer, monday.plusDays(3), "640.00");

    ReminderPreview.Preview preview = previews.of(monday, monday.plusDays(6), 10_000);

    assertThat(preview.messages())
        .filteredOn(m -> m.customerId() == customer.getId())
        .filteredOn(m -> m.status() == MessageStatus.QUEUED)
        .extracting(ReminderPreview.Message::date, ReminderPreview.Message::step, m -> m.invoices())
        .containsExactly(
            tuple(
                monday,
                1,
                List.of(
                    new ReminderPreview.Item(
                        invoice.getNumber(), Money.of("640.00", "EUR"), monday.plusDays(3)))));
    assertThat(outbox.messages(customer)).isEmpty();
    assertThat(runs.find(monday)).isEmpty();
  }

  private Customer customerWithEmail(String currency) {
    Customer customer = ledger.customer("Weber & Söhne GmbH", currency);
    ledger.contact(customer, "ap@weber.example", false);
    return customer;
  }

  private void runDays(LocalDate from, LocalDate to) {
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      runs.run(day, "test");
    }
  }
}
