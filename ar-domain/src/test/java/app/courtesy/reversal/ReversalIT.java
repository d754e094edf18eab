package app.courtesy.reversal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.arrangement.Arrangement;
import app.courtesy.arrangement.ArrangementKind;
import app.courtesy.arrangement.ArrangementMessages;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.ArrangementStatus;
import app.courtesy.arrangement.Frequency;
import app.courtesy.arrangement.Proposal;
import app.courtesy.charge.ChargeStatus;
import app.courtesy.charge.ChargeView;
import app.courtesy.charge.Charges;
import app.courtesy.charge.ChargesRefusedException;
import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CaseStatus;
import app.courtesy.collection.CollectionCase;
import app.courtesy.collection.PromiseTerms;
import app.courtesy.collection.PromiseToPay;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Dossiers;
import app.courtesy.credit.CreditRefusedException;
import app.courtesy.credit.CustomerCredit;
import app.courtesy.credit.RefundTerms;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.dispatch.Dispatcher;
import app.courtesy.dispatch.Outgoing;
import app.courtesy.invoice.Aging;
import app.courtesy.invoice.CreditItem;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.invoice.OpenItem;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.security.Role;
import app.courtesy.shared.Money;
import app.courtesy.testing.TestCharges;
import app.courtesy.testing.TestCourier;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestOutbox;
import app.courtesy.testing.TestOutbox.Row;
import app.courtesy.testing.TestPeople;
import app.courtesy.testing.TestReceipts;
import app.courtesy.testing.TestRuns;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * Money taken back, as a diary shows it: a payment reversed or a credit note cancelled reopens its
 * invoices where they were in their policy, breaks a promise it had kept, puts an arrangement it
 * had paid behind again; unapplied credit shows as the customer's money, can be refunded up to what
 * it is and applied to the next invoice; a balance as of a date is the ledger of that date.
 */
@ExtendWith(ArquillianExtension.class)
class ReversalIT {

  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
  private static final String THANKS = "Vielen Dank für Ihre Zahlung";

  @Inject private ReversalService reversals;
  @Inject private CustomerCredit credit;
  @Inject private LedgerAsOf ledgerAsOf;
  @Inject private InvoiceRepository invoices;
  @Inject private ReceivablesQueries receivables;
  @Inject private CommunicationLog log;
  @Inject private CaseReview review;
  @Inject private CaseService cases;
  @Inject private ArrangementService arrangements;
  @Inject private ArrangementMessages arrangementMessages;
  @Inject private Dispatcher dispatcher;
  @Inject private Charges chargeBook;
  @Inject private Dossiers dossiers;
  @Inject private TestCharges charges;
  @Inject private TestRuns runs;
  @Inject private TestLedger ledger;
  @Inject private TestReceipts receipts;
  @Inject private TestOutbox outbox;
  @Inject private TestPeople people;

  private final TestCourier email = new TestCourier(Channel.EMAIL);
  private final LocalDate today = LocalDate.now();

  @Test
  void aPaymentReversedAfterItsThankYouIsRemindedAtTheNextStepAndThankedOnlyWhenPaidAgain() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = ledger.customer("Keller Druck AG", "CHF");
    ledger.contact(customer, "ap@keller.example", false);
    Invoice invoice = ledger.invoice(customer, monday.minusDays(8), "640.00");

    // Monday: eight days late → reminded
    diary(monday, monday);
    int stepBefore = sentReminders(customer).get(0).step();
    // Tuesday: paid in full → thanked once
    String payment = receipts.pay(invoice, "640.00", monday.plusDays(1));
    diary(monday.plusDays(1), monday.plusDays(2));
    assertThat(subjects(customer)).filteredOn(this::isThanks).hasSize(1);

    // Thursday: the bank takes the money back
    ReversalService.Reversed reversed =
        reversals.reversePayment(
            payment,
            new ReversalTerms(
                ReversalKind.CHARGEBACK, monday.plusDays(3), "Card holder disputed the charge"),
            "finance");
    assertThat(reversed.reopened())
        .extracting(ReversalService.Reopened::invoiceNumber)
        .containsExactly(invoice.getNumber());
    assertThat(receipts.allocated(invoice)).isEqualByComparingTo("0");
    assertThat(receipts.unwound(invoice)).isEqualByComparingTo("640.00");
    assertThat(log.all(customer.getId()))
        .anySatisfy(
            l ->
                assertThat(l.entry().detail())
                    .contains("reversed (chargeback)")
                    .contains("Card holder disputed the charge")
                    .contains(invoice.getNumber()));

    // the weeks after: reminded from the next step on, no step repeated, no second thank-you
    diary(monday.plusDays(3), monday.plusDays(30));
    List<Row> reminders = sentReminders(customer);
    assertThat(reminders).extracting(Row::step).startsWith(stepBefore, stepBefore + 1);
    assertThat(reminders).extracting(Row::step).isSorted().doesNotHaveDuplicates();
    assertThat(reminders.get(1).date()).isAfter(monday.plusDays(3));
    assertThat(subjects(customer)).filteredOn(this::isThanks).hasSize(1);

    // paid again after the new reminder → thanked again, once
    LocalDate paidAgain = monday.plusDays(31);
    receipts.pay(invoice, "640.00", paidAgain);
    diary(paidAgain, paidAgain.plusDays(10));
    assertThat(subjects(customer)).filteredOn(this::isThanks).hasSize(2);
  }

  @Test
  void aPaymentReversedAndPaidAgainBeforeAnyNewReminderIsNotThankedTwiceForTheSameReminder() {
    LocalDate monday = outbox.freshMonday();
    Customer customer = ledger.customer("Keller Druck AG", "CHF");
    ledger.contact(customer, "ap@keller.example", false);
    Invoice invoice = ledger.invoice(customer, monday.minusDays(8), "300.00");
    diary(monday, monday);
    String payment = receipts.pay(invoice, "300.00", monday.plusDays(1));
    diary(monday.plusDays(1), monday.plusDays(1));

    reversals.reversePayment(
        payment,
        new ReversalTerms(ReversalKind.BOUNCED, monday.plusDays(2), "Account closed"),
        "finance");
    receipts.pay(invoice, "300.00", monday.plusDays(2));
    diary(monday.plusDays(2), monday.plusDays(20));

    assertThat(subjects(customer)).filteredOn(this::isThanks).hasSize(1);
    assertThat(sentReminders(customer)).hasSize(1);
  }

  @Test
  void aChargebackOnAKeptPromiseBreaksIt() {
    String collector = people.user(Role.COLLECTOR);
    Customer customer = ledger.customer("Quarry Supplies", "EUR");
    ledger.assign(customer, collector);
    Invoice invoice = ledger.invoice(customer, today.minusDays(30), "500.00");
    review.review(today);
    CollectionCase opened = cases.findOpen(customer).orElseThrow();
    cases.recordPromise(
        opened.getId(),
        opened.getVersion(),
        new PromiseTerms(new BigDecimal("300.00"), today.plusDays(7), List.of(), null),
        collector);
    String payment = receipts.pay(invoice, "300.00", today);
    review.review(today.plusDays(1));
    assertThat(cases.promises(opened.getId()))
        .extracting(PromiseToPay::getStatus)
        .containsExactly(PromiseToPay.Status.KEPT);

    reversals.reversePayment(
        payment,
        new ReversalTerms(ReversalKind.CHARGEBACK, today.plusDays(2), "Chargeback from the bank"),
        "finance");

    assertThat(cases.promises(opened.getId()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getStatus()).isEqualTo(PromiseToPay.Status.BROKEN);
              assertThat(p.getDecidedOn()).isEqualTo(today.plusDays(2));
            });
    assertThat(cases.getCase(opened.getId()).getStatus()).isEqualTo(CaseStatus.PROMISE_BROKEN);
    assertThat(log.all(customer.getId()))
        .anySatisfy(l -> assertThat(l.entry().detail()).startsWith("Promise broken after all"));
  }

  @Test
  void aCancelledCreditNoteReopensItsInvoiceOnceAndKeepsWhatItHadApplied() {
    Customer customer = ledger.customer("Nordlicht GmbH", "EUR");
    Invoice invoice = ledger.invoice(customer, today.minusDays(5), "500.00");
    String note = receipts.credit(invoice, "500.00", today.minusDays(3));
    assertThat(ledgerAsOf.openItems(customer, today)).isEmpty();

    ReversalService.Reversed cancelled =
        reversals.cancelCreditNote(
            note, new ReversalTerms(null, today, "Issued against the wrong invoice"), "finance");

    assertThat(cancelled.kind()).isEqualTo(ReversalKind.CANCELLED);
    assertThat(ledgerAsOf.openItems(customer, today))
        .extracting(OpenItem::invoiceNumber, i -> i.open().amount())
        .containsExactly(tuple(invoice.getNumber(), amount("500.00")));
    assertThat(receipts.unwound(invoice)).isEqualByComparingTo("500.00");
    // the invoice's page shows the credit applied, then taken back
    assertThat(invoices.applied(invoice))
        .extracting(InvoiceRepository.Applied::kind, a -> a.amount().amount())
        .containsExactlyInAnyOrder(
            tuple("Credit note", amount("500.00")),
            tuple("Credit note cancelled", amount("-500.00")));
    assertThat(log.all(customer.getId()))
        .anySatisfy(
            l ->
                assertThat(l.entry().detail())
                    .contains("was cancelled")
                    .contains("Issued against the wrong invoice"));
    assertThatThrownBy(
            () ->
                reversals.cancelCreditNote(
                    note, new ReversalTerms(null, today, "Once more"), "finance"))
        .isInstanceOf(AlreadyReversedException.class);
  }

  @Test
  void aPaymentIsReversedOnceAndOnlyForAPaymentsReason() {
    Customer customer = ledger.customer("Nordlicht GmbH", "EUR");
    Invoice invoice = ledger.invoice(customer, today.minusDays(5), "200.00");
    String payment = receipts.pay(invoice, "200.00", today.minusDays(1));

    assertThatThrownBy(
            () ->
                reversals.reversePayment(
                    payment, new ReversalTerms(null, today, "No reason kind"), "finance"))
        .isInstanceOf(ReversalRefusedException.class);
    assertThatThrownBy(
            () ->
                reversals.reversePayment(
                    payment,
                    new ReversalTerms(ReversalKind.MISTAKEN_ENTRY, today.minusDays(2), "Too early"),
                    "finance"))
        .isInstanceOf(ReversalRefusedException.class)
        .hasMessageContaining("before the receipt");
    reversals.reversePayment(
        payment,
        new ReversalTerms(ReversalKind.MISTAKEN_ENTRY, today, "Booked to the wrong customer"),
        "finance");
    assertThatThrownBy(
            () ->
                reversals.reversePayment(
                    payment,
                    new ReversalTerms(ReversalKind.MISTAKEN_ENTRY, today, "Again"),
                    "finance"))
        .isInstanceOf(AlreadyReversedException.class)
        .hasMessageContaining("reversed before");
    assertThat(receipts.allocated(invoice)).isEqualByComparingTo("0");
  }

  @Test
  void aCreditOf100ShowsAsMinus100InTheBalanceAndAgingAndSettlesTheNextInvoice() {
    Customer customer = ledger.customer("Overpay Ltd", "EUR");
    receipts.pay(customer, "100.00", today.minusDays(2));

    assertThat(ledgerAsOf.credits(customer, today))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo("PAYMENT");
              assertThat(c.amount()).isEqualTo(Money.of("-100.00", "EUR"));
            });
    Aging aging = receivables.aging(today, customer.getId());
    assertThat(aging.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.unapplied()).isEqualTo(Money.of("-100.00", "EUR"));
              assertThat(line.total()).isEqualTo(Money.of("0.00", "EUR"));
              assertThat(line.net()).isEqualTo(Money.of("-100.00", "EUR"));
            });

    // a new invoice arrives; the collector applies the credit to it
    Invoice next = ledger.invoice(customer, today.plusDays(20), "250.00");
    assertThat(credit.settle(customer.getNumber(), "collector").applied())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.invoiceNumber()).isEqualTo(next.getNumber());
              assertThat(a.amount()).isEqualTo(Money.of("100.00", "EUR"));
            });
    assertThat(ledgerAsOf.openItems(customer, today))
        .singleElement()
        .satisfies(i -> assertThat(i.open()).isEqualTo(Money.of("150.00", "EUR")));
    assertThat(ledgerAsOf.credits(customer, today)).isEmpty();
    assertThat(credit.settle(customer.getNumber(), "collector").applied()).isEmpty();
  }

  @Test
  void theMorningReviewAppliesCreditToOpenInvoicesBeforeAnyReminderChasesThem() {
    Customer customer = ledger.customer("Overpay Ltd", "EUR");
    receipts.pay(customer, "100.00", today.minusDays(20));
    Invoice overdue = ledger.invoice(customer, today.minusDays(10), "250.00");

    review.review(today);

    assertThat(ledgerAsOf.openItems(customer, today))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.invoiceNumber()).isEqualTo(overdue.getNumber());
              assertThat(i.open()).isEqualTo(Money.of("150.00", "EUR"));
            });
    assertThat(ledgerAsOf.credits(customer, today)).isEmpty();
    assertThat(log.all(customer.getId()))
        .anySatisfy(
            l -> assertThat(l.entry().detail()).startsWith("Unapplied credit applied to open"));
  }

  @Test
  void aRefundLowersTheUnappliedCreditAndNeverExceedsIt() {
    Customer customer = ledger.customer("Overpay Ltd", "EUR");
    String payment = receipts.pay(customer, "100.00", today.minusDays(2));

    assertThatThrownBy(() -> credit.refund(customer.getNumber(), refund("150.00"), "finance"))
        .isInstanceOf(CreditRefusedException.class)
        .hasMessageContaining("€100.00");
    CustomerCredit.Refunded refunded =
        credit.refund(customer.getNumber(), refund("60.00"), "finance");

    assertThat(refunded.left()).isEqualTo(Money.of("40.00", "EUR"));
    assertThat(receivables.aging(today, customer.getId()).lines())
        .singleElement()
        .satisfies(line -> assertThat(line.unapplied()).isEqualTo(Money.of("-40.00", "EUR")));
    assertThat(ledgerAsOf.credits(customer, today))
        .extracting(CreditItem::kind, CreditItem::amount)
        .containsExactly(
            tuple("PAYMENT", Money.of("-100.00", "EUR")),
            tuple("REFUND", Money.of("60.00", "EUR")));
    // the refunded money cannot be taken back a second time by reversing the payment
    assertThatThrownBy(
            () ->
                reversals.reversePayment(
                    payment,
                    new ReversalTerms(ReversalKind.REFUND, today, "Paid back in full"),
                    "finance"))
        .isInstanceOf(ReversalRefusedException.class)
        .hasMessageContaining("after refunds");
  }

  @Test
  void aReversedPaymentNoLongerSettlesTheChargeItPaidAndTheBalanceOfEachDateSaysSo() {
    TestCharges.Charged charged = charges.feeCharged("Harbourside Stores Ltd");
    Customer customer = charged.customer();
    LocalDate monday = charged.monday();
    // 325.00 arrives: 300.00 pays the invoice, the 25.00 left settles the fee
    String payment = receipts.pay(customer, "325.00", monday);
    chargeBook.settle(charged.charge(), payment, new BigDecimal("25.00"), "erp");
    assertThat(receivables.aging(monday, customer.getId()).lines())
        .as("all paid: nothing open, no charge, nothing left as credit")
        .isEmpty();

    ReversalService.Reversed reversed =
        reversals.reversePayment(
            payment,
            new ReversalTerms(ReversalKind.BOUNCED, monday.plusDays(2), "Returned by the bank"),
            "finance");

    assertThat(reversed.chargesReopened())
        .containsExactly(new Charges.Reopened(charged.charge(), eur("25.00")));
    ChargeView fee = chargeBook.find(charged.charge()).orElseThrow();
    assertThat(fee.status()).isEqualTo(ChargeStatus.OPEN);
    assertThat(fee.open()).isEqualTo(eur("25.00"));
    assertThat(fee.settlements())
        .extracting(ChargeView.Settlement::payment, ChargeView.Settlement::reversedOn)
        .containsExactly(tuple(payment, monday.plusDays(2)));
    assertThat(log.all(customer.getId()))
        .anySatisfy(
            l ->
                assertThat(l.entry().detail())
                    .contains(charged.invoice().getNumber())
                    .contains("Charges open again: " + charged.charge() + " (€25.00)"));
    // the day before the reversal the fee stood settled; from its day it is owed again
    assertThat(receivables.aging(monday.plusDays(1), customer.getId()).lines()).isEmpty();
    Aging.Line reopened = receivables.aging(monday.plusDays(2), customer.getId()).lines().get(0);
    assertThat(reopened.total()).isEqualTo(eur("300.00"));
    assertThat(reopened.charges()).isEqualTo(eur("25.00"));
    assertThat(reopened.unapplied()).isEqualTo(eur("0.00"));
    assertThat(reopened.net()).isEqualTo(eur("325.00"));
    assertThat(receivables.aging(monday.plusDays(2), null).lines())
        .filteredOn(line -> line.charges().currency().getCurrencyCode().equals("EUR"))
        .singleElement()
        .satisfies(line -> assertThat(line.charges().compareTo(eur("25.00"))).isNotNegative());
    assertThatThrownBy(
            () -> chargeBook.settle(charged.charge(), payment, new BigDecimal("10.00"), "erp"))
        .isInstanceOf(ChargesRefusedException.class)
        .hasMessageContaining("was reversed");
    // the customer's dossier shows the fee, open again, and why
    assertThat(new String(dossiers.of(customer.getNumber()).csv(), StandardCharsets.UTF_8))
        .contains(
            "charge,"
                + charged.charge()
                + ","
                + monday
                + ",25.00,25.00,EUR,OPEN,payment "
                + payment
                + " 25.00 EUR (reversed on "
                + monday.plusDays(2)
                + ")");
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @Test
  void aBalanceAsOfADateShowsTheAgingAndTheItemsOfThatDate() {
    Customer customer = ledger.customer("Zeitreise AG", "EUR");
    LocalDate due = today.minusDays(60);
    // issued 90 days ago, due 60 days ago
    Invoice invoice = ledger.invoice(customer, due, "300.00");
    String payment = receipts.pay(invoice, "100.00", due.plusDays(10));
    reversals.reversePayment(
        payment,
        new ReversalTerms(ReversalKind.BOUNCED, due.plusDays(20), "Returned by the bank"),
        "finance");
    // a later invoice, issued 10 days ago
    ledger.invoice(customer, today.plusDays(20), "50.00");

    assertThat(openOn(customer, due.plusDays(5))).containsExactly(amount("300.00"));
    assertThat(openOn(customer, due.plusDays(15))).containsExactly(amount("200.00"));
    assertThat(openOn(customer, due.plusDays(25))).containsExactly(amount("300.00"));
    assertThat(openOn(customer, today)).containsExactly(amount("300.00"), amount("50.00"));
    assertThat(receivables.aging(due.plusDays(15), customer.getId()).lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.days1to30()).isEqualTo(Money.of("200.00", "EUR"));
              assertThat(line.total()).isEqualTo(Money.of("200.00", "EUR"));
            });
    assertThat(receivables.aging(due.plusDays(25), customer.getId()).lines().get(0).total())
        .isEqualTo(Money.of("300.00", "EUR"));
  }

  @Test
  void anArrangementWhoseInstalmentTheReversedMoneyPaidIsBehindAgain() {
    String collector = people.user(Role.COLLECTOR);
    String approver = people.user(Role.APPROVER);
    ledger.approvalLimit(approver, "EUR", "10000.00");
    Customer customer = ledger.customer("Lantern Works", "EUR");
    ledger.assign(customer, collector);
    ledger.contact(
        customer, "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", false);
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "900.00");
    review.review(today);
    CollectionCase opened = cases.findOpen(customer).orElseThrow();
    Arrangement proposed =
        arrangements.propose(
            opened.getId(),
            new Proposal(
                ArrangementKind.INSTALMENTS,
                List.of(invoice.getNumber()),
                "Cash flow is tight this quarter",
                3,
                today.plusDays(7),
                Frequency.MONTHLY,
                null,
                null,
                null,
                null),
            collector);
    arrangements.approve(proposed.getId(), proposed.getVersion(), null, approver);
    long id = proposed.getId();

    // the first instalment is paid on time
    String payment = receipts.pay(invoice, "300.00", today.plusDays(6));
    review.review(today.plusDays(7));
    assertThat(arrangementMessages.stillDue(id, 1)).isFalse();

    // two days after its date the transfer bounces
    reversals.reversePayment(
        payment,
        new ReversalTerms(ReversalKind.BOUNCED, today.plusDays(9), "Insufficient funds"),
        "finance");

    assertThat(arrangements.get(id).getStatus()).isEqualTo(ArrangementStatus.ACTIVE);
    assertThat(arrangementMessages.stillDue(id, 1)).isTrue();
    assertThat(log.all(customer.getId()))
        .anySatisfy(
            l ->
                assertThat(l.entry().detail())
                    .contains("reversed (bounced transfer)")
                    .contains("behind again: instalment 1 of 3"));
  }

  private List<Row> sentReminders(Customer customer) {
    return outbox.messages(customer).stream()
        .filter(m -> m.kind().equals("REMINDER") && m.status().equals("SENT"))
        .toList();
  }

  private List<BigDecimal> openOn(Customer customer, LocalDate day) {
    return ledgerAsOf.openItems(customer, day).stream().map(i -> i.open().amount()).toList();
  }

  private static BigDecimal amount(String value) {
    return Money.of(value, "EUR").amount();
  }

  private static RefundTerms refund(String amount) {
    return new RefundTerms(
        null, new BigDecimal(amount), "EUR", null, "RF-1", "Customer asked for the overpayment");
  }

  /** Each day from {@code first} to {@code last}: the run, then sending at 09:00 in Zurich. */
  private void diary(LocalDate first, LocalDate last) {
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      runs.run(day, "test");
      dispatcher.dispatch(
          Clock.fixed(day.atTime(LocalTime.of(9, 0)).atZone(ZURICH).toInstant(), ZURICH),
          Map.of(Channel.EMAIL, email),
          50,
          10_000);
    }
  }

  private List<String> subjects(Customer customer) {
    return email.deliveredTo(customer.getId()).stream().map(Outgoing::subject).toList();
  }

  private boolean isThanks(String subject) {
    return subject.startsWith(THANKS);
  }
}
