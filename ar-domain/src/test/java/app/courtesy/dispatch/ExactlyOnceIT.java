package app.courtesy.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Outcome;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.outbox.Outbox;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestOutbox.Row;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each message goes out once when a dispatcher stops half-way: a claim never handed over is sent by
 * the next dispatcher once its lease ran out; one handed over without an answer is unconfirmed,
 * never sent again on its own, and a collector marks it sent or sends it again, saying so.
 */
@ExtendWith(ArquillianExtension.class)
class ExactlyOnceIT {

  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
  private static final Duration LEASE = Duration.ofMinutes(2);

  @Inject private TestRuns runs;
  @Inject private Dispatcher dispatcher;
  @Inject private OutboxStore store;
  @Inject private UnconfirmedMessages unconfirmed;
  @Inject private CommunicationLog log;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;

  private final TestCourier email = new TestCourier(Channel.EMAIL);

  @Test
  void aClaimNeverHandedOverIsSentOnceByTheNextDispatcherWhenItsLeaseRunsOut() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithReminder(monday);
    Instant nine = at(monday, LocalTime.of(9, 0));
    // A node claims the reminder and stops before handing it over.
    claimedByANodeThatStops(customer, nine);

    dispatchAt(nine.plus(Duration.ofMinutes(1)));
    assertThat(email.deliveredTo(customer.getId())).isEmpty();
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENDING");

    dispatchAt(nine.plus(LEASE).plusSeconds(1));
    dispatchAt(nine.plus(Duration.ofMinutes(30)));
    assertThat(email.deliveredTo(customer.getId())).hasSize(1);
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT");
  }

  @Test
  void aMessageHandedOverWhoseAnswerWasNeverRecordedIsUnconfirmedAndNotSentAgain() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithReminder(monday);
    Instant nine = at(monday, LocalTime.of(9, 0));
    OutboxStore.Claimed claim = claimedByANodeThatStops(customer, nine);
    Outgoing reminder = claim.ready().get(0);
    try (Outbox.HandOvers handOvers = store.handOvers(claim.token())) {
      assertThat(handOvers.handOver(reminder.messageId(), "mail.example.com:25", nine)).isTrue();
      // Committed before the message goes out, not when the lane is done.
      assertThat(outbox.handedTo(reminder.messageId())).isEqualTo("mail.example.com:25");
    }

    dispatchAt(nine.plus(LEASE).plusSeconds(1));
    dispatchAt(nine.plus(Duration.ofHours(3)));

    assertThat(email.deliveredTo(customer.getId())).isEmpty();
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("UNCONFIRMED");
    CommunicationLog.Logged entry = log.latest(customer.getId(), 1).get(0);
    assertThat(entry.entry().outcome()).isEqualTo(Outcome.UNCONFIRMED);
    assertThat(entry.entry().detail())
        .contains("mail.example.com:25")
        .contains("<outbox-" + reminder.messageId() + "@courtesy>")
        .contains("may have arrived");
  }

  @Test
  void aConnectionDroppedAfterTheWholeEmailWentOutLeavesItUnconfirmed() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithReminder(monday);
    email.dropAfterData(customer.getId());

    Dispatcher.Round round = dispatchAt(at(monday, LocalTime.of(9, 0)));
    dispatchAt(at(monday, LocalTime.of(15, 0)));

    assertThat(round.unconfirmed()).isGreaterThanOrEqualTo(1);
    assertThat(email.deliveredTo(customer.getId())).hasSize(1);
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("UNCONFIRMED");
    assertThat(log.latest(customer.getId(), 1).get(0).entry().detail())
        .contains("Connection reset after the final dot")
        .contains("test.invalid:25");
  }

  @Test
  void aDispatcherWhoseLeaseRanOutLeavesTheMessageToTheOneThatHoldsItNow() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithReminder(monday);
    Instant nine = at(monday, LocalTime.of(9, 0));
    OutboxStore.Claimed slow = claimedByANodeThatStops(customer, nine);
    Outgoing reminder = slow.ready().get(0);

    dispatchAt(nine.plus(LEASE).plusSeconds(1));
    Instant late = nine.plus(LEASE).plusSeconds(5);
    boolean mine;
    try (Outbox.HandOvers handOvers = store.handOvers(slow.token())) {
      mine = handOvers.handOver(reminder.messageId(), "mail.example.com:25", late);
    }
    store.record(
        List.of(
            new OutboxStore.Delivery(
                reminder, slow.token(), late, new DeliveryException("Timed out", false, null))));

    assertThat(mine).isFalse();
    assertThat(email.deliveredTo(customer.getId())).hasSize(1);
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT");
  }

  @Test
  void aCollectorSendsAnUnconfirmedMessageAgainAndItSaysSo() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithReminder(monday);
    email.dropAfterData(customer.getId());
    dispatchAt(at(monday, LocalTime.of(9, 0)));
    long id = outbox.messages(customer).get(0).id();

    unconfirmed.sendAgain(id, "anna");
    dispatchAt(at(monday, LocalTime.of(10, 0)));

    List<Outgoing> delivered = email.deliveredTo(customer.getId());
    assertThat(delivered).hasSize(2);
    assertThat(delivered.get(1).messageId()).isEqualTo(delivered.get(0).messageId());
    assertThat(delivered.get(1).text())
        .startsWith(
            "Wir senden Ihnen diese Nachricht noch einmal, weil wir nicht bestätigen konnten")
        .contains("Guten Tag Frau Weber", "480.00");
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT");
    assertThatThrownBy(() -> unconfirmed.markSent(id, "ben"))
        .isInstanceOf(ConcurrentChangeException.class)
        .hasMessageContaining("anna");
  }

  @Test
  void aCollectorWhoFindsItArrivedMarksItSent() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithReminder(monday);
    email.dropAfterData(customer.getId());
    dispatchAt(at(monday, LocalTime.of(9, 0)));
    long id = outbox.messages(customer).get(0).id();

    unconfirmed.markSent(id, "anna");
    dispatchAt(at(monday, LocalTime.of(10, 0)));

    assertThat(email.deliveredTo(customer.getId())).hasSize(1);
    assertThat(outbox.messages(customer)).extracting(Row::status).containsExactly("SENT");
    CommunicationLog.Logged entry = log.latest(customer.getId(), 1).get(0);
    assertThat(entry.entry().actor()).isEqualTo("anna");
    assertThat(entry.entry().detail()).contains("marked it sent");
  }

  /** The customer's reminder, claimed at {@code at} by a dispatcher that never comes back. */
  private OutboxStore.Claimed claimedByANodeThatStops(Customer customer, Instant at) {
    long id = outbox.messages(customer).get(0).id();
    OutboxStore.Claimed claim =
        store.claimOne(id, at, new Outbox.Lease("stopped-node", "node-2", at.plus(LEASE)));
    assertThat(claim.ready()).hasSize(1);
    return claim;
  }

  private Customer customerWithReminder(LocalDate monday) {
    Customer customer = ledger.customer("Keller Werkzeuge AG", "CHF");
    ledger.contact(customer, "buchhaltung@keller.example", false);
    ledger.invoice(customer, monday, "480.00");
    runs.run(monday, "test");
    return customer;
  }

  private Dispatcher.Round dispatchAt(Instant at) {
    return dispatcher.dispatch(Clock.fixed(at, ZURICH), Map.of(Channel.EMAIL, email), 50, 10_000);
  }

  private static Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(ZURICH).toInstant();
  }
}
