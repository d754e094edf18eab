package app.courtesy.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Outcome;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.reminder.PolicyData;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.Tone;
import app.courtesy.reply.Incoming;
import app.courtesy.reply.Replies;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestLog;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestOutbox.Row;
import app.courtesy.testing.TestRuns;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sending what a run queued, at the times a diary gives: inside the recipient's window, once, with
 * what is still open, and into the communication log.
 */
@ExtendWith(ArquillianExtension.class)
class DispatchIT {

  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

  @Inject private TestRuns runs;
  @Inject private Dispatcher dispatcher;
  @Inject private CommunicationLog log;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private TestLog testLog;
  @Inject private Bounces bounces;
  @Inject private CaseReview review;
  @Inject private CaseService cases;
  @Inject private ReminderPolicyService policies;
  @Inject private Replies replies;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  private ManagedExecutorService executor;

  private final TestCourier email = new TestCourier(Channel.EMAIL);

  @Test
  void aReminderGoesOutAtEightOnTheRecipientsClockAndIsLogged() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    Invoice invoice = ledger.invoice(customer, monday.plusDays(3), "1250.00");
    runs.run(monday, "test");

    dispatchAt(monday, LocalTime.of(7, 59), ZURICH);
    assertThat(email.deliveredTo(customer.getId())).isEmpty();

    dispatchAt(monday, LocalTime.of(8, 0), ZURICH);
    assertThat(email.deliveredTo(customer.getId()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.address()).isEqualTo("ap@weber.example");
              assertThat(m.text()).contains("Frau Weber", invoice.getNumber(), "1’250.00");
              assertThat(m.html()).contains(invoice.getNumber());
            });
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT");
    assertThat(log.latest(customer.getId(), 5))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.entry().outcome()).isEqualTo(Outcome.SENT);
              assertThat(e.entry().recipient()).isEqualTo("ap@weber.example");
              assertThat(e.entry().body()).contains(invoice.getNumber());
            });
  }

  @Test
  void aPaymentInTransitStopsTheReminderAndAPartPaymentShowsWhatIsLeft() {
    LocalDate monday = outbox.freshMonday();
    Customer paid = customerWithEmail();
    Invoice paidInvoice = ledger.invoice(paid, monday, "400.00");
    Customer partly = customerWithEmail();
    Invoice partlyInvoice = ledger.invoice(partly, monday, "400.00");
    runs.run(monday, "test");

    ledger.pay(paidInvoice, "400.00", monday);
    ledger.pay(partlyInvoice, "150.00", monday);
    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);

    assertThat(email.deliveredTo(paid.getId())).isEmpty();
    assertThat(outbox.messages(paid))
        .extracting(Row::status, Row::reason)
        .containsExactly(tuple("SUPPRESSED", "PAID"));
    assertThat(log.latest(paid.getId(), 1).get(0).entry().outcome()).isEqualTo(Outcome.SUPPRESSED);
    assertThat(email.deliveredTo(partly.getId()))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("250.00").doesNotContain("400.00"));
  }

  @Test
  void paymentInFullStopsTheRemindersAndBringsOneThankYou() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    Invoice invoice = ledger.invoice(customer, monday, "900.00");
    runs.run(monday, "test");
    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);

    ledger.pay(invoice, "900.00", monday.plusDays(2));
    for (int day = 3; day <= 40; day++) {
      runs.run(monday.plusDays(day), "test");
      dispatchAt(monday.plusDays(day), LocalTime.of(9, 0), ZURICH);
    }

    assertThat(email.deliveredTo(customer.getId()))
        .extracting(Outgoing::subject)
        .hasSize(2)
        .last()
        .asString()
        .startsWith("Vielen Dank für Ihre Zahlung");
    assertThat(email.deliveredTo(customer.getId()).get(1).text())
        .contains("Guten Tag Frau Weber", "herzlichen Dank für Ihre Zahlung");
  }

  @Test
  void aServerThatIsDownIsTriedAgainLaterAndTheMessageGoesOutOnce() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday, "300.00");
    runs.run(monday, "test");

    email.failNext(customer.getId(), 1, false);
    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);
    Row waiting = outbox.messages(customer).get(0);
    assertThat(waiting.status()).isEqualTo("QUEUED");
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.scheduledAt()).isEqualTo(at(monday, LocalTime.of(9, 2), ZURICH));

    dispatchAt(monday, LocalTime.of(9, 1), ZURICH);
    assertThat(email.deliveredTo(customer.getId())).isEmpty();
    dispatchAt(monday, LocalTime.of(9, 2), ZURICH);
    dispatchAt(monday, LocalTime.of(9, 30), ZURICH);

    assertThat(email.deliveredTo(customer.getId())).hasSize(1);
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT");
  }

  @Test
  void aRefusedAddressIsMarkedAndNotWrittenToAgain() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday.plusDays(3), "300.00");
    runs.run(monday, "test");

    email.failNext(customer.getId(), 1, true);
    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);
    runs.run(monday.plusDays(7), "test");

    assertThat(outbox.messages(customer))
        .extracting(Row::status, Row::reason)
        .containsExactly(tuple("FAILED", null), tuple("SUPPRESSED", "NO_ADDRESS"));
    assertThat(log.latest(customer.getId(), 1).get(0).entry().detail())
        .contains("mailbox unavailable");
  }

  @Test
  void aBounceComingBackLaterMarksTheAddressOnTheCaseOnceAndStopsTheEmails() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday.minusDays(20), "300.00");
    runs.run(monday, "test");
    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);
    review.review(monday);
    Bounce bounce =
        new Bounce(
            MailMessageId.of(outbox.messages(customer).get(0).id()),
            "AP@weber.example",
            "5.1.1",
            "smtp; 550 5.1.1 <ap@weber.example>: Recipient address rejected: User unknown");

    assertThat(bounces.record(bounce)).isEqualTo(Bounces.Result.RECORDED);
    assertThat(bounces.record(bounce)).isEqualTo(Bounces.Result.ALREADY_RECORDED);
    runs.run(monday.plusDays(7), "test");

    assertThat(cases.findOpen(customer).orElseThrow().figures().bounced()).isTrue();
    assertThat(outbox.messages(customer))
        .extracting(Row::status, Row::reason)
        .containsExactly(tuple("SENT", null), tuple("SUPPRESSED", "NO_ADDRESS"));
    assertThat(log.latest(customer.getId(), 10))
        .filteredOn(e -> e.entry().outcome() == Outcome.BOUNCED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.entry().outbound()).isFalse();
              assertThat(e.entry().recipient()).isEqualTo("AP@weber.example");
              assertThat(e.entry().detail()).contains("5.1.1", "User unknown", "marked as bounced");
            });
  }

  @Test
  void aBounceForNowOrForAnEmailCourtesyDidNotSendLeavesTheAddressInUse() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday.plusDays(3), "300.00");
    runs.run(monday, "test");
    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);
    String sent = MailMessageId.of(outbox.messages(customer).get(0).id());

    Bounces.Result full =
        bounces.record(new Bounce(sent, "ap@weber.example", "4.2.2", "smtp; 452 Mailbox full"));
    Bounces.Result elsewhere =
        bounces.record(new Bounce("<a1b2@mail.example>", "ap@weber.example", "5.1.1", ""));
    Bounces.Result unknown =
        bounces.record(
            new Bounce(MailMessageId.of(Long.MAX_VALUE), "ap@weber.example", "5.1.1", ""));
    runs.run(monday.plusDays(7), "test");

    assertThat(List.of(full, elsewhere, unknown))
        .containsExactly(
            Bounces.Result.RECORDED,
            Bounces.Result.UNKNOWN_MESSAGE,
            Bounces.Result.UNKNOWN_MESSAGE);
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT", "QUEUED");
    assertThat(log.latest(customer.getId(), 10).get(0).entry().detail())
        .contains("4.2.2 smtp; 452 Mailbox full", "stays in use");
  }

  @Test
  void aPhoneStepPutsACallOnTheCollectorsListAndTheCaseSaysACallIsDue() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ReminderPolicy calls =
        policies.create(
            "Calls for " + customer.getNumber(), policies.defaultPolicy().getId(), "test");
    policies.revise(
        calls.getId(),
        new PolicyData(
            2, null, 0, false, List.of(new ReminderStep(7, Channel.PHONE, Tone.FIRM)), Map.of()),
        calls.getVersion(),
        "test");
    ledger.policy(customer, calls.getId());
    ledger.invoice(customer, monday.minusDays(20), "300.00");
    runs.run(monday, "test");
    review.review(monday);
    assertThat(cases.findOpen(customer).orElseThrow().figures().needsCall()).isFalse();

    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);

    assertThat(email.deliveredTo(customer.getId())).isEmpty();
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT");
    assertThat(cases.findOpen(customer).orElseThrow().figures().needsCall()).isTrue();
    assertThat(log.latest(customer.getId(), 1).get(0).entry().outcome()).isEqualTo(Outcome.TASK);
  }

  @Test
  void anOptOutAfterTheRunIsHonouredAtOnce() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = ledger.customer("Opt-out Sàrl", "CHF");
    String contact = ledger.contact(customer, "ap@optout.example", false);
    ledger.invoice(customer, monday, "300.00");
    runs.run(monday, "test");

    ledger.optOut(customer, contact);
    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);

    assertThat(email.deliveredTo(customer.getId())).isEmpty();
    assertThat(outbox.messages(customer)).extracting(Row::reason).containsExactly("OPTED_OUT");
  }

  @Test
  void aReplyAfterTheRunHoldsTheReminderAtOnce() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = ledger.customer("Antwort AG", "CHF");
    String address = "ap." + UUID.randomUUID() + "@antwort.example";
    ledger.contact(customer, address, false);
    ledger.invoice(customer, monday, "300.00");
    runs.run(monday, "test");

    // After the run, before the reminder goes out, the customer writes with a question.
    replies.receive(
        new Incoming(
            "<" + UUID.randomUUID() + "@antwort.example>",
            Channel.EMAIL,
            address,
            null,
            List.of(),
            "Rechnung",
            "Wir haben eine Frage zur Rechnung.",
            List.of(),
            false,
            List.of(),
            null));
    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);

    assertThat(email.deliveredTo(customer.getId())).isEmpty();
    assertThat(outbox.messages(customer)).extracting(Row::reason).containsExactly("REPLY_WAITING");
  }

  @Test
  void quietHoursFollowEachRecipientsClockAcrossTheSpringClockChange() {
    // The Monday after clocks in New York go forward: 08:00 there is 12:00 UTC, not 13:00
    LocalDate monday =
        LocalDate.of(outbox.freshMonday().getYear() + 1, 3, 1)
            .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY))
            .plusDays(1);
    Customer newYork =
        ledger.customer("Hudson Supply Inc.", "USD", "US", "America/New_York", "en-US");
    ledger.contact(newYork, "ap@hudson.example", false);
    ledger.invoice(newYork, monday.plusDays(3), "300.00");
    Customer tokyo = ledger.customer("Sakura Trading KK", "USD", "JP", "Asia/Tokyo", "en-US");
    ledger.contact(tokyo, "ap@sakura.example", false);
    ledger.invoice(tokyo, monday.plusDays(3), "300.00");
    runs.run(monday, "test");

    dispatchAt(monday, LocalTime.of(12, 0), ZoneOffset.UTC);

    assertThat(email.deliveredTo(newYork.getId())).hasSize(1);
    // 21:00 in Tokyo: it waits for Tuesday 08:00 there
    assertThat(email.deliveredTo(tokyo.getId())).isEmpty();
    assertThat(outbox.messages(tokyo).get(0).scheduledAt())
        .isEqualTo(at(monday.plusDays(1), LocalTime.of(8, 0), ZoneId.of("Asia/Tokyo")));
  }

  @Test
  void twoDispatchersAtOnceSendEachMessageOnce() throws Exception {
    LocalDate monday = outbox.freshMonday();
    List<Customer> customers = remindedOn(monday, 30);
    Clock nine = Clock.fixed(at(monday, LocalTime.of(9, 0), ZURICH), ZURICH);

    Future<Dispatcher.Round> first =
        executor.submit(() -> dispatcher.dispatch(nine, Map.of(Channel.EMAIL, email), 3, 10_000));
    Future<Dispatcher.Round> second =
        executor.submit(() -> dispatcher.dispatch(nine, Map.of(Channel.EMAIL, email), 3, 10_000));
    first.get();
    second.get();

    for (Customer customer : customers) {
      assertThat(email.deliveredTo(customer.getId())).hasSize(1);
      assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT");
    }
  }

  @Test
  void aClaimIsSentInLanesAtOnceUpToTheMaximumAndEachMessageOnce() {
    LocalDate monday = outbox.freshMonday();
    List<Customer> customers = remindedOn(monday, 30);
    Clock nine = Clock.fixed(at(monday, LocalTime.of(9, 0), ZURICH), ZURICH);

    Dispatcher.Round first = dispatcher.dispatch(nine, Map.of(Channel.EMAIL, email), 10, 10, 4);
    // The rest in claims of 10, each shared among four lanes; the first two emails go only when
    // both are being sent.
    dispatcher.dispatch(nine, Map.of(Channel.EMAIL, meeting(email, 2)), 10, 10_000, 4);

    assertThat(first.claimed()).isEqualTo(10);
    for (Customer customer : customers) {
      assertThat(email.deliveredTo(customer.getId())).hasSize(1);
      assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT");
      assertThat(log.firstBroken(customer.getId())).isEmpty();
    }
  }

  /** {@code courier}, whose first {@code count} deliveries wait until all of them are under way. */
  private static Courier meeting(Courier courier, int count) {
    CountDownLatch meeting = new CountDownLatch(count);
    return new Courier() {
      @Override
      public Channel channel() {
        return courier.channel();
      }

      @Override
      public String deliver(Outgoing message, HandOver handOver) throws DeliveryException {
        meeting.countDown();
        try {
          if (!meeting.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(count + " emails were never sent at once");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        return courier.deliver(message, handOver);
      }
    };
  }

  @Test
  void aChangedLogEntryShows() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday, "300.00");
    ledger.invoice(customer, monday.plusDays(10), "300.00");
    runs.run(monday, "test");
    dispatchAt(monday, LocalTime.of(9, 0), ZURICH);
    runs.run(monday.plusDays(10), "test");
    dispatchAt(monday.plusDays(10), LocalTime.of(9, 0), ZURICH);
    assertThat(log.latest(customer.getId(), 10)).hasSize(2);
    assertThat(log.firstBroken(customer.getId())).isEmpty();

    testLog.tamper(customer, 1, "We never wrote to you.");

    assertThat(log.firstBroken(customer.getId())).contains(1);
  }

  /**
   * {@code count} customers with an email address, each reminded of an invoice due on {@code day}.
   */
  private List<Customer> remindedOn(LocalDate day, int count) {
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Customer customer = customerWithEmail();
      ledger.invoice(customer, day, "100.00");
      customers.add(customer);
    }
    runs.run(day, "test");
    return customers;
  }

  private Customer customerWithEmail() {
    Customer customer = ledger.customer("Weber & Söhne GmbH", "CHF");
    ledger.contact(customer, "ap@weber.example", false);
    return customer;
  }

  private void dispatchAt(LocalDate day, LocalTime time, ZoneId zone) {
    dispatcher.dispatch(
        Clock.fixed(at(day, time, zone), zone), Map.of(Channel.EMAIL, email), 50, 10_000);
  }

  private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
    return day.atTime(time).atZone(zone).toInstant();
  }
}
