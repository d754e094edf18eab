package app.courtesy.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.dispatch.Dispatcher;
import app.courtesy.dunning.DunningRuns;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoicePart;
import app.courtesy.payment.PaymentData;
import app.courtesy.payment.PaymentService;
import app.courtesy.reminder.PolicyData;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderStep;
import app.courtesy.reminder.Tone;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestRuns;
import app.courtesy.testing.Transactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Late-payment charges as a diary: a policy charges, invoices fall late and are part paid, dates
 * are run (each on its own morning, see TestRuns), and the customer's charge documents say what was
 * charged for which days. Every test keeps to its own customers, policy and half-years of reference
 * rates.
 */
@ExtendWith(ArquillianExtension.class)
class ChargesIT {

  private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestOutbox outbox;
  @Inject private ReminderPolicyService policies;
  @Inject private ChargePolicies chargePolicies;
  @Inject private ReferenceRates rates;
  @Inject private Charges charges;
  @Inject private ChargeRun chargeRun;
  @Inject private Dispatcher dispatcher;
  @Inject private PaymentService payments;
  @Inject private UserTransaction transaction;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Test
  void euInterestOver45DaysWithAPartPaymentOnDay20IsTwoSegmentsToTheCentAndFortyEurosOnce() {
    LocalDate due = weekdayAfter(outbox.freshMonday().plusDays(3), 45);
    euRate(due, "2.15");
    euRate(due.plusDays(60), "2.15");
    long policy =
        policy(
            List.of(new ReminderStep(45, Channel.EMAIL, Tone.FIRM)),
            7,
            new ChargeTerms(InterestBasis.EU_DIRECTIVE, null, null, true, true, List.of()));
    Customer customer = customer("EUR", policy);
    Invoice invoice = ledger.invoice(customer, due, "10000.00");
    ledger.pay(invoice, "4000.00", due.plusDays(20));

    runs.run(due.plusDays(45), "test");

    ChargeView document = only(customer);
    assertThat(document.date()).isEqualTo(due.plusDays(45));
    assertThat(document.lines())
        .extracting(
            ChargeView.Line::kind,
            ChargeView.Line::invoice,
            ChargeView.Line::from,
            ChargeView.Line::to,
            ChargeView.Line::days,
            ChargeView.Line::base,
            ChargeView.Line::rate,
            ChargeView.Line::amount)
        .containsExactly(
            tuple(
                ChargeKind.INTEREST,
                invoice.getNumber(),
                due.plusDays(1),
                due.plusDays(19),
                19,
                Money.of("10000.00", "EUR"),
                new BigDecimal("10.1500"),
                Money.of("52.84", "EUR")),
            tuple(
                ChargeKind.INTEREST,
                invoice.getNumber(),
                due.plusDays(20),
                due.plusDays(45),
                26,
                Money.of("6000.00", "EUR"),
                new BigDecimal("10.1500"),
                Money.of("43.38", "EUR")),
            tuple(
                ChargeKind.COMPENSATION,
                invoice.getNumber(),
                null,
                null,
                null,
                Money.of("10000.00", "EUR"),
                null,
                Money.of("40.00", "EUR")));
    assertThat(document.total()).isEqualTo(Money.of("136.22", "EUR"));
    assertThat(document.status()).isEqualTo(ChargeStatus.OPEN);
    assertThat(document.reminder()).isNotNull();
    assertThat(charges.open(customer.getId())).containsExactly(Money.of("136.22", "EUR"));

    // the reminder states it, factually
    TestCourier email = new TestCourier(Channel.EMAIL);
    dispatcher.dispatch(
        Clock.fixed(
            due.plusDays(45).atTime(LocalTime.of(10, 0)).atZone(DUBLIN).toInstant(), DUBLIN),
        Map.of(Channel.EMAIL, email),
        50,
        10_000);
    assertThat(email.deliveredTo(customer.getId()))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.text())
                    .contains(
                        "Under the EU Late Payment Directive (2011/7/EU), statutory interest of"
                            + " €96.22 has accrued on the overdue amounts",
                        "a fixed compensation of €40.00 for recovery costs",
                        "Charges open in all: €136.22 (" + document.number() + ")"));

    // a week later the reminder repeats: seven more days of interest, no second compensation
    for (LocalDate day = due.plusDays(46); !day.isAfter(due.plusDays(52)); day = day.plusDays(1)) {
      runs.run(day, "test");
    }
    List<ChargeView> documents = charges.ofCustomer(customer.getId());
    assertThat(documents).hasSize(2);
    assertThat(documents.get(0).lines())
        .extracting(ChargeView.Line::kind, ChargeView.Line::from, ChargeView.Line::to)
        .containsExactly(tuple(ChargeKind.INTEREST, due.plusDays(46), due.plusDays(52)));
    assertThat(documents.get(0).total()).isEqualTo(Money.of("11.68", "EUR"));
  }

  @Test
  void theUkFixedSumIsFortySeventyOrAHundredPoundsByTheSizeOfTheDebt() {
    LocalDate due = weekdayAfter(outbox.freshMonday(), 7);
    ukRate(due, "4.00");
    long policy =
        policy(
            List.of(new ReminderStep(7, Channel.EMAIL, Tone.FIRM)),
            null,
            new ChargeTerms(InterestBasis.UK_ACT, null, null, true, true, List.of()));
    Customer customer = customer("GBP", policy);
    Invoice small = ledger.invoice(customer, due, "999.99");
    Invoice thousand = ledger.invoice(customer, due, "1000.00");
    Invoice almost = ledger.invoice(customer, due, "9999.99");
    Invoice large = ledger.invoice(customer, due, "10000.00");

    runs.run(due.plusDays(7), "test");

    ChargeView document = only(customer);
    assertThat(document.lines())
        .filteredOn(l -> l.kind() == ChargeKind.COMPENSATION)
        .extracting(ChargeView.Line::invoice, ChargeView.Line::amount)
        .containsExactlyInAnyOrder(
            tuple(small.getNumber(), Money.of("40.00", "GBP")),
            tuple(thousand.getNumber(), Money.of("70.00", "GBP")),
            tuple(almost.getNumber(), Money.of("70.00", "GBP")),
            tuple(large.getNumber(), Money.of("100.00", "GBP")));
    // base rate 4.00 + 8: 10,000.00 × 12 % × 7 / 365 = 23.01
    assertThat(document.lines())
        .filteredOn(l -> l.kind() == ChargeKind.INTEREST)
        .filteredOn(l -> l.invoice().equals(large.getNumber()))
        .extracting(ChargeView.Line::rate, ChargeView.Line::days, ChargeView.Line::amount)
        .containsExactly(tuple(new BigDecimal("12.0000"), 7, Money.of("23.01", "GBP")));
  }

  @Test
  void aFeePerStepIsChargedOncePerReminderHoweverOftenADateRuns() throws Exception {
    LocalDate monday = outbox.freshMonday();
    long policy =
        policy(
            List.of(
                new ReminderStep(7, Channel.EMAIL, Tone.FIRM),
                new ReminderStep(14, Channel.EMAIL, Tone.FINAL_COURTEOUS)),
            null,
            new ChargeTerms(
                InterestBasis.NONE,
                null,
                null,
                false,
                true,
                List.of(
                    new ChargeTerms.StepFee(1, "EUR", new BigDecimal("5.00")),
                    new ChargeTerms.StepFee(2, "EUR", new BigDecimal("7.50")))));
    Customer customer = customer("EUR", policy);
    ledger.invoice(customer, monday.minusDays(7), "300.00");
    ledger.invoice(customer, monday.minusDays(8), "200.00");

    DunningRuns.Outcome first = runs.run(monday, "test");
    DunningRuns.Outcome again = runs.run(monday, "test");
    ChargeRun.Charged charged = Transactions.in(transaction, () -> chargeRun.charge(monday));
    // overlapping: Tuesday finds the invoices at their first step already; a week on, the second
    runs.run(monday.plusDays(1), "test");
    runs.run(monday.plusDays(7), "test");
    runs.run(monday.plusDays(7), "test");

    assertThat(first.ranNow()).isTrue();
    assertThat(again.ranNow()).isFalse();
    assertThat(charged.documents()).isPositive();
    assertThat(charges.ofCustomer(customer.getId()))
        .extracting(ChargeView::date, d -> d.lines().size(), ChargeView::total)
        .containsExactly(
            tuple(monday.plusDays(7), 1, Money.of("7.50", "EUR")),
            tuple(monday, 1, Money.of("5.00", "EUR")));
    assertThat(charges.ofCustomer(customer.getId()))
        .flatExtracting(ChargeView::lines)
        .extracting(ChargeView.Line::kind, ChargeView.Line::step)
        .containsExactlyInAnyOrder(tuple(ChargeKind.FEE, 2), tuple(ChargeKind.FEE, 1));

    // and the database itself refuses a second fee for the same reminder
    String key =
        (String)
            em.createNativeQuery(
                    "select l.dedup_key from charge_line l join charge_document d"
                        + " on d.id = l.document_id where d.customer_id = ?1 and d.business_date"
                        + " = ?2")
                .setParameter(1, customer.getId())
                .setParameter(2, monday)
                .getSingleResult();
    assertThatThrownBy(
            () ->
                Transactions.in(
                    transaction,
                    () ->
                        em.createNativeQuery(
                                "insert into charge_line (id, document_id, kind, amount,"
                                    + " dedup_key) select 999999999, document_id, 'FEE', 5,"
                                    + " dedup_key from charge_line where dedup_key = ?1")
                            .setParameter(1, key)
                            .executeUpdate()))
        .isNotNull();
    assertThatThrownBy(
            () ->
                Transactions.in(
                    transaction,
                    () ->
                        em.createNativeQuery(
                                "insert into charge_document (id, number, customer_id, currency,"
                                    + " business_date, policy_id, total, settled, status,"
                                    + " version, created_at) values (999999999, 'CHG-X', ?1,"
                                    + " 'EUR', ?2, ?3, 0, 0, 'OPEN', 0, current_timestamp)")
                            .setParameter(1, customer.getId())
                            .setParameter(2, monday)
                            .setParameter(3, policy)
                            .executeUpdate()))
        .isNotNull();
  }

  @Test
  void interestIsNeverChargedTwiceForTheSameDaysOverSuccessiveRuns() {
    LocalDate monday = outbox.freshMonday();
    long policy =
        policy(
            List.of(
                new ReminderStep(7, Channel.EMAIL, Tone.FRIENDLY),
                new ReminderStep(14, Channel.EMAIL, Tone.FIRM),
                new ReminderStep(30, Channel.EMAIL, Tone.FINAL_COURTEOUS)),
            null,
            new ChargeTerms(
                InterestBasis.CONTRACTUAL, null, new BigDecimal("1"), false, true, List.of()));
    Customer customer = customer("EUR", policy);
    Invoice invoice = ledger.invoice(customer, monday, "1000.00");

    for (LocalDate day = monday; !day.isAfter(monday.plusDays(31)); day = day.plusDays(1)) {
      runs.run(day, "test");
      runs.run(day, "test");
    }

    List<ChargeView.Line> lines =
        charges.ofCustomer(customer.getId()).stream()
            .flatMap(d -> d.lines().stream())
            .sorted(java.util.Comparator.comparing(ChargeView.Line::from))
            .toList();
    // 1,000.00 at 1 % a month (12 % a year): 7, 7 and 16 days, each charged once
    assertThat(lines)
        .extracting(
            ChargeView.Line::invoice,
            ChargeView.Line::from,
            ChargeView.Line::to,
            ChargeView.Line::days,
            ChargeView.Line::amount)
        .containsExactly(
            tuple(
                invoice.getNumber(),
                monday.plusDays(1),
                monday.plusDays(7),
                7,
                Money.of("2.30", "EUR")),
            tuple(
                invoice.getNumber(),
                monday.plusDays(8),
                monday.plusDays(14),
                7,
                Money.of("2.30", "EUR")),
            tuple(
                invoice.getNumber(),
                monday.plusDays(15),
                monday.plusDays(30),
                16,
                Money.of("5.26", "EUR")));
  }

  @Test
  void aPaymentRecordedAfterItsDayIsCorrectedAndThePaidInvoiceIsClosed() {
    LocalDate monday = outbox.freshMonday();
    long policy =
        policy(
            List.of(new ReminderStep(10, Channel.EMAIL, Tone.FIRM)),
            null,
            new ChargeTerms(
                InterestBasis.CONTRACTUAL, null, new BigDecimal("1"), false, false, List.of()));
    Customer customer = customer("EUR", policy);
    Invoice invoice = ledger.invoice(customer, monday, "1000.00");
    runs.run(monday.plusDays(10), "test");

    // paid on day 5, recorded after day 10 was charged: days 5–10 come back
    ledger.pay(invoice, "1000.00", monday.plusDays(5));
    runs.run(monday.plusDays(11), "test");
    runs.run(monday.plusDays(12), "test");

    List<ChargeView> documents = charges.ofCustomer(customer.getId());
    assertThat(documents)
        .extracting(ChargeView::date, ChargeView::total, ChargeView::open, ChargeView::status)
        .containsExactly(
            tuple(
                monday.plusDays(11),
                Money.of("-1.97", "EUR"),
                Money.of("0.00", "EUR"),
                ChargeStatus.SETTLED),
            tuple(
                monday.plusDays(10),
                Money.of("3.29", "EUR"),
                Money.of("1.32", "EUR"),
                ChargeStatus.OPEN));
    assertThat(documents.get(0).lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(ChargeKind.CORRECTION);
              assertThat(l.from()).isEqualTo(monday.plusDays(1));
              assertThat(l.to()).isEqualTo(monday.plusDays(10));
            });
    assertThat(documents.get(1).settlements())
        .extracting(ChargeView.Settlement::charge, ChargeView.Settlement::amount)
        .containsExactly(tuple(documents.get(0).number(), Money.of("1.97", "EUR")));
    assertThat(charges.open(customer.getId())).containsExactly(Money.of("1.32", "EUR"));
    assertThat(
            em.createNativeQuery("select closed from charge_accrual where invoice_id = ?1")
                .setParameter(1, invoice.getId())
                .getSingleResult())
        .isEqualTo(Boolean.TRUE);
  }

  @Test
  void aRateChangeAppliesFromTheNextHalfYearAndSplitsTheInterestThere() {
    int year = outbox.freshMonday().getYear() + 1;
    LocalDate due = LocalDate.of(year, 6, 10);
    while (due.plusDays(40).getDayOfWeek().getValue() > 5) {
      due = due.minusDays(1);
    }
    rates.record(
        ReferenceRateKind.EU_REFERENCE,
        LocalDate.of(year, 1, 1),
        new BigDecimal("2.15"),
        null,
        "t");
    // decided in May: in force on 1 July, so the second half-year's rate
    rates.record(
        ReferenceRateKind.EU_REFERENCE,
        LocalDate.of(year, 5, 15),
        new BigDecimal("3.00"),
        null,
        "t");
    long policy =
        policy(
            List.of(new ReminderStep(40, Channel.EMAIL, Tone.FIRM)),
            null,
            new ChargeTerms(InterestBasis.EU_DIRECTIVE, null, null, false, false, List.of()));
    Customer customer = customer("EUR", policy);
    ledger.invoice(customer, due, "5000.00");

    runs.run(due.plusDays(40), "test");

    LocalDate july = LocalDate.of(year, 7, 1);
    assertThat(only(customer).lines())
        .extracting(
            ChargeView.Line::from,
            ChargeView.Line::to,
            ChargeView.Line::referenceRate,
            ChargeView.Line::rate)
        .containsExactly(
            tuple(
                due.plusDays(1),
                july.minusDays(1),
                new BigDecimal("2.1500"),
                new BigDecimal("10.1500")),
            tuple(july, due.plusDays(40), new BigDecimal("3.0000"), new BigDecimal("11.0000")));
  }

  @Test
  void theErpSettlesAChargeWithWhatAPaymentLeftAndTheSameAgainChangesNothing() {
    LocalDate monday = outbox.freshMonday();
    long policy =
        policy(
            List.of(new ReminderStep(7, Channel.EMAIL, Tone.FIRM)),
            null,
            new ChargeTerms(
                InterestBasis.NONE,
                null,
                null,
                false,
                false,
                List.of(new ChargeTerms.StepFee(1, "EUR", new BigDecimal("10.00")))));
    Customer customer = customer("EUR", policy);
    Invoice invoice = ledger.invoice(customer, monday, "100.00");
    runs.run(monday.plusDays(7), "test");
    String number = only(customer).number();
    // 110.00 arrives: 100.00 pays the invoice, 10.00 is left, which the ERP names for the charge
    String payment = "P-" + UUID.randomUUID();
    payments.record(
        List.of(
            new PaymentData(
                payment,
                customer.getNumber(),
                monday.plusDays(9),
                "EUR",
                new BigDecimal("110.00"),
                null,
                null,
                List.of(new InvoicePart(invoice.getNumber(), new BigDecimal("100.00"))))));
    assertThatThrownBy(() -> charges.settle(number, payment, new BigDecimal("10.01"), "erp"))
        .isInstanceOf(ChargesRefusedException.class)
        .hasMessageContaining("has 10.00 EUR that no invoice or charge took");

    Charges.Settled settled = charges.settle(number, payment, new BigDecimal("10.00"), "erp");
    Charges.Settled again = charges.settle(number, payment, new BigDecimal("10.00"), "erp");

    assertThat(settled.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.document().status()).isEqualTo(ChargeStatus.SETTLED);
    assertThat(again.document().settlements())
        .extracting(ChargeView.Settlement::payment, ChargeView.Settlement::amount)
        .containsExactly(tuple(payment, Money.of("10.00", "EUR")));
    assertThat(charges.open(customer.getId())).isEmpty();
    assertThatThrownBy(() -> charges.settle(number, payment, new BigDecimal("5.00"), "erp"))
        .isInstanceOf(ChargesRefusedException.class)
        .hasMessageContaining("a settlement does not change");
  }

  /** A policy of its own with these steps (no grace, no cap) and charges. */
  private long policy(List<ReminderStep> steps, Integer repeatDays, ChargeTerms terms) {
    ReminderPolicy policy =
        policies.create(
            "Charges " + UUID.randomUUID().toString().substring(0, 8),
            policies.defaultPolicy().getId(),
            "test");
    policies.revise(
        policy.getId(),
        new PolicyData(0, repeatDays, 0, false, steps, Map.of()),
        policy.getVersion(),
        "test");
    chargePolicies.revise(policy.getId(), terms, 0, "test");
    return policy.getId();
  }

  private Customer customer(String currency, long policy) {
    Customer customer =
        ledger.customer("Harbour Traders Ltd", currency, "IE", "Europe/Dublin", "en-IE");
    ledger.contact(customer, "ap@harbour.example", false);
    ledger.policy(customer, policy);
    return customer;
  }

  private ChargeView only(Customer customer) {
    List<ChargeView> documents = charges.ofCustomer(customer.getId());
    assertThat(documents).hasSize(1);
    return documents.get(0);
  }

  /** The EU rate for {@code day}'s half-year, recorded as in force from its first day. */
  private void euRate(LocalDate day, String rate) {
    rates.record(
        ReferenceRateKind.EU_REFERENCE,
        RateTable.halfYearStart(day),
        new BigDecimal(rate),
        null,
        "t");
  }

  /** The UK rate of a debt due on {@code due}, recorded as in force on its reference day. */
  private void ukRate(LocalDate due, String rate) {
    rates.record(
        ReferenceRateKind.UK_BASE,
        RateTable.ukReferenceDay(due.plusDays(1)),
        new BigDecimal(rate),
        null,
        "t");
  }

  /** A due date on or after {@code from} whose {@code days}-th day after is a weekday. */
  private static LocalDate weekdayAfter(LocalDate from, int days) {
    LocalDate due = from;
    while (due.plusDays(days).getDayOfWeek().compareTo(DayOfWeek.FRIDAY) > 0) {
      due = due.plusDays(1);
    }
    return due;
  }
}
