package app.courtesy.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.security.Role;
import app.courtesy.shared.ConcurrentChangeException;
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
import java.util.Locale;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cases as a diary: the review opens a case once a balance is overdue beyond the policy's grace (2
 * days in the default policy), ranks it, decides promises from payments and closes the case when
 * nothing is overdue; actions keep to who may do what, and to what the collector read.
 */
@ExtendWith(ArquillianExtension.class)
class CaseReviewIT {

  @Inject private CaseReview review;
  @Inject private CaseService cases;
  @Inject private TestLedger ledger;
  @Inject private TestPeople people;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  private final LocalDate today = LocalDate.now();
  private String collector;
  private String otherCollector;
  private String approver;

  @BeforeEach
  void people() {
    collector = people.user(Role.COLLECTOR);
    otherCollector = people.user(Role.COLLECTOR);
    approver = people.user(Role.APPROVER);
  }

  @Test
  void aCaseOpensBeyondGraceOnceRanksAndClosesWhenPaid() {
    Customer customer = ledger.customer("Harbour Tools", "EUR");
    Invoice invoice = ledger.invoice(customer, today.minusDays(20), "4210.00");

    // a day after the due date: within 2 days' grace → no case yet
    review.review(today.minusDays(19));
    assertThat(cases.findOpen(customer)).isEmpty();

    // today: 20 days late → a case, ranked with its reasons
    review.review(today);
    review.review(today);
    CollectionCase opened = cases.findOpen(customer).orElseThrow();
    assertThat(casesOf(customer)).hasSize(1);
    assertThat(opened.getStatus()).isEqualTo(CaseStatus.OPEN);
    assertThat(opened.figures().overdue().amount()).isEqualByComparingTo("4210.00");
    // 8·log10(4211) = 28 for the amount, 12 for 14–30 days late, 15 never contacted
    assertThat(opened.getPriority()).isEqualTo(28 + 12 + 15);
    assertThat(opened.figures().why(today, Locale.UK))
        .isEqualTo("€4,210.00 overdue, oldest 20 days, never contacted");

    // paid in full: the next review closes the case, and a new overdue balance opens a new one
    ledger.pay(invoice, "4210.00", today);
    review.review(today);
    assertThat(cases.findOpen(customer)).isEmpty();
    ledger.invoice(customer, today.minusDays(5), "99.00");
    review.review(today);
    assertThat(casesOf(customer)).hasSize(2);
  }

  @Test
  void aBrokenPromiseResumesChasingRanksHigherAndAsksForACall() {
    Customer customer = assignedCustomer(collector);
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "800.00");
    review.review(today);
    CollectionCase opened = cases.findOpen(customer).orElseThrow();
    int before = opened.getPriority();

    cases.recordPromise(
        opened.getId(),
        opened.getVersion(),
        new PromiseTerms(new BigDecimal("800.00"), today.plusDays(3), List.of(), "Friday"),
        collector);
    assertThat(promisedUntil(invoice)).isEqualTo(today.plusDays(3 + 2));
    assertThat(cases.getCase(opened.getId()).getStatus()).isEqualTo(CaseStatus.PROMISED);

    // the promise date plus grace passes without a payment
    CaseReview.Reviewed reviewed = review.review(today.plusDays(6));

    CollectionCase broken = cases.getCase(opened.getId());
    assertThat(reviewed.promisesBroken()).isEqualTo(1);
    assertThat(broken.getStatus()).isEqualTo(CaseStatus.PROMISE_BROKEN);
    assertThat(broken.getPriority()).isGreaterThan(before);
    assertThat(broken.figures().needsCall()).isTrue();
    assertThat(promisedUntil(invoice)).isNull();
    assertThat(cases.promises(opened.getId()))
        .extracting(PromiseToPay::getStatus)
        .containsExactly(PromiseToPay.Status.BROKEN);
  }

  @Test
  void aKeptPromiseIsThankedForOnce() {
    Customer customer = assignedCustomer(collector);
    Invoice invoice = ledger.invoice(customer, today.minusDays(30), "500.00");
    review.review(today);
    CollectionCase opened = cases.findOpen(customer).orElseThrow();
    cases.recordPromise(
        opened.getId(),
        opened.getVersion(),
        new PromiseTerms(new BigDecimal("300.00"), today.plusDays(7), List.of(), null),
        collector);

    ledger.pay(invoice, "300.00", today);
    review.review(today.plusDays(1));
    review.review(today.plusDays(2));

    assertThat(cases.promises(opened.getId()))
        .extracting(PromiseToPay::getStatus)
        .containsExactly(PromiseToPay.Status.KEPT);
    assertThat(
            ((Number)
                    em.createNativeQuery(
                            "select count(*) from outbox_message where customer_id = ?1"
                                + " and kind = 'THANK_YOU'")
                        .setParameter(1, customer.getId())
                        .getSingleResult())
                .intValue())
        .isEqualTo(1);
  }

  @Test
  void collectorsActOnTheirOwnCasesAndOnlyAnApproverLiftsHardship() {
    Customer customer = assignedCustomer(collector);
    ledger.invoice(customer, today.minusDays(40), "800.00");
    review.review(today);
    long id = cases.findOpen(customer).orElseThrow().getId();

    assertThatThrownBy(
            () -> cases.startHardship(id, version(id), "Lost a big client", otherCollector))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("Collectors act on their own cases");
    cases.startHardship(id, version(id), "Lost a big client", collector);
    assertThat(cases.getCase(id).getStatus()).isEqualTo(CaseStatus.HARDSHIP);

    assertThatThrownBy(() -> cases.liftHardship(id, version(id), "Better now", collector))
        .isInstanceOf(NotAllowedException.class)
        .hasMessage("Only an approver can lift hardship.");
    cases.liftHardship(id, version(id), "Better now", approver);
    assertThat(cases.getCase(id).getStatus()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void theSecondOfTwoCollectorsActingOnWhatTheyReadIsToldWhoChangedIt() {
    Customer customer = assignedCustomer(collector);
    ledger.invoice(customer, today.minusDays(40), "800.00");
    review.review(today);
    CollectionCase read = cases.findOpen(customer).orElseThrow();
    long readVersion = read.getVersion();

    cases.pauseChasing(read.getId(), readVersion, today.plusDays(10), "Owner on leave", approver);

    assertThatThrownBy(
            () -> cases.startHardship(read.getId(), readVersion, "Lost a big client", collector))
        .isInstanceOf(ConcurrentChangeException.class)
        .hasMessageContaining("changed by " + approver);
    assertThat(cases.getCase(read.getId()).getStatus()).isEqualTo(CaseStatus.PAUSED);
  }

  private Customer assignedCustomer(String username) {
    Customer customer = ledger.customer("Quarry Supplies", "EUR");
    ledger.assign(customer, username);
    return customer;
  }

  private long version(long caseId) {
    return cases.getCase(caseId).getVersion();
  }

  private List<?> casesOf(Customer customer) {
    return em.createNativeQuery("select id from collection_case where customer_id = ?1")
        .setParameter(1, customer.getId())
        .getResultList();
  }

  private LocalDate promisedUntil(Invoice invoice) {
    Object until =
        em.createNativeQuery("select promised_until from invoice where id = ?1")
            .setParameter(1, invoice.getId())
            .getSingleResult();
    return SqlValues.date(until);
  }
}
