package app.courtesy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.collection.PromiseTerms;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.InstalmentData;
import app.courtesy.invoice.Invoice;
import app.courtesy.security.Role;
import app.courtesy.shared.ClockProducer;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestExceptions;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestPeople;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily run makes the cash-in forecast of its date, and it is read back with how much of the
 * forecast of 13 weeks before came true, as diaries of small books, each in a currency no other
 * test uses, so the book's averages and totals are the test's own.
 */
@ExtendWith(ArquillianExtension.class)
class CashForecastIT {

  private static final Currency NZD = Currency.getInstance("NZD");
  private static final Currency ZAR = Currency.getInstance("ZAR");

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private TestExceptions exceptions;
  @Inject private TestPeople people;
  @Inject private CaseReview review;
  @Inject private CaseService cases;
  @Inject private ClockProducer clocks;
  @Inject private CashForecasts forecasts;

  private static Money nzd(String amount) {
    return Money.of(amount, "NZD");
  }

  @Test
  void eachItemIsExpectedAtItsDueDatePlusItsCustomersDelayOrAtItsAgreedDate() {
    LocalDate monday = outbox.freshMonday();
    String collector = people.user(Role.COLLECTOR);
    Customer kauri = ledger.customer("Kauri Timber Ltd", "NZD");
    Customer tui = ledger.customer("Tui Brewing Ltd", "NZD");
    Customer weka = ledger.customer("Weka Outdoor Ltd", "NZD");
    Customer moa = ledger.customer("Moa Freight Ltd", "NZD");
    ledger.assign(weka, collector);
    // History: Kauri pays 10 days late (twice), Tui 4, Moa 70: the book pays
    // (10 + 10 + 4 + 70) ÷ 4 = 23.5 days late, rounded to 24.
    ledger.pay(
        ledger.invoice(kauri, monday.minusDays(40), "100.00"), "100.00", monday.minusDays(30));
    Invoice twoPayments = ledger.invoice(kauri, monday.minusDays(20), "100.00");
    ledger.pay(twoPayments, "40.00", monday.minusDays(25));
    ledger.pay(twoPayments, "60.00", monday.minusDays(10)); // settled in full: 10 days late
    ledger.pay(ledger.invoice(tui, monday.minusDays(30), "100.00"), "100.00", monday.minusDays(26));
    ledger.pay(
        ledger.invoice(moa, monday.minusDays(100), "100.00"), "100.00", monday.minusDays(30));
    // A part payment is no history: Kauri's 300 due Tuesday, 100 paid, 200 open.
    Invoice part = ledger.invoice(kauri, monday.plusDays(1), "300.00");
    ledger.pay(part, "100.00", monday.minusDays(2));

    // Open on Sunday evening, expected (week 1 starts on Monday):
    // Kauri's 200 due Tuesday + 10 days = Friday week, day 11: week 2
    // Kauri's 70 due a month ago + 10 days: past, so week 1
    ledger.invoice(kauri, monday.minusDays(30), "70.00");
    // Weka, without history: due in 20 days + the book's 24 = day 44: week 7
    ledger.invoice(weka, monday.plusDays(20), "80.00");
    // Moa: due day 20 + 70 = day 90: week 13, the last; due day 21 + 70 = day 91: later
    ledger.invoice(moa, monday.plusDays(20), "400.00");
    ledger.invoice(moa, monday.plusDays(21), "500.00");
    // Tui's invoice in two instalments, each at its own date, not 4 days later: day 14 (week 3)
    // and day 27 (week 4)
    exceptions.scheduled(
        tui,
        monday.minusDays(10),
        "600.00",
        List.of(
            InstalmentData.on(monday.plusDays(14), "250.00"),
            InstalmentData.on(monday.plusDays(27), "350.00")));
    // Weka's 50 overdue, promised for Monday in a fortnight, day 14: week 3
    Invoice promised = ledger.invoice(weka, monday.minusDays(10), "50.00");
    on(
        monday,
        () -> {
          review.review(monday);
          CollectionCase opened = cases.findOpen(weka).orElseThrow();
          cases.recordPromise(
              opened.getId(),
              opened.getVersion(),
              new PromiseTerms(
                  new BigDecimal("50.00"),
                  monday.plusDays(14),
                  List.of(promised.getNumber()),
                  "Monday in a fortnight"),
              collector);
        });
    // Paid on Monday itself: the forecast reads the ledger as it stood on Sunday evening, and
    // expects it 5 days ago + 24 = day 19: week 3.
    Invoice paidMonday = ledger.invoice(weka, monday.minusDays(5), "30.00");
    ledger.pay(paidMonday, "30.00", monday);

    runs.run(monday, "test");

    CashForecast forecast = forecasts.latest(NZD).orElseThrow();
    assertThat(forecast.madeOn()).isEqualTo(monday);
    assertThat(forecast.weeks())
        .extracting(CashForecast.Week::number, CashForecast.Week::starts)
        .startsWith(tuple(1, monday), tuple(2, monday.plusDays(7)))
        .endsWith(tuple(13, monday.plusDays(84)));
    assertThat(forecast.weeks())
        .extracting(CashForecast.Week::amount)
        .containsExactly(
            nzd("70"),
            nzd("200"),
            nzd("330"), // Tui's first instalment 250 + Weka's promised 50 + Weka's 30
            nzd("350"),
            nzd("0"),
            nzd("0"),
            nzd("80"),
            nzd("0"),
            nzd("0"),
            nzd("0"),
            nzd("0"),
            nzd("0"),
            nzd("400"));
    assertThat(forecast.weeks())
        .extracting(CashForecast.Week::items)
        .startsWith(1, 1, 3, 1, 0, 0, 1);
    assertThat(forecast.later().amount()).isEqualTo(nzd("500"));
    assertThat(forecast.later().starts()).isEqualTo(monday.plusDays(91));
    // No forecast was made 13 weeks before.
    assertThat(forecast.accuracy()).isEmpty();

    // Behind week 3: the largest first, each with the date it is expected on and why.
    assertThat(forecasts.expected(NZD, monday, 3, 500))
        .extracting(
            CashForecast.Expected::customer,
            CashForecast.Expected::amount,
            CashForecast.Expected::instalment,
            CashForecast.Expected::expectedOn,
            CashForecast.Expected::basis)
        .containsExactly(
            tuple("Tui Brewing Ltd", nzd("250"), 1, monday.plusDays(14), "INSTALMENT"),
            tuple("Weka Outdoor Ltd", nzd("50"), 0, monday.plusDays(14), "PROMISED"),
            tuple("Weka Outdoor Ltd", nzd("30"), 0, monday.plusDays(19), "DUE"));
    assertThat(forecasts.expected(NZD, monday, 3, 1)).hasSize(1);
    assertThat(forecasts.expected(NZD, monday, 2, 500))
        .extracting(CashForecast.Expected::invoiceNumber, CashForecast.Expected::expectedOn)
        .containsExactly(tuple(part.getNumber(), monday.plusDays(11)));

    // Running the date again writes nothing twice.
    runs.run(monday, "test");
    assertThat(forecasts.latest(NZD).orElseThrow().weeks().get(0).amount()).isEqualTo(nzd("70"));
  }

  @Test
  void theForecastOf13WeeksAgoIsMatchedWithWhatCameInWeekByWeek() {
    LocalDate monday = outbox.freshMonday();
    Customer protea = ledger.customer("Protea Wines (Pty) Ltd", "ZAR");
    // Nobody ever paid in rand: nothing late. 1,000 due Thursday (week 1), 500 in 17 days (week 3).
    Invoice thursday = ledger.invoice(protea, monday.plusDays(3), "1000.00");
    Invoice later = ledger.invoice(protea, monday.plusDays(17), "500.00");
    // Wednesday: the 1,000 comes in, a day early. Day 30 (week 5): the 500, two weeks late.
    ledger.pay(thursday, "1000.00", monday.plusDays(2));
    ledger.pay(later, "500.00", monday.plusDays(30));

    runs.run(monday, "test");
    assertThat(forecasts.latest(ZAR).orElseThrow().accuracy()).isEmpty();
    // Every Monday for 13 weeks: each run writes the receipts of the week before.
    for (int week = 1; week <= CashForecast.WEEKS; week++) {
      runs.run(monday.plusWeeks(week), "test");
    }

    // Of 1,500 forecast, the 1,000 came in by its week, the 500 after its own: 66.7 %
    CashForecast forecast = forecasts.latest(ZAR).orElseThrow();
    assertThat(forecast.madeOn()).isEqualTo(monday.plusWeeks(CashForecast.WEEKS));
    assertThat(forecast.accuracy()).contains(new BigDecimal("66.7"));
    // The rand book is paid up: nothing is expected any more.
    assertThat(forecast.weeks()).allMatch(week -> week.amount().amount().signum() == 0);
  }

  /** Does {@code work} with the clock at 07:00 on {@code today}, then puts it back. */
  private void on(LocalDate today, Runnable work) {
    clocks.moveTo(today.atTime(LocalTime.of(7, 0)).atZone(clocks.zone()).toInstant());
    try {
      work.run();
    } finally {
      clocks.moveTo(Instant.now());
    }
  }
}
