package app.courtesy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.courtesy.arrangement.Arrangement;
import app.courtesy.arrangement.ArrangementKind;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.ArrangementStatus;
import app.courtesy.arrangement.Frequency;
import app.courtesy.arrangement.Proposal;
import app.courtesy.collection.CallOutcome;
import app.courtesy.collection.CallRecord;
import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.collection.Dispute;
import app.courtesy.collection.DisputeReason;
import app.courtesy.collection.DisputeTerms;
import app.courtesy.collection.PromiseTerms;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.security.Role;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestPeople;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Promises, arrangements, collectors and disputes, as a diary of two collectors' three weeks on a
 * small book in Norwegian kroner (a currency no other test uses). Each morning the cases are
 * reviewed and the day is run, as the timers do; the work of the day follows. A collector's figures
 * are checked exactly; the team's include the other tests' cases that the reviews touch, so they
 * are checked as at least the two collectors'.
 */
@ExtendWith(ArquillianExtension.class)
class PeopleFiguresIT {

  private static final Currency NOK = Currency.getInstance("NOK");

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private TestPeople people;
  @Inject private CaseReview review;
  @Inject private CaseService cases;
  @Inject private ArrangementService arrangements;
  @Inject private PromiseFigures promiseFigures;
  @Inject private CollectorFigures collectorFigures;
  @Inject private DisputeFigures disputeFigures;

  private static Money nok(String amount) {
    return Money.of(amount, "NOK");
  }

  @Test
  void twoCollectorsThreeWeeks() {
    LocalDate monday = outbox.freshMonday();
    String alice = people.collectorOfOwnCustomers();
    String bob = people.collectorOfOwnCustomers();
    String approver = people.user(Role.APPROVER);
    ledger.approvalLimit(approver, "NOK", "10000.00");
    Map<DisputeReason, Long> openBefore = openNow(monday);

    // Alice's customers: two promise, one disputes two invoices.
    Customer fjord = customer("Fjord Fisk AS", alice);
    Invoice fjordInvoice = ledger.invoice(fjord, monday.minusDays(20), "1000.00");
    Customer granitt = customer("Granitt Bygg AS", alice);
    Invoice granittInvoice = ledger.invoice(granitt, monday.minusDays(20), "600.00");
    Customer lofoten = customer("Lofoten Lys AS", alice);
    Invoice lofotenRejected = ledger.invoice(lofoten, monday.minusDays(20), "200.00");
    Invoice lofotenUpheld = ledger.invoice(lofoten, monday.minusDays(20), "300.00");
    // Bob's: two on instalment plans, one disputes two invoices.
    Customer bergen = customer("Bergen Bakeri AS", bob);
    Invoice bergenInvoice = ledger.invoice(bergen, monday.minusDays(20), "900.00");
    Customer trondheim = customer("Trondheim Tre AS", bob);
    Invoice trondheimInvoice = ledger.invoice(trondheim, monday.minusDays(20), "600.00");
    Customer stavanger = customer("Stavanger Stål AS", bob);
    Invoice stavangerRejected = ledger.invoice(stavanger, monday.minusDays(20), "100.00");
    Invoice stavangerOpen = ledger.invoice(stavanger, monday.minusDays(20), "150.00");

    Map<Integer, Runnable> diary = new HashMap<>();
    Map<Invoice, Long> disputes = new HashMap<>();
    // Monday: every case opens. Alice calls Fjord (400 promised by Wednesday) and Granitt (300 by
    // Tuesday) and records Lofoten's pricing disputes; Bob calls Bergen, proposes both plans
    // (weekly from Tuesday), the approver approves them, and Bob records Stavanger's first dispute.
    diary.put(
        0,
        () -> {
          call(fjord, alice, promise("400.00", monday.plusDays(2)));
          call(granitt, alice, promise("300.00", monday.plusDays(1)));
          disputes.put(lofotenRejected, dispute(alice, DisputeReason.PRICING, lofotenRejected));
          disputes.put(lofotenUpheld, dispute(alice, DisputeReason.PRICING, lofotenUpheld));
          call(bergen, bob, null);
          approve(plan(bergenInvoice, 3, monday.plusDays(1), bob), approver);
          approve(plan(trondheimInvoice, 2, monday.plusDays(1), bob), approver);
          disputes.put(
              stavangerRejected, dispute(bob, DisputeReason.NOT_RECEIVED, stavangerRejected));
        });
    // Tuesday: Fjord pays 400, Bergen its first 300; Stavanger disputes its other invoice.
    diary.put(
        1,
        () -> {
          ledger.pay(fjordInvoice, "400.00", monday.plusDays(1));
          ledger.pay(bergenInvoice, "300.00", monday.plusDays(1));
          dispute(bob, DisputeReason.NOT_RECEIVED, stavangerOpen);
        });
    // Wednesday: Fjord's promise is kept this morning; Bob rejects Stavanger's first dispute.
    diary.put(2, () -> resolve(stavangerRejected, disputes, Dispute.Resolution.REJECTED, bob));
    // Thursday: Alice rejects one of Lofoten's disputes.
    diary.put(3, () -> resolve(lofotenRejected, disputes, Dispute.Resolution.REJECTED, alice));
    // Friday: Fjord pays the rest (its case closes the next morning, day 5).
    diary.put(4, () -> ledger.pay(fjordInvoice, "600.00", monday.plusDays(4)));
    // Day 8: Bergen's second instalment. Day 9: Granitt pays it all (its promise long broken).
    diary.put(8, () -> ledger.pay(bergenInvoice, "300.00", monday.plusDays(8)));
    diary.put(9, () -> ledger.pay(granittInvoice, "600.00", monday.plusDays(9)));
    // Day 10: Alice upholds Lofoten's other dispute.
    diary.put(10, () -> resolve(lofotenUpheld, disputes, Dispute.Resolution.UPHELD, alice));
    // Day 15: Bergen's last instalment (the plan completes and its case closes the next morning).
    diary.put(15, () -> ledger.pay(bergenInvoice, "300.00", monday.plusDays(15)));
    // Trondheim never pays: one note, then its plan defaults.

    for (int day = 0; day <= 17; day++) {
      LocalDate date = monday.plusDays(day);
      // The morning: the day before is written, the cases are reviewed.
      runs.run(date, "test");
      Runnable work = diary.getOrDefault(day, () -> {});
      runs.day(
          date,
          () -> {
            review.review(date);
            work.run();
          });
    }
    LocalDate last = monday.plusDays(16);

    // Collectors, by name, each line their own: Alice 1,000 + 600 collected on her cases, Bob 900.
    List<CollectorFigures.Line> lines = collectorFigures.lines(monday, last, NOK, null);
    CollectorFigures.Line aliceLine = line(lines, alice);
    assertThat(aliceLine.casesWorked()).isEqualTo(3);
    assertThat(aliceLine.contactsMade()).isEqualTo(2);
    assertThat(aliceLine.promisesObtained()).isEqualTo(2);
    assertThat(aliceLine.promisesKept()).isEqualTo(1);
    assertThat(aliceLine.promisesBroken()).isEqualTo(1);
    assertThat(aliceLine.promiseKeptRate()).contains(new BigDecimal("50.0"));
    assertThat(aliceLine.collected()).isEqualTo(nok("1600.00"));
    // Fjord closed on day 5, Granitt on day 10: the median of 5 and 10.
    assertThat(aliceLine.casesClosed()).isEqualTo(2);
    assertThat(aliceLine.medianDaysToClose()).contains(new BigDecimal("7.5"));
    CollectorFigures.Line bobLine = line(lines, bob);
    assertThat(bobLine.casesWorked()).isEqualTo(3);
    assertThat(bobLine.contactsMade()).isEqualTo(1);
    assertThat(bobLine.promisesObtained()).isZero();
    assertThat(bobLine.promiseKeptRate()).isEmpty();
    assertThat(bobLine.collected()).isEqualTo(nok("900.00"));
    // Bergen closed on day 16.
    assertThat(bobLine.medianDaysToClose()).contains(new BigDecimal("16.0"));
    // Never ranked: by name, the team last.
    assertThat(lines)
        .extracting(CollectorFigures.Line::name)
        .last()
        .isEqualTo(CollectorFigures.TEAM);
    List<String> names =
        lines.stream().limit(lines.size() - 1).map(CollectorFigures.Line::name).toList();
    assertThat(names).isSorted();
    CollectorFigures.Line team = lines.get(lines.size() - 1);
    assertThat(team.collector()).isNull();
    assertThat(team.casesWorked()).isGreaterThanOrEqualTo(6);
    assertThat(team.contactsMade()).isGreaterThanOrEqualTo(3);
    assertThat(team.collected().amount()).isGreaterThanOrEqualTo(new BigDecimal("2500.00"));
    assertThat(team.casesClosed()).isGreaterThanOrEqualTo(3);
    // A collector's view has their own line only.
    assertThat(collectorFigures.lines(monday, last, NOK, bob)).containsExactly(bobLine);
    // An empty period: nothing closed, so no median.
    assertThat(
            line(collectorFigures.lines(monday.minusDays(7), monday.minusDays(1), NOK, null), alice)
                .medianDaysToClose())
        .isEmpty();

    // Behind Alice's line: her cases, the most collected first.
    assertThat(collectorFigures.behind(monday, last, NOK, alice, 500))
        .extracting(FigureItem::customer, FigureItem::amount, FigureItem::note)
        .containsExactly(
            tuple(
                "Fjord Fisk AS",
                nok("1000.00"),
                "Closed on " + monday.plusDays(5) + " after 5 days"),
            tuple(
                "Granitt Bygg AS",
                nok("600.00"),
                "Closed on " + monday.plusDays(10) + " after 10 days"),
            tuple("Lofoten Lys AS", nok("0.00"), "Open since " + monday));

    // Promises and arrangements by week, Alice's and Bob's own.
    List<PromiseFigures.Period> aliceWeeks =
        promiseFigures.byPeriod(monday, last, Granularity.WEEK, NOK, alice);
    assertThat(aliceWeeks)
        .extracting(PromiseFigures.Period::from)
        .containsExactly(monday, monday.plusDays(7), monday.plusDays(14));
    // Kept on Wednesday; Granitt's broken the morning after its date plus grace.
    assertThat(aliceWeeks.stream().mapToLong(PromiseFigures.Period::kept).sum()).isEqualTo(1);
    assertThat(aliceWeeks.get(0).kept()).isEqualTo(1);
    assertThat(aliceWeeks.stream().mapToLong(PromiseFigures.Period::broken).sum()).isEqualTo(1);
    assertThat(aliceWeeks.get(2).keptRate()).isEmpty();
    List<PromiseFigures.Period> bobWeeks =
        promiseFigures.byPeriod(monday, last, Granularity.WEEK, NOK, bob);
    assertThat(bobWeeks).extracting(PromiseFigures.Period::approved).containsExactly(2L, 0L, 0L);
    assertThat(bobWeeks).extracting(PromiseFigures.Period::completed).containsExactly(0L, 0L, 1L);
    assertThat(bobWeeks.stream().mapToLong(PromiseFigures.Period::defaulted).sum()).isEqualTo(1);
    assertThat(bobWeeks)
        .extracting(PromiseFigures.Period::recovered)
        .containsExactly(nok("300.00"), nok("300.00"), nok("300.00"));
    assertThat(arrangements.ofCustomer(trondheim.getId()))
        .extracting(Arrangement::getStatus)
        .containsExactly(ArrangementStatus.DEFAULTED);
    assertThat(promiseFigures.byPeriod(monday, last, Granularity.WEEK, NOK, alice))
        .extracting(PromiseFigures.Period::approved)
        .containsExactly(0L, 0L, 0L);

    assertThat(promiseFigures.behind(monday, last, bob, 500))
        .extracting(FigureItem::customer, FigureItem::note)
        .containsExactly(
            tuple(
                "Bergen Bakeri AS",
                "Instalment plan approved on " + monday + ", completed on " + monday.plusDays(16)),
            tuple(
                "Trondheim Tre AS",
                "Instalment plan approved on "
                    + monday
                    + ", defaulted on "
                    + arrangements.ofCustomer(trondheim.getId()).get(0).getClosedOn()));
    assertThat(promiseFigures.behind(monday, last, alice, 500))
        .extracting(FigureItem::customer, FigureItem::note)
        .containsExactly(
            tuple("Fjord Fisk AS", "Promise for " + monday.plusDays(2) + " kept"),
            tuple("Granitt Bygg AS", "Promise for " + monday.plusDays(1) + " broken"));

    // Disputes by reason: pricing resolved after 3 and 10 days, not received after 2, one open.
    Map<DisputeReason, DisputeFigures.Reason> reasons = new EnumMap<>(DisputeReason.class);
    disputeFigures.byReason(monday, last).forEach(r -> reasons.put(r.reason(), r));
    DisputeFigures.Reason pricing = reasons.get(DisputeReason.PRICING);
    assertThat(pricing.opened()).isEqualTo(2);
    assertThat(pricing.resolved()).isEqualTo(2);
    assertThat(pricing.medianDays()).contains(new BigDecimal("6.5"));
    assertThat(pricing.meanDays()).contains(new BigDecimal("6.5"));
    assertThat(pricing.openNow()).isEqualTo(openBefore.get(DisputeReason.PRICING));
    DisputeFigures.Reason notReceived = reasons.get(DisputeReason.NOT_RECEIVED);
    assertThat(notReceived.opened()).isEqualTo(2);
    assertThat(notReceived.resolved()).isEqualTo(1);
    assertThat(notReceived.medianDays()).contains(new BigDecimal("2.0"));
    assertThat(notReceived.openNow()).isEqualTo(openBefore.get(DisputeReason.NOT_RECEIVED) + 1);
    assertThat(disputeFigures.behind(monday, last, DisputeReason.PRICING, alice, 500))
        .extracting(FigureItem::reference, FigureItem::note)
        .containsExactlyInAnyOrder(
            tuple(
                lofotenRejected.getNumber(), "Rejected on " + monday.plusDays(3) + " after 3 days"),
            tuple(
                lofotenUpheld.getNumber(), "Upheld on " + monday.plusDays(10) + " after 10 days"));
    assertThat(disputeFigures.behind(monday, last, DisputeReason.PRICING, bob, 500)).isEmpty();
    DisputeFigures.Reason other = reasons.get(DisputeReason.GOODS_SERVICE);
    assertThat(other.opened()).isZero();
    assertThat(other.medianDays()).isEmpty();
    assertThat(other.meanDays()).isEmpty();
  }

  private Customer customer(String name, String collector) {
    Customer customer = ledger.customer(name, "NOK");
    ledger.assign(customer, collector);
    return customer;
  }

  private CollectionCase caseOf(Customer customer) {
    return cases.findOpen(customer).orElseThrow();
  }

  private void call(Customer customer, String collector, PromiseTerms promise) {
    CollectionCase opened = caseOf(customer);
    cases.logCall(
        opened.getId(),
        opened.getVersion(),
        new CallRecord(Channel.PHONE, CallOutcome.REACHED, null),
        promise,
        null,
        collector);
  }

  private static PromiseTerms promise(String amount, LocalDate date) {
    return new PromiseTerms(new BigDecimal(amount), date, null, null);
  }

  /** Disputes one invoice on its customer's case; the dispute's id. */
  private long dispute(String collector, DisputeReason reason, Invoice invoice) {
    CollectionCase opened = caseOf(invoice.getCustomer());
    return cases
        .openDispute(
            opened.getId(),
            opened.getVersion(),
            new DisputeTerms(List.of(invoice.getNumber()), reason, null),
            collector)
        .get(0)
        .getId();
  }

  private void resolve(
      Invoice invoice, Map<Invoice, Long> disputes, Dispute.Resolution how, String collector) {
    Dispute current =
        cases.disputes(invoice.getCustomer()).stream()
            .filter(d -> d.getId().equals(disputes.get(invoice)))
            .findFirst()
            .orElseThrow();
    cases.resolveDispute(current.getId(), current.getVersion(), how, "Looked into it", collector);
  }

  /** A weekly plan proposed by {@code collector}. */
  private Arrangement plan(Invoice invoice, int count, LocalDate first, String collector) {
    return arrangements.propose(
        caseOf(invoice.getCustomer()).getId(),
        new Proposal(
            ArrangementKind.INSTALMENTS,
            List.of(invoice.getNumber()),
            "Cash flow is tight this month",
            count,
            first,
            Frequency.WEEKLY,
            null,
            null,
            null,
            null),
        collector);
  }

  private void approve(Arrangement proposed, String approver) {
    arrangements.approve(proposed.getId(), proposed.getVersion(), null, approver);
  }

  private Map<DisputeReason, Long> openNow(LocalDate date) {
    Map<DisputeReason, Long> open = new EnumMap<>(DisputeReason.class);
    disputeFigures.byReason(date, date).forEach(r -> open.put(r.reason(), r.openNow()));
    return open;
  }

  private static CollectorFigures.Line line(List<CollectorFigures.Line> lines, String collector) {
    return lines.stream().filter(l -> collector.equals(l.collector())).findFirst().orElseThrow();
  }
}
