package app.courtesy.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceState;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestOutbox.Row;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thank-you follows money only, as a diary shows it: the daily run and the morning's sending on
 * each day, and what each customer received. A customer is thanked once when what they paid settles
 * a reminded balance that was overdue; never for a reminder alone, a part payment, or an invoice
 * the ERP cancelled or wrote off.
 */
@ExtendWith(ArquillianExtension.class)
class ThankYouIT {

  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
  private static final String THANKS = "Vielen Dank für Ihre Zahlung";

  @Inject private TestRuns runs;
  @Inject private Dispatcher dispatcher;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;

  private final TestCourier email = new TestCourier(Channel.EMAIL);

  @Test
  void aReminderBeforeTheDueDateBringsNoThankYouWhileNothingIsPaid() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday.plusDays(3), "640.00");

    diary(monday, monday.plusDays(12));

    assertThat(subjects(customer)).hasSizeGreaterThanOrEqualTo(2).noneMatch(this::isThanks);
    assertThat(outbox.messages(customer)).extracting(Row::kind).containsOnly("REMINDER");
  }

  @Test
  void aReminderOnTheDueDateBringsNoThankYouWhileNothingIsPaid() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday, "640.00");

    diary(monday, monday.plusDays(5));

    assertThat(subjects(customer)).hasSize(1).noneMatch(this::isThanks);
  }

  @Test
  void aPartPaymentBringsNoThankYouAndTheNextReminderShowsWhatIsLeft() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    Invoice invoice = ledger.invoice(customer, monday.minusDays(8), "1000.00");
    diary(monday, monday);

    ledger.pay(invoice, "400.00", monday.plusDays(1));
    diary(monday.plusDays(1), monday.plusDays(10));

    List<Outgoing> received = email.deliveredTo(customer.getId());
    assertThat(received).hasSizeGreaterThanOrEqualTo(2).noneMatch(m -> isThanks(m.subject()));
    assertThat(received.get(received.size() - 1).text())
        .contains("600.00")
        .doesNotContain("1’000.00");
  }

  @Test
  void payingAllOfARemindedOverdueBalanceBringsExactlyOneThankYou() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    Invoice first = ledger.invoice(customer, monday.minusDays(8), "300.00");
    Invoice second = ledger.invoice(customer, monday.minusDays(8), "200.00");
    diary(monday, monday);

    // one of the two reminded invoices paid: the overdue balance is not settled yet
    ledger.pay(first, "300.00", monday.plusDays(1));
    diary(monday.plusDays(1), monday.plusDays(3));
    assertThat(subjects(customer)).noneMatch(this::isThanks);

    ledger.pay(second, "200.00", monday.plusDays(4));
    diary(monday.plusDays(4), monday.plusDays(45));

    List<String> subjects = subjects(customer);
    assertThat(subjects).filteredOn(this::isThanks).hasSize(1);
    assertThat(subjects.get(subjects.size() - 1)).startsWith(THANKS);
    assertThat(outbox.messages(customer))
        .filteredOn(m -> m.kind().equals("THANK_YOU"))
        .singleElement()
        .satisfies(m -> assertThat(m.date()).isEqualTo(monday.plusDays(4)));
  }

  @Test
  void anInvoiceTheErpCancelsOrWritesOffIsNeverThankedAndTheReminderSaysWhatHappened() {
    LocalDate monday = outbox.freshMonday();
    Customer cancelledBeforeSending = customerWithEmail();
    Invoice queued = ledger.invoice(cancelledBeforeSending, monday.minusDays(8), "700.00");
    Customer writtenOffBeforeSending = customerWithEmail();
    Invoice writtenOff = ledger.invoice(writtenOffBeforeSending, monday.minusDays(8), "700.00");
    Customer cancelledAfterSending = customerWithEmail();
    Invoice reminded = ledger.invoice(cancelledAfterSending, monday.minusDays(8), "700.00");
    runs.run(monday, "test");

    // the ERP cancels or writes off two invoices while their reminders wait for 08:00
    ledger.erpState(queued, InvoiceState.CANCELLED);
    ledger.erpState(writtenOff, InvoiceState.WRITTEN_OFF);
    dispatchAt(monday, LocalTime.of(9, 0));
    assertThat(outbox.messages(cancelledBeforeSending))
        .extracting(Row::status, Row::reason)
        .containsExactly(tuple("SUPPRESSED", "CANCELLED"));
    assertThat(outbox.messages(writtenOffBeforeSending))
        .extracting(Row::status, Row::reason)
        .containsExactly(tuple("SUPPRESSED", "WRITTEN_OFF"));

    // the third was reminded, then cancelled: nothing was paid, so nobody is thanked
    ledger.erpState(reminded, InvoiceState.CANCELLED);
    diary(monday.plusDays(1), monday.plusDays(20));
    for (Customer customer :
        List.of(cancelledBeforeSending, writtenOffBeforeSending, cancelledAfterSending)) {
      assertThat(outbox.messages(customer)).extracting(Row::kind).doesNotContain("THANK_YOU");
    }
    assertThat(subjects(cancelledBeforeSending)).isEmpty();
    assertThat(subjects(cancelledAfterSending)).hasSize(1).noneMatch(this::isThanks);
  }

  /** Each day from {@code first} to {@code last}: the run, then sending at 09:00 in Zurich. */
  private void diary(LocalDate first, LocalDate last) {
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      runs.run(day, "test");
      dispatchAt(day, LocalTime.of(9, 0));
    }
  }

  private void dispatchAt(LocalDate day, LocalTime time) {
    dispatcher.dispatch(
        Clock.fixed(day.atTime(time).atZone(ZURICH).toInstant(), ZURICH),
        Map.of(Channel.EMAIL, email),
        50,
        10_000);
  }

  private List<String> subjects(Customer customer) {
    return email.deliveredTo(customer.getId()).stream().map(Outgoing::subject).toList();
  }

  private boolean isThanks(String subject) {
    return subject.startsWith(THANKS);
  }

  private Customer customerWithEmail() {
    Customer customer = ledger.customer("Keller Druck AG", "CHF");
    ledger.contact(customer, "ap@keller.example", false);
    return customer;
  }
}
