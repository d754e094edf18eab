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

  /**
   * One diary, so that the suite's business dates advance once for every scenario (each on its own
   * customers and policy, all on the same run dates, each date run twice): D is a fresh Monday.
   *
   * <ul>
   *   <li>EU: 10,000.00 due D, 4,000.00 paid on day 20, reminded on day 45: interest in two
   *       segments, EUR 40 once; the reminder says so; a repeat a week later charges the days since
   *       and no second compensation.
   *   <li>A half-year boundary: an invoice due ten days before D's half-year began, reminded on D:
   *       the days before 1 January/July at the earlier half-year's rate, the rest at the new one
   *       (decided in the middle of the earlier half-year, so it did not apply there).
   *   <li>UK: the fixed sum of 999.99, 1,000.00, 9,999.99 and 10,000.00.
   *   <li>A fee per step, once per reminder: each date run twice, the charging of a date repeated
   *       on its own, the steps a week apart, and the database refusing a second fee.
   *   <li>Interest over successive reminders (days 7, 14, 30): every day charged once.
   *   <li>A payment recorded after interest was charged for its days: a correction, a credit
   *       applied to the open charge, the invoice closed.
   *   <li>The ERP settles a fee with what a payment left after its invoice.
   * </ul>
   */
  @Test
  void aDiaryOfChargesOverFiftyThreeDays() throws Exception {
    LocalDate d = outbox.freshMonday();
    LocalDate half = RateTable.halfYearStart(d);
    // the rate in force on the earlier half-year's first day, then cut in its middle
    rates.record(
        ReferenceRateKind.EU_REFERENCE, half.minusMonths(6), new BigDecimal("3.00"), null, "t");
    rates.record(
        ReferenceRateKind.EU_REFERENCE, half.minusMonths(5), new BigDecimal("2.15"), null, "t");
    rates.record(
        ReferenceRateKind.UK_BASE,
        RateTable.ukReferenceDay(d.plusDays(1)),
        new BigDecimal("4.00"),
        null,
        "t");

    long eu =
        policy(
            List.of(new ReminderStep(45, Channel.EMAIL, Tone.FIRM)),
            7,
            new ChargeTerms(InterestBasis.EU_DIRECTIVE, null, null, true, true, List.of()));
    Customer euCustomer = customer("EUR", eu);
    Invoice euInvoice = ledger.invoice(euCustomer, d, "10000.00");
    ledger.pay(euInvoice, "4000.00", d.plusDays(20));

    long boundary =
        policy(
            List.of(new ReminderStep(7, Channel.EMAIL, Tone.FIRM)),
            null,
            new ChargeTerms(InterestBasis.EU_DIRECTIVE, null, null, false, false, List.of()));
    Customer boundaryCustomer = customer("EUR", boundary);
    ledger.invoice(boundaryCustomer, half.minusDays(10), "5000.00");

    long uk =
        policy(
            List.of(new ReminderStep(7, Channel.EMAIL, Tone.FIRM)),
            null,
            new ChargeTerms(InterestBasis.UK_ACT, null, null, true, true, List.of()));
    Customer ukCustomer = customer("GBP", uk);
    Invoice small = ledger.invoice(ukCustomer, d, "999.99");
    Invoice thousand = ledger.invoice(ukCustomer, d, "1000.00");
    Invoice almost = ledger.invoice(ukCustomer, d, "9999.99");
    Invoice large = ledger.invoice(ukCustomer, d, "10000.00");

    long fees =
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
    Customer feeCustomer = customer("EUR", fees);
    ledger.invoice(feeCustomer, d.minusDays(7), "300.00");
    ledger.invoice(feeCustomer, d.minusDays(7), "200.00");

    long contractual =
        policy(
            List.of(
                new ReminderStep(7, Channel.EMAIL, Tone.FRIENDLY),
                new ReminderStep(14, Channel.EMAIL, Tone.FIRM),
                new ReminderStep(30, Channel.EMAIL, Tone.FINAL_COURTEOUS)),
            null,
            new ChargeTerms(
                InterestBasis.CONTRACTUAL, null, new BigDecimal("1"), false, true, List.of()));
    Customer steadyCustomer = customer("EUR", contractual);
    Invoice steady = ledger.invoice(steadyCustomer, d, "1000.00");

    long late =
        policy(
            List.of(new ReminderStep(10, Channel.EMAIL, Tone.FIRM)),
            null,
            new ChargeTerms(
                InterestBasis.CONTRACTUAL, null, new BigDecimal("1"), false, false, List.of()));
    Customer lateCustomer = customer("EUR", late);
    Invoice paidLate = ledger.invoice(lateCustomer, d, "1000.00");

    long settled =
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
    Customer settledCustomer = customer("EUR", settled);
    Invoice settledInvoice = ledger.invoice(settledCustomer, d, "100.00");

    for (LocalDate day = d; !day.isAfter(d.plusDays(52)); day = day.plusDays(1)) {
      DunningRuns.Outcome first = runs.run(day, "test");
      DunningRuns.Outcome again = runs.run(day, "test");
      assertThat(first.ranNow()).isTrue();
      assertThat(again.ranNow()).isFalse();
      int offset = (int) java.time.temporal.ChronoUnit.DAYS.between(d, day);
      switch (offset) {
        case 0 -> {
          theBoundaryIsSplitAtTheHalfYear(boundaryCustomer, half, d);
          LocalDate today = day;
          ChargeRun.Charged earlier = Transactions.in(transaction, () -> chargeRun.charge(today));
          assertThat(earlier.documents()).as("the date's charging, asked again").isPositive();
          assertThat(charges.ofCustomer(feeCustomer.getId()))
              .extracting(ChargeView::date, ChargeView::total)
              .containsExactly(tuple(d, Money.of("5.00", "EUR")));
        }
        case 7 -> {
          theUkFixedSumFollowsTheDebt(ukCustomer, small, thousand, almost, large);
          settleWithWhatThePaymentLeft(settledCustomer, settledInvoice, day);
        }
        case 10 -> ledger.pay(paidLate, "1000.00", d.plusDays(5));
        case 11 -> aPaymentRecordedLateIsCorrected(lateCustomer, paidLate, d);
        case 31 -> interestIsChargedOncePerDay(steadyCustomer, steady, d);
        case 45 -> euInterestInTwoSegmentsAndTheReminderSaysSo(euCustomer, euInvoice, d);
        default -> {}
      }
    }

    // a week after the EU reminder it repeats: seven more days, no second compensation
    List<ChargeView> eus = charges.ofCustomer(euCustomer.getId());
    assertThat(eus).hasSize(2);
    assertThat(eus.get(0).lines())
        .extracting(ChargeView.Line::kind, ChargeView.Line::from, ChargeView.Line::to)
        .containsExactly(tuple(ChargeKind.INTEREST, d.plusDays(46), d.plusDays(52)));
    assertThat(eus.get(0).total()).isEqualTo(Money.of("11.68", "EUR"));

    // one fee per reminder: steps 1 and 2, a week apart, whatever ran twice
    assertThat(charges.ofCustomer(feeCustomer.getId()))
        .extracting(ChargeView::date, d2 -> d2.lines().size(), ChargeView::total)
        .containsExactly(
            tuple(d.plusDays(7), 1, Money.of("7.50", "EUR")), tuple(d, 1, Money.of("5.00", "EUR")));
    assertThat(charges.ofCustomer(feeCustomer.getId()))
        .flatExtracting(ChargeView::lines)
        .extracting(ChargeView.Line::kind, ChargeView.Line::step)
        .containsExactlyInAnyOrder(tuple(ChargeKind.FEE, 2), tuple(ChargeKind.FEE, 1));
    theDatabaseRefusesASecondFee(feeCustomer, d, fees);
  }

  private void theBoundaryIsSplitAtTheHalfYear(Customer customer, LocalDate half, LocalDate d) {
    int days = (int) java.time.temporal.ChronoUnit.DAYS.between(half, d) + 1;
    assertThat(only(customer).lines())
        .extracting(
            ChargeView.Line::from,
            ChargeView.Line::to,
            ChargeView.Line::referenceRate,
            ChargeView.Line::rate,
            ChargeView.Line::amount)
        .containsExactly(
            tuple(
                half.minusDays(9),
                half.minusDays(1),
                new BigDecimal("3.0000"),
                new BigDecimal("11.0000"),
                // 5,000.00 × 11 % × 9 / 365
                Money.of("13.56", "EUR")),
            tuple(
                half,
                d,
                new BigDecimal("2.1500"),
                new BigDecimal("10.1500"),
                new Money(
                    LateInterest.exact(new BigDecimal("5000.00"), new BigDecimal("10.15"), days),
                    java.util.Currency.getInstance("EUR"))));
  }

  private void theUkFixedSumFollowsTheDebt(
      Customer customer, Invoice small, Invoice thousand, Invoice almost, Invoice large) {
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

  private void settleWithWhatThePaymentLeft(Customer customer, Invoice invoice, LocalDate day) {
    String number = only(customer).number();
    // 110.00 arrives: 100.00 pays the invoice, 10.00 is left, which the ERP names for the charge
    String payment = "P-" + UUID.randomUUID();
    payments.record(
        List.of(
            new PaymentData(
                payment,
                customer.getNumber(),
                day,
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

  private void aPaymentRecordedLateIsCorrected(Customer customer, Invoice invoice, LocalDate d) {
    // charged days 1–10 on day 10 (3.29); paid on day 5, recorded after: days 5–10 come back
    List<ChargeView> documents = charges.ofCustomer(customer.getId());
    assertThat(documents)
        .extracting(ChargeView::date, ChargeView::total, ChargeView::open, ChargeView::status)
        .containsExactly(
            tuple(
                d.plusDays(11),
                Money.of("-1.97", "EUR"),
                Money.of("0.00", "EUR"),
                ChargeStatus.SETTLED),
            tuple(
                d.plusDays(10),
                Money.of("3.29", "EUR"),
                Money.of("1.32", "EUR"),
                ChargeStatus.OPEN));
    assertThat(documents.get(0).lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(ChargeKind.CORRECTION);
              assertThat(l.from()).isEqualTo(d.plusDays(1));
              assertThat(l.to()).isEqualTo(d.plusDays(10));
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

  private void interestIsChargedOncePerDay(Customer customer, Invoice invoice, LocalDate d) {
    List<ChargeView.Line> lines =
        charges.ofCustomer(customer.getId()).stream()
            .flatMap(document -> document.lines().stream())
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
            tuple(invoice.getNumber(), d.plusDays(1), d.plusDays(7), 7, Money.of("2.30", "EUR")),
            tuple(invoice.getNumber(), d.plusDays(8), d.plusDays(14), 7, Money.of("2.30", "EUR")),
            tuple(
                invoice.getNumber(), d.plusDays(15), d.plusDays(30), 16, Money.of("5.26", "EUR")));
  }

  private void euInterestInTwoSegmentsAndTheReminderSaysSo(
      Customer customer, Invoice invoice, LocalDate d) {
    ChargeView document = only(customer);
    assertThat(document.date()).isEqualTo(d.plusDays(45));
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
                d.plusDays(1),
                d.plusDays(19),
                19,
                Money.of("10000.00", "EUR"),
                new BigDecimal("10.1500"),
                Money.of("52.84", "EUR")),
            tuple(
                ChargeKind.INTEREST,
                invoice.getNumber(),
                d.plusDays(20),
                d.plusDays(45),
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

    TestCourier email = new TestCourier(Channel.EMAIL);
    dispatcher.dispatch(
        Clock.fixed(d.plusDays(45).atTime(LocalTime.of(10, 0)).atZone(DUBLIN).toInstant(), DUBLIN),
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
  }

  private void theDatabaseRefusesASecondFee(Customer customer, LocalDate d, long policy) {
    String key =
        (String)
            em.createNativeQuery(
                    "select l.dedup_key from charge_line l join charge_document c"
                        + " on c.id = l.document_id where c.customer_id = ?1 and c.business_date"
                        + " = ?2")
                .setParameter(1, customer.getId())
                .setParameter(2, d)
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
        .as("a second line for the same reminder's fee")
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
                            .setParameter(2, d)
                            .setParameter(3, policy)
                            .executeUpdate()))
        .as("a second document for the same customer, currency and date")
        .isNotNull();
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
}
