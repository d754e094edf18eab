package app.courtesy.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.credit.CreditNoteData;
import app.courtesy.credit.CreditNoteService;
import app.courtesy.customer.Customer;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestLedger;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Totals move by exactly what a test adds, whatever else the shared test database holds. */
@ExtendWith(ArquillianExtension.class)
class ReceivablesQueriesIT {

  private static final LocalDate AS_OF = LocalDate.of(2031, 3, 15);

  @Inject private ReceivablesQueries queries;
  @Inject private TestLedger ledger;
  @Inject private CreditNoteService credits;

  @Test
  void countsWhatIsOverdueAndDueSoonPerCurrencyAndIgnoresWhatIsPaid() {
    ReceivablesSnapshot before = queries.snapshot(AS_OF);
    Customer customer = ledger.customer("Zurich Clocks AG", "CHF");
    // 2031-03-15 is the business date.
    ledger.invoice(customer, AS_OF.minusDays(40), "1000.00"); // overdue 40 days
    var partlyPaid = ledger.invoice(customer, AS_OF.minusDays(5), "500.00"); // overdue 5 days
    ledger.pay(partlyPaid, "200.00", AS_OF.minusDays(1)); // 300.00 still open
    var paid = ledger.invoice(customer, AS_OF.minusDays(10), "80.00");
    ledger.pay(paid, "80.00", AS_OF.minusDays(2)); // settled: not overdue
    ledger.invoice(customer, AS_OF.plusDays(3), "45.50"); // due in 3 days
    ledger.invoice(customer, AS_OF.plusDays(30), "999.00"); // due later: neither

    ReceivablesSnapshot after = queries.snapshot(AS_OF);

    assertThat(after.overdueInvoices() - before.overdueInvoices()).isEqualTo(2);
    assertThat(chf(after.overdue()).subtract(chf(before.overdue())))
        .isEqualByComparingTo("1300.00");
    assertThat(after.dueSoonInvoices() - before.dueSoonInvoices()).isEqualTo(1);
    assertThat(chf(after.dueSoon()).subtract(chf(before.dueSoon()))).isEqualByComparingTo("45.50");
  }

  @Test
  void listsACustomerWithItsOldestDaysLate() {
    Customer customer = ledger.customer("Bern Bells GmbH", "CHF");
    ledger.invoice(customer, AS_OF.minusDays(400), "900000.00");

    ReceivablesSnapshot snapshot = queries.snapshot(AS_OF);

    assertThat(snapshot.mostOverdue())
        .anySatisfy(
            exposure -> {
              assertThat(exposure.customerName()).isEqualTo("Bern Bells GmbH");
              assertThat(exposure.overdue()).isEqualTo(Money.of("900000.00", "CHF"));
              assertThat(exposure.oldestDaysLate()).isEqualTo(400);
            });
  }

  @Test
  void agesWhatWasOpenOnTheDateByBucketCountingOnlyPaymentsAndCreditsDatedByThen() {
    Customer customer = ledger.customer("Lugano Looms SA", "CHF");
    // 2031-03-15 is the business date.
    ledger.invoice(customer, AS_OF.plusDays(5), "100.00"); // not yet due
    var partlyPaid = ledger.invoice(customer, AS_OF.minusDays(10), "300.00"); // 1-30 days late
    ledger.pay(partlyPaid, "120.00", AS_OF.minusDays(2)); // 180.00 open on the date
    var credited = ledger.invoice(customer, AS_OF.minusDays(45), "200.00"); // 31-60 days late
    credits.record(
        List.of(
            new CreditNoteData(
                "CN-" + credited.getNumber(),
                "CN-" + credited.getNumber(),
                customer.getNumber(),
                AS_OF.minusDays(1),
                "CHF",
                new BigDecimal("50.00"),
                "damaged goods",
                List.of(
                    new InvoicePart(credited.getNumber(), new BigDecimal("50.00")))))); // 150.00
    var paidLater = ledger.invoice(customer, AS_OF.minusDays(75), "80.00"); // 61-90 days late
    ledger.pay(paidLater, "80.00", AS_OF.plusDays(1)); // paid after the date: still open then
    var paid = ledger.invoice(customer, AS_OF.minusDays(120), "999.00"); // over 90 days late
    ledger.pay(paid, "999.00", AS_OF.minusDays(100)); // paid long before: nothing open

    Aging aging = queries.aging(AS_OF, customer.getId());

    assertThat(aging.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.current()).isEqualTo(Money.of("100.00", "CHF"));
              assertThat(line.days1to30()).isEqualTo(Money.of("180.00", "CHF"));
              assertThat(line.days31to60()).isEqualTo(Money.of("150.00", "CHF"));
              assertThat(line.days61to90()).isEqualTo(Money.of("80.00", "CHF"));
              assertThat(line.over90()).isEqualTo(Money.of("0.00", "CHF"));
              assertThat(line.total()).isEqualTo(Money.of("510.00", "CHF"));
            });
    assertThat(queries.aging(AS_OF.plusDays(2), customer.getId()).lines().get(0).days61to90())
        .isEqualTo(Money.of("0.00", "CHF"));
  }

  private static BigDecimal chf(java.util.List<Money> amounts) {
    return amounts.stream()
        .filter(m -> m.currency().getCurrencyCode().equals("CHF"))
        .map(Money::amount)
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }
}
