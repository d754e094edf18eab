package app.courtesy.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.dispatch.Dispatcher;
import app.courtesy.invoice.Invoice;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.shared.ClockProducer;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A quarter of days on a generated book, as a diary: fourteen customers in Polish złoty (a currency
 * no other test uses, so the totals are this book's own), each paying a number of days late of
 * their own, with a year of paid invoices behind most of them and invoices issued and paid on
 * random days through the quarter (some in two parts, some never). Every morning the daily run runs
 * and the reminders go out at ten; during the day the invoices are issued and the payments booked.
 * At the end, every snapshot the runs wrote is checked against the figures this test reckons from
 * the book it generated: each day's receivables, the weeks' indices, what the reminders sent did
 * within 7 and 14 days, the cash-in forecasts made every four weeks, and how much of the first
 * forecast came true.
 */
@ExtendWith(ArquillianExtension.class)
class QuarterDiaryIT {

  private static final Currency PLN = Currency.getInstance("PLN");
  private static final int QUARTER = CashForecast.WEEKS * 7;
  private static final int[] TERMS = {14, 30, 45, 60};

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private Dispatcher dispatcher;
  @Inject private ReminderPolicyService policies;
  @Inject private ClockProducer clocks;
  @Inject private Trends trends;
  @Inject private ReminderEffects effects;
  @Inject private CashForecasts forecasts;

  private final TestCourier email = new TestCourier(Channel.EMAIL);

  /** An invoice of the generated book and the payments it gets, by date. */
  private record Bill(
      int customer,
      LocalDate issued,
      LocalDate due,
      BigDecimal amount,
      NavigableMap<LocalDate, BigDecimal> payments) {

    BigDecimal openAt(LocalDate day) {
      return amount.subtract(
          payments.headMap(day, true).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    boolean issuedBy(LocalDate day) {
      return !issued.isAfter(day);
    }
  }

  /** The book: its customers' habits and every invoice with its payments, generated from a seed. */
  private static final class Book {
    final LocalDate start;
    final int[] daysLate;
    final List<Bill> bills = new ArrayList<>();
    private final Random random = new Random(20_301);

    Book(LocalDate start, int customers, int withHistory) {
      this.start = start;
      daysLate = random.ints(customers, -4, 31).toArray();
      for (int c = 0; c < customers; c++) {
        if (c < withHistory) {
          // Paid invoices of the year before, each exactly as late as the customer is.
          for (int n = 0; n < 4; n++) {
            LocalDate paid = start.minusDays(2 + random.nextInt(300));
            LocalDate due = paid.minusDays(daysLate[c]);
            Bill bill = bill(c, due.minusDays(term()), due);
            bill.payments().put(paid, bill.amount());
          }
        }
        // Open when the quarter starts: some long overdue, some not due yet.
        for (int n = 0; n < 1 + random.nextInt(3); n++) {
          LocalDate due = start.plusDays(40 - random.nextInt(160));
          int term = term();
          LocalDate issued = due.minusDays(term);
          if (!issued.isBefore(start)) {
            issued = start.minusDays(1 + random.nextInt(10));
          }
          pay(bill(c, issued, due));
        }
      }
      for (LocalDate day = start; day.isBefore(start.plusDays(QUARTER)); day = day.plusDays(1)) {
        for (int c = 0; c < customers; c++) {
          if (random.nextInt(100) < 12) {
            pay(bill(c, day, day.plusDays(term())));
          }
        }
      }
    }

    private int term() {
      return TERMS[random.nextInt(TERMS.length)];
    }

    private Bill bill(int customer, LocalDate issued, LocalDate due) {
      Bill bill =
          new Bill(
              customer,
              issued,
              due,
              BigDecimal.valueOf(5_000 + random.nextInt(495_000), 2),
              new TreeMap<>());
      bills.add(bill);
      return bill;
    }

    /** Most are paid in full about as late as their customer pays, some in two parts, some not. */
    private void pay(Bill bill) {
      int draw = random.nextInt(100);
      LocalDate usual = bill.due().plusDays(daysLate[bill.customer()]);
      if (draw < 65) {
        payOn(bill, usual.plusDays(random.nextInt(11) - 2), bill.amount());
      } else if (draw < 80) {
        BigDecimal part =
            bill.amount().multiply(new BigDecimal("0.4")).setScale(2, RoundingMode.HALF_UP);
        payOn(bill, usual.minusDays(3), part);
        payOn(bill, usual.plusDays(12), bill.amount().subtract(part));
      }
    }

    private void payOn(Bill bill, LocalDate day, BigDecimal amount) {
      bill.payments()
          .merge(day.isBefore(bill.issued()) ? bill.issued() : day, amount, BigDecimal::add);
    }

    Open open(LocalDate day) {
      return new Open(
          bills.stream().filter(b -> b.issuedBy(day) && b.openAt(day).signum() > 0).toList(), day);
    }

    BigDecimal received(LocalDate from, LocalDate to) {
      return bills.stream()
          .flatMap(b -> b.payments().subMap(from, true, to, true).values().stream())
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal issued(LocalDate from, LocalDate to) {
      return bills.stream()
          .filter(b -> !b.issued().isBefore(from) && !b.issued().isAfter(to))
          .map(Bill::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The average days late over the invoices paid in full by {@code asOf}, the last payment within
     * the year before, per customer ({@code null} for all customers: the currency's average).
     */
    Integer averageDaysLate(Integer customer, LocalDate asOf) {
      long days = 0;
      int paid = 0;
      for (Bill bill : bills) {
        if (customer != null && bill.customer() != customer) {
          continue;
        }
        NavigableMap<LocalDate, BigDecimal> byThen = bill.payments().headMap(asOf, true);
        if (byThen.isEmpty()
            || bill.openAt(asOf).signum() > 0
            || byThen.lastKey().isBefore(asOf.plusDays(1).minusDays(365))) {
          continue;
        }
        days += ChronoUnit.DAYS.between(bill.due(), byThen.lastKey());
        paid++;
      }
      return paid == 0
          ? null
          : BigDecimal.valueOf(days)
              .divide(BigDecimal.valueOf(paid), 0, RoundingMode.HALF_UP)
              .intValue();
    }

    /** The forecast made on {@code made}: amounts and items in weeks 1 to 14. */
    List<Money> forecastAmounts(LocalDate made, List<Integer> items) {
      LocalDate asOf = made.minusDays(1);
      Integer everyone = averageDaysLate(null, asOf);
      Map<Integer, Integer> averages = new HashMap<>();
      List<BigDecimal> amounts =
          new ArrayList<>(Collections.nCopies(CashForecastWeeks.LATER, BigDecimal.ZERO));
      items.addAll(Collections.nCopies(CashForecastWeeks.LATER, 0));
      for (Bill bill : open(asOf).bills()) {
        Integer late = averages.computeIfAbsent(bill.customer(), c -> averageDaysLate(c, asOf));
        int days = late != null ? late : everyone != null ? everyone : 0;
        long ahead = ChronoUnit.DAYS.between(made, bill.due().plusDays(days));
        int week =
            (int) Math.min(CashForecastWeeks.LATER, Math.max(1, Math.floorDiv(ahead, 7) + 1));
        amounts.set(week - 1, amounts.get(week - 1).add(bill.openAt(asOf)));
        items.set(week - 1, items.get(week - 1) + 1);
      }
      return amounts.stream().map(a -> new Money(a, PLN)).toList();
    }
  }

  /** The open invoices at the end of a day. */
  private record Open(List<Bill> bills, LocalDate day) {

    Money sum(Predicate<Bill> which) {
      return new Money(
          bills.stream()
              .filter(which)
              .map(b -> b.openAt(day))
              .reduce(BigDecimal.ZERO, BigDecimal::add),
          PLN);
    }

    /** Overdue between {@code from} and {@code to} days past due, both included. */
    Money overdue(int from, int to) {
      return sum(
          b -> {
            long past = ChronoUnit.DAYS.between(b.due(), day);
            return past >= from && past <= to;
          });
    }

    int count(Predicate<Bill> which) {
      return (int) bills.stream().filter(which).count();
    }
  }

  /** A day's figures as the trend shows them, to compare whole days. */
  private record DayFigures(
      LocalDate day,
      Money open,
      Money overdue,
      List<Money> aging,
      int openItems,
      int overdueItems,
      Money creditSales,
      Money cashReceived) {}

  @Test
  void aQuarterOfDaysOnAGeneratedBookWritesSnapshotsThatAddUp() {
    LocalDate start = outbox.freshMonday();
    LocalDate end = start.plusDays(QUARTER); // the morning after the quarter's last day
    Book book = new Book(start, 14, 11);
    long policy =
        policies
            .create("Quarter diary " + System.nanoTime(), policies.defaultPolicy().getId(), "test")
            .getId();
    List<Customer> customers = new ArrayList<>();
    for (int c = 0; c < book.daysLate.length; c++) {
      Customer customer =
          ledger.customer(
              "Hurtownia %02d sp. z o.o.".formatted(c + 1), "PLN", "PL", "Europe/Warsaw", "en-GB");
      ledger.contact(customer, "ap%02d@hurtownia.example".formatted(c + 1), false);
      ledger.policy(customer, policy);
      customers.add(customer);
    }
    Map<Bill, Invoice> invoices = new IdentityHashMap<>();
    NavigableMap<LocalDate, List<Runnable>> diary = new TreeMap<>();
    for (Bill bill : book.bills) {
      Runnable issue =
          () ->
              invoices.put(
                  bill,
                  ledger.invoice(
                      customers.get(bill.customer()),
                      bill.issued(),
                      bill.due(),
                      bill.amount().toPlainString()));
      diary
          .computeIfAbsent(
              bill.issued().isBefore(start) ? start.minusDays(1) : bill.issued(),
              d -> new ArrayList<>())
          .add(issue);
      bill.payments()
          .forEach(
              (on, amount) ->
                  diary
                      .computeIfAbsent(
                          on.isBefore(start) ? start.minusDays(1) : on, d -> new ArrayList<>())
                      .add(() -> ledger.pay(invoices.get(bill), amount.toPlainString(), on)));
    }
    // What was before the quarter, then each day: the run at seven, sending at ten, the day's
    // invoices and payments booked.
    diary.headMap(start, false).values().forEach(day -> day.forEach(Runnable::run));
    Map<LocalDate, CashForecast> forecastsMade = new TreeMap<>();
    for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
      runs.run(day, "test");
      dispatcher.dispatch(
          Clock.fixed(
              day.atTime(LocalTime.of(10, 0)).atZone(clocks.zone()).toInstant(), clocks.zone()),
          Map.of(Channel.EMAIL, email),
          50,
          10_000);
      if (ChronoUnit.DAYS.between(start, day) % 28 == 0) {
        forecastsMade.put(day, forecasts.latest(PLN).orElseThrow());
      }
      diary.getOrDefault(day, List.of()).forEach(Runnable::run);
    }

    // Each day of the quarter as the book says it stood at its end.
    LocalDate last = end.minusDays(1);
    List<DayFigures> expectedDays = new ArrayList<>();
    for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
      Open open = book.open(day);
      LocalDate d = day;
      expectedDays.add(
          new DayFigures(
              day,
              open.sum(b -> true),
              open.sum(b -> b.due().isBefore(d)),
              List.of(
                  open.overdue(1, 30),
                  open.overdue(31, 60),
                  open.overdue(61, 90),
                  open.overdue(91, Integer.MAX_VALUE)),
              open.count(b -> true),
              open.count(b -> b.due().isBefore(d)),
              new Money(book.issued(day, day), PLN),
              new Money(book.received(day, day), PLN)));
    }
    assertThat(
            trends.trend(PLN, start, last, Granularity.DAY).stream()
                .map(
                    p ->
                        new DayFigures(
                            p.asOf(),
                            p.open(),
                            p.overdue(),
                            p.aging(),
                            p.openItems(),
                            p.overdueItems(),
                            p.creditSales(),
                            p.cashReceived()))
                .toList())
        .containsExactlyElementsOf(expectedDays);
    // The book has a bit of everything: every aging bucket held something on some day.
    IntStream.range(0, 4)
        .forEach(
            bucket -> assertThat(expectedDays).anyMatch(f -> f.aging().get(bucket).isPositive()));

    // Each week's indices, from the days the book says.
    List<Trends.Period> weeks = trends.trend(PLN, start, last, Granularity.WEEK);
    assertThat(weeks).hasSize(CashForecast.WEEKS);
    for (int w = 0; w < weeks.size(); w++) {
      LocalDate first = start.plusWeeks(w);
      LocalDate sunday = first.plusDays(6);
      Money before = book.open(first.minusDays(1)).sum(b -> true);
      Money sales = new Money(book.issued(first, sunday), PLN);
      Open atEnd = book.open(sunday);
      Money current = atEnd.sum(b -> !b.due().isBefore(sunday));
      Trends.Period week = weeks.get(w);
      assertThat(week.from()).isEqualTo(first);
      assertThat(week.openBefore()).contains(before);
      assertThat(week.creditSales()).isEqualTo(sales);
      assertThat(week.cashReceived()).isEqualTo(new Money(book.received(first, sunday), PLN));
      assertThat(week.current()).isEqualTo(current);
      assertThat(week.bestPossibleDso())
          .isEqualTo(CollectionsFigures.bestPossibleDso(current, sales, 7));
      assertThat(week.collectionEffectiveness())
          .isEqualTo(
              CollectionsFigures.collectionEffectiveness(
                  before, sales, atEnd.sum(b -> true), current));
    }

    // What the reminders sent up to 15 days before the last run did, by step: each listed
    // invoice's open part the day before it was sent, and what of it was settled within 7 and 14
    // days.
    LocalDate lastSent = end.minusDays(ReminderEffectDays.WINDOW_DAYS + 1);
    Map<Integer, ReminderEffects.Tally> expectedEffects = new TreeMap<>();
    Map<String, Bill> byNumber = new HashMap<>();
    invoices.forEach((bill, invoice) -> byNumber.put(invoice.getNumber(), bill));
    for (Customer customer : customers) {
      for (TestOutbox.Sent sent : outbox.sentReminders(customer)) {
        LocalDate on = sent.sentAt().atZone(clocks.zone()).toLocalDate();
        if (on.isBefore(start) || on.isAfter(lastSent)) {
          continue;
        }
        for (String number : sent.invoices()) {
          Bill bill = byNumber.get(number);
          BigDecimal reminded = bill.openAt(on.minusDays(1));
          if (reminded.signum() <= 0) {
            continue;
          }
          BigDecimal settled7 = reminded.subtract(bill.openAt(on.plusDays(7)).max(BigDecimal.ZERO));
          BigDecimal settled14 =
              reminded.subtract(bill.openAt(on.plusDays(14)).max(BigDecimal.ZERO));
          expectedEffects.merge(
              sent.step(),
              new ReminderEffects.Tally(
                  1,
                  new Money(reminded, PLN),
                  settled7.compareTo(reminded) >= 0 ? 1 : 0,
                  new Money(settled7, PLN),
                  settled14.compareTo(reminded) >= 0 ? 1 : 0,
                  new Money(settled14, PLN)),
              ReminderEffects.Tally::plus);
        }
      }
    }
    Map<Integer, ReminderEffects.Tally> writtenEffects = new TreeMap<>();
    for (ReminderEffects.StepEffect step : effects.effects(PLN, start, lastSent)) {
      assertThat(step.policyId()).isEqualTo(policy);
      writtenEffects.merge(step.step(), step.all(), ReminderEffects.Tally::plus);
    }
    assertThat(expectedEffects).hasSizeGreaterThan(1);
    assertThat(writtenEffects).isEqualTo(expectedEffects);

    // The forecasts made every four weeks, each from the book as it stood the day before.
    assertThat(forecastsMade).hasSize(4);
    forecastsMade.forEach(
        (made, forecast) -> {
          List<Integer> items = new ArrayList<>();
          List<Money> amounts = book.forecastAmounts(made, items);
          assertThat(forecast.madeOn()).isEqualTo(made);
          assertThat(forecast.weeks())
              .extracting(CashForecast.Week::amount)
              .as("forecast made on %s", made)
              .containsExactlyElementsOf(amounts.subList(0, CashForecast.WEEKS));
          assertThat(forecast.weeks())
              .extracting(CashForecast.Week::items)
              .containsExactlyElementsOf(items.subList(0, CashForecast.WEEKS));
          assertThat(forecast.later().amount()).isEqualTo(amounts.get(CashForecast.WEEKS));
        });

    // The morning after the quarter: how much of the first forecast came true, week by week.
    List<Money> firstForecast =
        book.forecastAmounts(start, new ArrayList<>()).subList(0, CashForecast.WEEKS);
    List<Money> received =
        IntStream.range(0, CashForecast.WEEKS)
            .mapToObj(
                w ->
                    new Money(
                        book.received(start.plusWeeks(w), start.plusWeeks(w).plusDays(6)), PLN))
            .toList();
    assertThat(forecasts.latest(PLN).orElseThrow().accuracy())
        .isPresent()
        .isEqualTo(CollectionsFigures.forecastAccuracy(firstForecast, received));
  }
}
