package app.courtesy.arrangement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CaseStatus;
import app.courtesy.collection.CollectionCase;
import app.courtesy.customer.Customer;
import app.courtesy.dunning.ReminderPreview;
import app.courtesy.invoice.Invoice;
import app.courtesy.security.Role;
import app.courtesy.shared.NotAllowedException;
import app.courtesy.shared.SqlValues;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestPeople;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Arrangements from proposal to their end: four eyes and limits on the decision, the customer's
 * dates replacing the invoices' for reminders, and the daily follow-up deciding from payments
 * (default policy: 3 days' notice grace, 7 more to default, notes 3 days before each date).
 */
@ExtendWith(ArquillianExtension.class)
class ArrangementIT {

  @Inject private ArrangementService arrangements;
  @Inject private ArrangementMessages messages;
  @Inject private CaseReview review;
  @Inject private CaseService cases;
  @Inject private ReminderPreview preview;
  @Inject private TestLedger ledger;
  @Inject private TestPeople people;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  private final LocalDate today = LocalDate.now();
  private String collector;
  private String otherCollector;
  private String smallApprover;
  private String approver;

  @BeforeEach
  void people() {
    collector = people.user(Role.COLLECTOR);
    otherCollector = people.user(Role.COLLECTOR);
    smallApprover = people.user(Role.APPROVER);
    approver = people.user(Role.APPROVER);
    ledger.approvalLimit(smallApprover, "EUR", "500.00");
    ledger.approvalLimit(approver, "EUR", "10000.00");
  }

  @Test
  void onlyAnotherApproverWhoseLimitCoversItApprovesAndThenItsDatesReplaceTheInvoices() {
    Customer customer = customerWithCase();
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "900.00");
    CollectionCase opened = reviewedCase(customer);
    Arrangement proposed =
        arrangements.propose(opened.getId(), plan(invoice, 3, today.plusDays(7)), collector);

    assertThat(proposed.getStatus()).isEqualTo(ArrangementStatus.PENDING);
    assertThat(proposed.getSchedule())
        .extracting(p -> p.amount().amount().toPlainString())
        .containsExactly("300.00", "300.00", "300.00");
    long id = proposed.getId();
    assertThatThrownBy(() -> arrangements.approve(id, proposed.getVersion(), null, collector))
        .isInstanceOf(NotAllowedException.class)
        .hasMessage("Only an approver can decide an arrangement.");
    assertThatThrownBy(() -> arrangements.approve(id, proposed.getVersion(), null, smallApprover))
        .isInstanceOf(NotAllowedException.class)
        .hasMessage(
            "€900.00 is above your approval limit of €500.00; an approver whose limit covers it"
                + " decides it.");

    arrangements.approve(id, proposed.getVersion(), "Agreed on the phone", approver);

    assertThat(arrangements.get(id).getStatus()).isEqualTo(ArrangementStatus.ACTIVE);
    assertThat(arranged(invoice)).isTrue();
    assertThat(outbox(customer, "AGREED")).isEqualTo(1);
    CollectionCase arrangedCase = cases.getCase(opened.getId());
    assertThat(arrangedCase.getStatus()).isEqualTo(CaseStatus.ARRANGED);
    assertThat(arrangedCase.getPriority()).isZero();
    // the schedule ahead: a note before the first instalment, no reminder for the invoice
    ReminderPreview.Preview ahead =
        preview.ofCustomer(customer.getId(), today.plusDays(1), today.plusDays(14), 50);
    assertThat(ahead.messages())
        .extracting(ReminderPreview.Message::label)
        .containsExactly("Note before instalment 1");
    assertThat(ahead.messages().get(0).date()).isEqualTo(today.plusDays(4));
  }

  @Test
  void aProposerNeverDecidesTheirOwnEvenAsAnApprover() {
    Customer customer = customerWithCase();
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "900.00");
    CollectionCase opened = reviewedCase(customer);
    Arrangement proposed =
        arrangements.propose(opened.getId(), plan(invoice, 2, today.plusDays(7)), approver);

    assertThatThrownBy(
            () -> arrangements.approve(proposed.getId(), proposed.getVersion(), null, approver))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("another approver decides it");
  }

  @Test
  void aMissedInstalmentGetsOneGentleNoteThenThePlanDefaultsAndTheCaseComesBack() {
    Customer customer = customerWithCase();
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "900.00");
    CollectionCase opened = reviewedCase(customer);
    int before = opened.getPriority();
    long id = approved(opened, plan(invoice, 3, today.plusDays(1)));

    // three days' grace after the first date: nothing yet; the fourth day: one gentle note
    review.review(today.plusDays(4));
    assertThat(outbox(customer, "MISSED")).isZero();
    review.review(today.plusDays(5));
    review.review(today.plusDays(5));
    assertThat(outbox(customer, "MISSED")).isEqualTo(1);
    assertThat(arrangements.get(id).getNoticedInstalment()).contains(1);

    // still unpaid seven days after the note: the plan defaults and reminders resume
    review.review(today.plusDays(12));
    assertThat(arrangements.get(id).getStatus()).isEqualTo(ArrangementStatus.ACTIVE);
    review.review(today.plusDays(13));
    assertThat(arrangements.get(id).getStatus()).isEqualTo(ArrangementStatus.DEFAULTED);
    assertThat(arranged(invoice)).isFalse();
    CollectionCase back = cases.getCase(opened.getId());
    assertThat(back.getStatus()).isEqualTo(CaseStatus.PLAN_DEFAULTED);
    assertThat(back.getPriority()).isGreaterThan(before);
    assertThat(back.figures().needsCall()).isTrue();
  }

  @Test
  void paymentsSettleInstalmentsInDateOrderAndCompleteThePlan() {
    Customer customer = customerWithCase();
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "900.00");
    long id = approved(reviewedCase(customer), plan(invoice, 3, today.plusDays(7)));

    ledger.pay(invoice, "450.00", today);
    review.review(today.plusDays(1));
    assertThat(messages.stillDue(id, 1)).isFalse();
    assertThat(messages.stillDue(id, 2)).isTrue();
    assertThat(arrangements.get(id).getStatus()).isEqualTo(ArrangementStatus.ACTIVE);

    ledger.pay(invoice, "450.00", today);
    review.review(today.plusDays(2));
    assertThat(arrangements.get(id).getStatus()).isEqualTo(ArrangementStatus.COMPLETED);
    assertThat(arranged(invoice)).isFalse();
  }

  @Test
  void aDiscountPaidInTimeWritesTheRestOffAndOneNotPaidLapses() {
    Customer customer = customerWithCase();
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "1000.00");
    Proposal discount = discountOf(invoice, "2.5");
    long id = approved(reviewedCase(customer), discount);
    assertThat(arrangements.get(id).getDiscount().amount()).isEqualByComparingTo("25.00");

    ledger.pay(invoice, "975.00", today);
    review.review(today.plusDays(3));

    assertThat(arrangements.get(id).getStatus()).isEqualTo(ArrangementStatus.COMPLETED);
    assertThat(ledger.allocated(invoice)).isEqualByComparingTo("1000.00");
    assertThat(
            em.createNativeQuery("select amount from credit_note where number = ?1")
                .setParameter(1, "CN-ARR-" + id)
                .getSingleResult()
                .toString())
        .startsWith("25.00");

    Customer late = customerWithCase();
    Invoice unpaid = ledger.invoice(late, today.minusDays(40), "1000.00");
    Proposal lateDiscount = discountOf(unpaid, "2");
    long lapsing = approved(reviewedCase(late), lateDiscount);
    review.review(today.plusDays(11));
    assertThat(arrangements.get(lapsing).getStatus()).isEqualTo(ArrangementStatus.LAPSED);
    assertThat(arranged(unpaid)).isFalse();
  }

  @Test
  void anExtensionEndsAtItsNewDateAndRemindersResume() {
    Customer customer = customerWithCase();
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "700.00");
    Proposal extension =
        new Proposal(
            ArrangementKind.EXTENSION,
            List.of(invoice.getNumber()),
            "Waiting for a client's payment",
            null,
            null,
            null,
            null,
            today.plusDays(20),
            null,
            null);
    long id = approved(reviewedCase(customer), extension);

    review.review(today.plusDays(20));
    assertThat(arrangements.get(id).getStatus()).isEqualTo(ArrangementStatus.ACTIVE);
    review.review(today.plusDays(21));
    assertThat(arrangements.get(id).getStatus()).isEqualTo(ArrangementStatus.ENDED);
    assertThat(arranged(invoice)).isFalse();
  }

  @Test
  void onlyTheProposerWithdrawsAndTheInvoicesAreFreeAgain() {
    Customer customer = customerWithCase();
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "900.00");
    CollectionCase opened = reviewedCase(customer);
    Arrangement proposed =
        arrangements.propose(opened.getId(), plan(invoice, 3, today.plusDays(7)), collector);

    assertThatThrownBy(
            () ->
                arrangements.propose(
                    opened.getId(), plan(invoice, 2, today.plusDays(7)), collector))
        .isInstanceOf(ArrangementRefusedException.class)
        .hasMessageContaining("has an arrangement awaiting approval already");
    assertThatThrownBy(
            () -> arrangements.withdraw(proposed.getId(), proposed.getVersion(), null, approver))
        .isInstanceOf(NotAllowedException.class);
    arrangements.withdraw(
        proposed.getId(), proposed.getVersion(), "Customer found the money", collector);

    assertThat(arrangements.get(proposed.getId()).getStatus())
        .isEqualTo(ArrangementStatus.WITHDRAWN);
    assertThat(
            arrangements
                .propose(opened.getId(), plan(invoice, 2, today.plusDays(7)), collector)
                .getStatus())
        .isEqualTo(ArrangementStatus.PENDING);
  }

  @Test
  void aHandWrittenPlanMustAddUpToTheCentAndDisputedInvoicesCannotBeCovered() {
    Customer customer = customerWithCase();
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "1000.00");
    Invoice disputed = ledger.invoice(customer, today.minusDays(30), "50.00");
    ledger.flag(disputed, true, null);
    CollectionCase opened = reviewedCase(customer);
    Proposal shortByACent =
        new Proposal(
            ArrangementKind.INSTALMENTS,
            List.of(invoice.getNumber()),
            "Two payments",
            null,
            null,
            null,
            List.of(
                new InstalmentLine(today.plusDays(5), new BigDecimal("500.00")),
                new InstalmentLine(today.plusDays(35), new BigDecimal("499.99"))),
            null,
            null,
            null);

    assertThatThrownBy(() -> arrangements.propose(opened.getId(), shortByACent, collector))
        .isInstanceOf(ArrangementRefusedException.class)
        .hasMessageContaining("0.01 EUR short of the 1000.00 EUR covered");
    assertThatThrownBy(
            () ->
                arrangements.propose(
                    opened.getId(), plan(disputed, 2, today.plusDays(7)), collector))
        .isInstanceOf(ArrangementRefusedException.class)
        .hasMessageContaining("is disputed");
    assertThat(arrangements.ofCustomer(customer.getId())).isEmpty();
  }

  private long approved(CollectionCase forCase, Proposal proposal) {
    Arrangement proposed = arrangements.propose(forCase.getId(), proposal, collector);
    arrangements.approve(proposed.getId(), proposed.getVersion(), null, approver);
    return proposed.getId();
  }

  /** A discount of {@code percent} on the invoice if it is paid in full within ten days. */
  private Proposal discountOf(Invoice invoice, String percent) {
    return new Proposal(
        ArrangementKind.DISCOUNT,
        List.of(invoice.getNumber()),
        "Pays early if we meet them",
        null,
        null,
        null,
        null,
        null,
        new BigDecimal(percent),
        today.plusDays(10));
  }

  private Proposal plan(Invoice invoice, int count, LocalDate first) {
    return new Proposal(
        ArrangementKind.INSTALMENTS,
        List.of(invoice.getNumber()),
        "Cash flow is tight this quarter",
        count,
        first,
        Frequency.MONTHLY,
        null,
        null,
        null,
        null);
  }

  private Customer customerWithCase() {
    Customer customer = ledger.customer("Lantern Works", "EUR");
    ledger.assign(customer, collector);
    ledger.contact(
        customer, "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", false);
    return customer;
  }

  private CollectionCase reviewedCase(Customer customer) {
    review.review(today);
    return cases.findOpen(customer).orElseThrow();
  }

  private boolean arranged(Invoice invoice) {
    return SqlValues.bool(
        em.createNativeQuery("select arranged from invoice where id = ?1")
            .setParameter(1, invoice.getId())
            .getSingleResult());
  }

  private int outbox(Customer customer, String kind) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from outbox_message where customer_id = ?1 and kind = ?2")
                .setParameter(1, customer.getId())
                .setParameter(2, kind)
                .getSingleResult())
        .intValue();
  }
}
