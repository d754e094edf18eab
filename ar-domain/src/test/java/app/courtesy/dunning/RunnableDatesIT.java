package app.courtesy.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.customer.Customer;
import app.courtesy.shared.ClockProducer;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestOutbox.Row;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which business dates may be run, as a diary: tomorrow at the latest, none before the latest
 * completed run, a refused date writes nothing, and a date whose run failed is written down as
 * failed and may be run again later, even after later dates ran; a run whose collections figures
 * fail fails with them. Each test starts on a Monday after every date any run has claimed; the
 * clock is moved to the morning of the day that is "today".
 */
@ExtendWith(ArquillianExtension.class)
class RunnableDatesIT {

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private ClockProducer clocks;
  @Inject private DunningRuns history;
  @Inject private FiguresThread figures;

  @Test
  void aDateAfterTomorrowIsRefusedAndWritesNothing() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday.plusDays(3), "700.00");

    // Monday: Wednesday is two days ahead
    assertThatThrownBy(() -> runs.run(monday.plusDays(2), monday))
        .isInstanceOf(RunDateRefusedException.class)
        .hasMessageStartingWith(
            monday.plusDays(2) + " is after tomorrow (" + monday.plusDays(1) + ")")
        .hasMessageContaining("organisation's clock (" + clocks.zone().getId() + ")");
    assertThat(runs.find(monday.plusDays(2))).isEmpty();
    assertThat(outbox.messages(customer)).isEmpty();

    // Monday: Tuesday is tomorrow, and may be run; the note due on Monday goes with it
    assertThat(runs.run(monday.plusDays(1), monday).ranNow()).isTrue();
    assertThat(outbox.queued(customer)).extracting(Row::date).containsExactly(monday.plusDays(1));
  }

  @Test
  void aDateBeforeTheLatestCompletedRunIsRefusedAndWritesNothing() {
    LocalDate monday = outbox.freshMonday();
    runs.run(monday, "test");
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday.minusDays(1), "700.00");

    // Monday ran; Sunday never did and would remind out of order
    assertThatThrownBy(() -> runs.run(monday.minusDays(1), "test"))
        .isInstanceOf(RunDateRefusedException.class)
        .hasMessageStartingWith(
            monday.minusDays(1) + " is before the latest completed run (" + monday + ")");
    assertThat(runs.find(monday.minusDays(1))).isEmpty();
    assertThat(outbox.messages(customer)).isEmpty();
    assertThat(history.history(5))
        .extracting(DunningRun::getBusinessDate)
        .doesNotContain(monday.minusDays(1));

    // Monday again adds nothing; Tuesday catches the invoice up
    assertThat(runs.run(monday, "test").ranNow()).isFalse();
    assertThat(runs.run(monday.plusDays(1), "test").ranNow()).isTrue();
    assertThat(outbox.queued(customer)).extracting(Row::date).containsExactly(monday.plusDays(1));
  }

  @Test
  void aFailedRunIsWrittenDownAndItsDateRunsAgainAfterLaterDates() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday.plusDays(3), "700.00");
    // A script wrote a time zone the server does not know on a customer: no send window opens
    Customer lost = ledger.customer("Nowhere Trading AG", "EUR");
    ledger.timeZone(lost, "Mars/Olympus_Mons");
    DunningRun failed;
    try {
      assertThatThrownBy(() -> runs.run(monday, "test"))
          .isInstanceOf(RunFailedException.class)
          .hasMessageContaining("Mars/Olympus_Mons")
          .hasMessageContaining("recorded as failed");
      assertThatThrownBy(() -> runs.run(monday, "the daily run"))
          .isInstanceOf(RunFailedException.class);
      failed = runs.find(monday).orElseThrow();
    } finally {
      ledger.timeZone(lost, "Europe/Zurich");
    }

    // Written down once, with who tried last, when and why; nothing was planned
    assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.getClaimedBy()).isEqualTo("the daily run");
    assertThat(failed.getFailure()).get().asString().contains("Mars/Olympus_Mons");
    assertThat(failed.getFailedAt()).isPresent();
    assertThat(failed.getMessages()).isZero();
    assertThat(outbox.messages(customer)).isEmpty();
    assertThat(history.history(5))
        .filteredOn(run -> run.getBusinessDate().equals(monday))
        .singleElement()
        .extracting(DunningRun::getStatus)
        .isEqualTo(RunStatus.FAILED);

    // Tuesday runs and catches up Monday's note; Monday, older but failed, may still be run
    DunningRuns.Outcome tuesday = runs.run(monday.plusDays(1), "test");
    DunningRuns.Outcome again = runs.run(monday, "an administrator");
    DunningRuns.Outcome once = runs.run(monday, "test");

    assertThat(tuesday.run().getStatus()).isEqualTo(RunStatus.COMPLETED);
    assertThat(again.ranNow()).isTrue();
    assertThat(again.run().getStatus()).isEqualTo(RunStatus.COMPLETED);
    assertThat(again.run().getClaimedBy()).isEqualTo("an administrator");
    assertThat(once.ranNow()).isFalse();
    DunningRun completed = runs.find(monday).orElseThrow();
    assertThat(completed.getStatus()).isEqualTo(RunStatus.COMPLETED);
    assertThat(completed.getFailure()).get().asString().contains("Mars/Olympus_Mons");
    assertThat(outbox.queued(customer)).extracting(Row::date).containsExactly(monday.plusDays(1));
    // Sunday never ran and did not fail: still refused
    assertThatThrownBy(() -> runs.run(monday.minusDays(1), "test"))
        .isInstanceOf(RunDateRefusedException.class);
  }

  @Test
  void aRunWhoseFiguresFailPlansNothingAndRunsAgainOnceTheyCan() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = customerWithEmail();
    ledger.invoice(customer, monday.plusDays(3), "700.00");
    List<LocalDate> asked = new ArrayList<>();
    DunningRun failed;
    try {
      figures.lend(
          date -> {
            asked.add(date);
            return CompletableFuture.failedFuture(
                new IllegalStateException("The figures' tables are being restored"));
          });
      assertThatThrownBy(() -> runs.run(monday, "test"))
          .isInstanceOf(RunFailedException.class)
          .hasMessageContaining("The figures' tables are being restored")
          .hasMessageContaining("recorded as failed");
      failed = runs.find(monday).orElseThrow();
    } finally {
      figures.lend(null);
    }

    // The figures were started for the run's date; the plan went with them
    assertThat(asked).containsExactly(monday);
    assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.getMessages()).isZero();
    assertThat(outbox.messages(customer)).isEmpty();

    // Written on the run's own thread again, the date runs and plans the note
    DunningRuns.Outcome again = runs.run(monday, "test");
    assertThat(again.ranNow()).isTrue();
    assertThat(again.run().getStatus()).isEqualTo(RunStatus.COMPLETED);
    assertThat(again.run().getFiguresDuration()).isPresent();
    assertThat(outbox.queued(customer)).extracting(Row::date).containsExactly(monday);
  }

  private Customer customerWithEmail() {
    Customer customer = ledger.customer("Keller Feinmechanik AG", "EUR");
    ledger.contact(customer, "ap@keller.example", false);
    return customer;
  }
}
