package app.courtesy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.analytics.CollectorFigures;
import app.courtesy.analytics.DisputeFigures;
import app.courtesy.analytics.FigureItem;
import app.courtesy.analytics.Granularity;
import app.courtesy.analytics.PromiseFigures;
import app.courtesy.collection.CaseReview;
import app.courtesy.collection.DisputeReason;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.security.Role;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestPeople;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's collector and approver play their five weeks ({@link DemoCollectors}, as the {@link
 * DemoHistory} plays them on the demo book) on a small book of their own in Danish kroner (a
 * currency no other test uses), each weekday after the morning's run and review, as the history
 * does; payments arrive on the days the book says. Afterwards the dashboard's figures for the five
 * weeks are not zero: promises kept and broken, plans approved, completed and defaulted, disputes
 * resolved, and each dated on the day it was done, though the server's clock never left the
 * mornings the test set.
 */
@ExtendWith(ArquillianExtension.class)
class DemoCollectorsIT {

  private static final Currency DKK = Currency.getInstance("DKK");
  private static final int DAYS = 35;

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private TestPeople people;
  @Inject private CaseReview review;
  @Inject private DemoCollectors collectors;
  @Inject private PromiseFigures promiseFigures;
  @Inject private CollectorFigures collectorFigures;
  @Inject private DisputeFigures disputeFigures;

  @Test
  void theDemosPeopleLeaveFiguresOnTheDashboard() {
    LocalDate monday = outbox.freshMonday();
    LocalDate today = monday.plusDays(DAYS);
    String collector = people.collectorOfOwnCustomers();
    String approver = people.user(Role.APPROVER);
    ledger.approvalLimit(approver, "DKK", "25000.00");
    DemoCollectors.Staff staff = new DemoCollectors.Staff(collector, approver);

    // Sixteen customers, each 20 days overdue with one invoice: eight pay on the days below (what
    // the book knows), eight never do.
    int[] payDays = {5, 8, 9, 12, 20, 25, 30, 33};
    Map<String, LocalDate> paidOn = new HashMap<>();
    Map<LocalDate, List<Invoice>> payments = new HashMap<>();
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Customer customer = ledger.customer("Demo Kunde " + i + " ApS", "DKK");
      ledger.assign(customer, collector);
      customers.add(customer);
      Invoice invoice = ledger.invoice(customer, monday.minusDays(20), (400 + 50 * i) + ".00");
      if (i < payDays.length) {
        LocalDate day = monday.plusDays(payDays[i]);
        paidOn.put(invoice.getNumber(), day);
        payments.computeIfAbsent(day, d -> new ArrayList<>()).add(invoice);
      }
    }

    int weekday = 0;
    int done = 0;
    for (LocalDate date = monday; date.isBefore(today); date = date.plusDays(1)) {
      LocalDate day = date;
      // The day's payments, then (on a weekday) the morning's run and review, then people work.
      runs.day(
          day,
          () ->
              payments
                  .getOrDefault(day, List.of())
                  .forEach(
                      invoice ->
                          ledger.pay(invoice, invoice.getAmount().amount().toPlainString(), day)));
      if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      runs.run(day, "test");
      runs.day(day, () -> review.review(day));
      done += collectors.work(staff, weekday++, day, today, paidOn);
    }
    LocalDate last = today.minusDays(1);
    // Weekdays 1 and 11: 5 + 3 promises, 2 + 2 unanswered calls, 1 dispute; weekday 3: 3 disputes;
    // 4: 2 plans and their approval; 8 and 15: 3 disputes resolved.
    assertThat(done).isEqualTo(22);

    // Promises: kept by the payments that came, broken where none came; plans approved, one
    // completed by its payment on day 9 or 12 (recovered), one defaulted.
    List<PromiseFigures.Period> months =
        promiseFigures.byPeriod(monday, last, Granularity.MONTH, DKK, collector);
    assertThat(months.stream().mapToLong(PromiseFigures.Period::kept).sum()).isEqualTo(5);
    assertThat(months.stream().mapToLong(PromiseFigures.Period::broken).sum()).isEqualTo(3);
    assertThat(months.stream().mapToLong(PromiseFigures.Period::approved).sum()).isEqualTo(2);
    assertThat(months.stream().mapToLong(PromiseFigures.Period::completed).sum()).isEqualTo(1);
    assertThat(months.stream().mapToLong(PromiseFigures.Period::defaulted).sum()).isEqualTo(1);
    assertThat(months).anySatisfy(period -> assertThat(period.recovered().amount()).isPositive());
    // Each dated on its day: the first promises were made on weekday 1, a Tuesday.
    assertThat(promiseFigures.behind(monday, last, collector, 500))
        .extracting(FigureItem::note)
        .contains("Promise for " + monday.plusDays(1 + 3) + " broken")
        .anySatisfy(
            note ->
                assertThat(note).startsWith("Instalment plan approved on " + monday.plusDays(4)));

    // The collector's line: cases worked, calls made, promises obtained and kept, money collected,
    // cases closed.
    CollectorFigures.Line line =
        collectorFigures.lines(monday, last, DKK, collector).stream()
            .filter(l -> collector.equals(l.collector()))
            .findFirst()
            .orElseThrow();
    assertThat(line.casesWorked()).isEqualTo(16);
    assertThat(line.contactsMade()).isEqualTo(16);
    assertThat(line.promisesObtained()).isEqualTo(8);
    assertThat(line.promisesKept()).isEqualTo(5);
    assertThat(line.collected().amount()).isPositive();
    assertThat(line.medianDaysToClose()).isPresent();

    // Disputes: four reasons; pricing upheld and goods or service rejected on weekday 8 (day 10),
    // not received rejected on weekday 15 (day 21), already paid still open.
    Map<DisputeReason, DisputeFigures.Reason> reasons = new HashMap<>();
    disputeFigures.byReason(monday, last).forEach(r -> reasons.put(r.reason(), r));
    assertThat(reasons.get(DisputeReason.PRICING).resolved()).isPositive();
    assertThat(disputeFigures.behind(monday, last, DisputeReason.PRICING, collector, 500))
        .extracting(FigureItem::note)
        .containsExactly("Upheld on " + monday.plusDays(10) + " after 7 days");
    assertThat(disputeFigures.behind(monday, last, DisputeReason.GOODS_SERVICE, collector, 500))
        .extracting(FigureItem::note)
        .containsExactly("Rejected on " + monday.plusDays(10) + " after 7 days");
    assertThat(disputeFigures.behind(monday, last, DisputeReason.NOT_RECEIVED, collector, 500))
        .extracting(FigureItem::note)
        .containsExactly("Rejected on " + monday.plusDays(21) + " after 18 days");
    assertThat(disputeFigures.behind(monday, last, DisputeReason.ALREADY_PAID, collector, 500))
        .hasSize(1);
  }
}
