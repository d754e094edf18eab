package app.courtesy.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.communication.CommunicationLog.Logged;
import app.courtesy.customer.Customer;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestLog;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The communication log as evidence: the database keeps it append-only. */
@ExtendWith(ArquillianExtension.class)
class CommunicationLogIT {

  /** 2026-03-02, a Monday: 08:00 in Zurich. */
  private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T07:00:00Z");

  @Inject private CommunicationLog log;
  @Inject private TestLedger ledger;
  @Inject private TestLog testLog;

  @Test
  void theDatabaseRefusesToChangeAnEntry() {
    Customer customer = customerWithThreeEmails();

    assertThatThrownBy(() -> testLog.update(customer, 2, "We never wrote to you."))
        .hasStackTraceContaining("the communication log is append-only");

    assertThat(log.latest(customer.getId(), 10))
        .extracting(l -> l.entry().body())
        .containsExactly("Final reminder.", "Second reminder.", "First reminder.");
    assertThat(log.firstBroken(customer.getId())).isEmpty();
  }

  @Test
  void theDatabaseRefusesToRemoveAnEntry() {
    Customer customer = customerWithThreeEmails();

    assertThatThrownBy(() -> testLog.delete(customer, 3))
        .hasStackTraceContaining("the communication log is append-only");

    assertThat(log.latest(customer.getId(), 10)).extracting(Logged::seq).containsExactly(3, 2, 1);
  }

  private Customer customerWithThreeEmails() {
    Customer customer = ledger.customer("Weber & Söhne GmbH", "CHF");
    testLog.email(customer, MONDAY_MORNING, "Friendly reminder", "First reminder.");
    testLog.email(
        customer, MONDAY_MORNING.plusSeconds(86_400 * 7), "Second reminder", "Second reminder.");
    testLog.email(
        customer, MONDAY_MORNING.plusSeconds(86_400 * 14), "Final reminder", "Final reminder.");
    return customer;
  }
}
