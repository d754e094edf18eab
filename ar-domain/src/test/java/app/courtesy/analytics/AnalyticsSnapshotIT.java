package app.courtesy.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily run writes each day's receivables per currency, and the trends read them, as a diary of
 * a small book in Swedish kronor (a currency no other test uses, so the book's totals are this
 * test's own): two customers, four invoices, one payment, and runs on two mornings.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsSnapshotIT {

  private static final Currency SEK = Currency.getInstance("SEK");

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private Trends trends;

  private static Money sek(String amount) {
    return Money.of(amount, "SEK");
  }

  @Test
  void theDailyRunWritesTheDaysBeforeItAndTheTrendsReadThem() {
    LocalDate monday = outbox.freshMonday();
    Customer anna = ledger.customer("Anna Berg AB", "SEK");
    Customer olof = ledger.customer("Olof Lind AB", "SEK");
    // Issued 30 days before they are due:
    ledger.invoice(anna, monday.plusDays(2), "1000.00"); // issued monday − 28
    Invoice late = ledger.invoice(anna, monday.minusDays(10), "500.00"); // issued monday − 40
    ledger.invoice(olof, monday.plusDays(24), "300.00"); // issued Tuesday monday − 6
    ledger.invoice(olof, monday.plusDays(33), "700.00"); // issued Thursday monday + 3
    // Friday monday + 4: Anna pays the overdue invoice.
    ledger.pay(late, "500.00", monday.plusDays(4));

    // Tuesday: the run writes the week before (from monday − 6) up to Monday, which is over.
    runs.run(monday.plusDays(1), "test");
    // Saturday: the run writes Tuesday to Friday.
    runs.run(monday.plusDays(5), "test");
    // Saturday again: a date runs once, and nothing is written twice.
    runs.run(monday.plusDays(5), "test");

    List<Trends.Period> days =
        trends.trend(SEK, monday.minusDays(7), monday.plusDays(5), Granularity.DAY);
    // Nothing before monday − 6 (a week back at most), nothing of Saturday (not over yet).
    assertThat(days).extracting(Trends.Period::asOf).first().isEqualTo(monday.minusDays(6));
    assertThat(days).hasSize(11);

    // Monday − 6: Olof's 300 issued; Anna's 500 four days overdue.
    Trends.Period tuesdayBefore = days.get(0);
    assertThat(tuesdayBefore.open()).isEqualTo(sek("1800"));
    assertThat(tuesdayBefore.overdue()).isEqualTo(sek("500"));
    assertThat(tuesdayBefore.aging()).containsExactly(sek("500"), sek("0"), sek("0"), sek("0"));
    assertThat(tuesdayBefore.creditSales()).isEqualTo(sek("300"));
    assertThat(tuesdayBefore.openItems()).isEqualTo(3);
    assertThat(tuesdayBefore.overdueItems()).isEqualTo(1);

    // Thursday: Olof's 700 issued; Anna's 1,000 a day overdue.
    Trends.Period thursday = days.get(9);
    assertThat(thursday.asOf()).isEqualTo(monday.plusDays(3));
    assertThat(thursday.open()).isEqualTo(sek("2500"));
    assertThat(thursday.overdue()).isEqualTo(sek("1500"));
    assertThat(thursday.current()).isEqualTo(sek("1000"));
    assertThat(thursday.creditSales()).isEqualTo(sek("700"));
    assertThat(thursday.overdueItems()).isEqualTo(2);

    // Friday: Anna's 500 paid.
    Trends.Period friday = days.get(10);
    assertThat(friday.open()).isEqualTo(sek("2000"));
    assertThat(friday.overdue()).isEqualTo(sek("1000"));
    assertThat(friday.cashReceived()).isEqualTo(sek("500"));
    assertThat(friday.openItems()).isEqualTo(3);

    List<Trends.Period> weeks =
        trends.trend(SEK, monday.minusDays(6), monday.plusDays(4), Granularity.WEEK);
    assertThat(weeks).hasSize(2);
    Trends.Period thisWeek = weeks.get(1);
    assertThat(thisWeek.from()).isEqualTo(monday);
    assertThat(thisWeek.asOf()).isEqualTo(monday.plusDays(4));
    assertThat(thisWeek.creditSales()).isEqualTo(sek("700"));
    // Best possible DSO: 1,000 current ÷ 700 sold × 5 days = 7.1
    assertThat(thisWeek.bestPossibleDso()).contains(new BigDecimal("7.1"));
    // CEI: (1,800 at the start + 700 sold − 2,000 at the end) ÷ (1,800 + 700 − 1,000 current) =
    // 33.3
    assertThat(thisWeek.collectionEffectiveness()).contains(new BigDecimal("33.3"));
    // The first week has no day before it written: its index is undefined.
    assertThat(weeks.get(0).collectionEffectiveness()).isEmpty();
    // Best possible DSO of the days from monday − 6 to Sunday: 1,300 current ÷ 300 sold × 6 = 26.0
    assertThat(weeks.get(0).bestPossibleDso()).contains(new BigDecimal("26.0"));
    assertThat(weeks.get(0).averageDaysDelinquent())
        .contains(weeks.get(0).dso().subtract(new BigDecimal("26.0")));
  }

  @Test
  void aCurrencyWithoutHistoryHasNoTrend() {
    LocalDate monday = outbox.freshMonday();

    assertThat(
            trends.trend(
                Currency.getInstance("ISK"), monday.minusDays(90), monday, Granularity.MONTH))
        .isEmpty();
  }
}
