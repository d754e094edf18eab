package app.courtesy.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.dunning.ReminderPreview;
import app.courtesy.invoice.Aging;
import app.courtesy.invoice.InstalmentData;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestExceptions;
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
 * An invoice paid in instalments is reminded per instalment, as a diary shows it (default policy: 3
 * days before, on the day, then 7, 14 and 30 days after, 2 days' grace, one email per 7 days): each
 * instalment by its own due date and open amount, from the first step, and the message names the
 * instalment.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentScheduleIT {

  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

  @Inject private TestRuns runs;
  @Inject private Dispatcher dispatcher;
  @Inject private TestLedger ledger;
  @Inject private TestExceptions exceptions;
  @Inject private TestOutbox outbox;
  @Inject private ReceivablesQueries receivables;
  @Inject private LedgerAsOf ledgerAsOf;
  @Inject private ReminderPreview previews;

  private final TestCourier email = new TestCourier(Channel.EMAIL);

  @Test
  void halfNowHalfInTwoWeeksIsRemindedPerInstalmentAndPayingTheFirstStopsItsChasing() {
    LocalDate monday = outbox.freshMonday();
    Customer customer =
        ledger.customer("Lindqvist Trading Ltd", "EUR", "CH", "Europe/Zurich", "en-CH");
    ledger.contact(customer, "ap@lindqvist.example", false);
    // issued 20 days before Monday on terms of 50 % at +20 days (Monday), 50 % at +34 days
    Invoice invoice =
        exceptions.scheduled(
            customer,
            monday.minusDays(20),
            "1000.00",
            List.of(InstalmentData.terms(20, "50"), InstalmentData.terms(34, "50")));
    assertThat(invoice.getDueDate()).isEqualTo(monday.plusDays(14));

    // Friday before: a heads-up for the first instalment only; the second is two weeks away
    // Monday: the first instalment falls due; the cap holds the note until Friday
    diary(monday.minusDays(3), monday.plusDays(4));
    // Saturday: the first instalment is paid
    ledger.pay(invoice, "500.00", monday.plusDays(5));
    // nothing more about the first; the Friday after, the second's heads-up, from the first step
    diary(monday.plusDays(5), monday.plusDays(12));

    assertThat(sent(customer))
        .extracting(Row::date, Row::step, m -> m.total().toPlainString())
        .containsExactly(
            tuple(monday.minusDays(3), 1, "500.0000"),
            tuple(monday.plusDays(4), 2, "500.0000"),
            tuple(monday.plusDays(11), 1, "500.0000"));
    List<Outgoing> received = email.deliveredTo(customer.getId());
    assertThat(received).hasSize(3);
    assertThat(received.get(0).text())
        .containsPattern(
            "Invoice " + invoice.getNumber() + " \\(instalment 1 of 2\\): [^,]*500\\.00, is due on")
        .doesNotContain("instalment 2 of 2")
        .containsPattern("Total open: [^\\n]*500\\.00");
    assertThat(received.get(1).text())
        .containsPattern("\\(instalment 1 of 2\\): [^,]*500\\.00, was due on")
        .doesNotContain("instalment 2 of 2");
    assertThat(received.get(2).text())
        .containsPattern(
            "Invoice " + invoice.getNumber() + " \\(instalment 2 of 2\\): [^,]*500\\.00, is due on")
        .doesNotContain("instalment 1 of 2");
    assertThat(received.get(2).html()).contains("(instalment 2 of 2)");
  }

  @Test
  void aPartPaymentSettlesTheEarlierInstalmentFirst() {
    LocalDate monday = outbox.freshMonday();
    Customer customer =
        ledger.customer("Ostrava Steel s.r.o.", "EUR", "CH", "Europe/Zurich", "en-CH");
    ledger.contact(customer, "ap@ostrava.example", false);
    // both instalments overdue: 300.00 ten days ago, 700.00 yesterday
    Invoice invoice =
        exceptions.scheduled(
            customer,
            monday.minusDays(40),
            "1000.00",
            List.of(
                InstalmentData.on(monday.minusDays(10), "300.00"),
                InstalmentData.on(monday.minusDays(1), "700.00")));
    ledger.pay(invoice, "400.00", monday.minusDays(2));

    diary(monday, monday);

    // the first is settled and the second keeps 600.00 of its 700.00
    assertThat(sent(customer))
        .extracting(m -> m.total().toPlainString())
        .containsExactly("600.0000");
    assertThat(email.deliveredTo(customer.getId()).get(0).text())
        .containsPattern("\\(instalment 2 of 2\\): [^,]*600\\.00")
        .doesNotContain("instalment 1 of 2");
  }

  @Test
  void theRemindersAheadNameTheInstalmentDue() {
    LocalDate monday = outbox.freshMonday();
    Customer customer =
        ledger.customer("Lindqvist Trading Ltd", "EUR", "CH", "Europe/Zurich", "en-CH");
    ledger.contact(customer, "ap@lindqvist.example", false);
    Invoice invoice =
        exceptions.scheduled(
            customer,
            monday.minusDays(30),
            "1000.00",
            List.of(
                InstalmentData.on(monday, "400.00"),
                InstalmentData.on(monday.plusDays(30), "600.00")));

    ReminderPreview.Preview preview = previews.ofCustomer(customer.getId(), monday, monday, 10);

    assertThat(preview.messages())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.invoices())
                    .extracting(ReminderPreview.Item::label, i -> i.open().amount().toPlainString())
                    .containsExactly(
                        tuple(invoice.getNumber() + " (instalment 1 of 2)", "400.00")));
  }

  @Test
  void agingPutsEachInstalmentInTheBucketOfItsOwnDueDate() {
    LocalDate monday = outbox.freshMonday();
    Customer customer =
        ledger.customer("Ostrava Steel s.r.o.", "EUR", "CH", "Europe/Zurich", "en-CH");
    // a third 45 days overdue, a third 5 days overdue, a third due in 20 days; 100.00 paid
    Invoice invoice =
        exceptions.scheduled(
            customer,
            monday.minusDays(60),
            "900.00",
            List.of(
                InstalmentData.on(monday.minusDays(45), "300.00"),
                InstalmentData.on(monday.minusDays(5), "300.00"),
                InstalmentData.on(monday.plusDays(20), "300.00")));
    ledger.pay(invoice, "100.00", monday.minusDays(50));

    Aging.Line line = receivables.aging(monday, customer.getId()).lines().get(0);

    assertThat(line.days31to60().amount()).isEqualByComparingTo("200.00");
    assertThat(line.days1to30().amount()).isEqualByComparingTo("300.00");
    assertThat(line.current().amount()).isEqualByComparingTo("300.00");
    assertThat(ledgerAsOf.openInstalments(customer, monday))
        .extracting(
            LedgerAsOf.OpenInstalment::instalment,
            LedgerAsOf.OpenInstalment::of,
            i -> i.open().amount().toPlainString())
        .containsExactly(tuple(1, 3, "200.00"), tuple(2, 3, "300.00"), tuple(3, 3, "300.00"));
  }

  /** The reminders sent to {@code customer}, none held back. */
  private List<Row> sent(Customer customer) {
    return outbox.messages(customer).stream().filter(m -> m.status().equals("SENT")).toList();
  }

  /** Each day from {@code first} to {@code last}: the run, then sending at 09:00 in Zurich. */
  private void diary(LocalDate first, LocalDate last) {
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      runs.run(day, "test");
      dispatcher.dispatch(
          Clock.fixed(day.atTime(LocalTime.of(9, 0)).atZone(ZURICH).toInstant(), ZURICH),
          Map.of(Channel.EMAIL, email),
          50,
          10_000);
    }
  }
}
