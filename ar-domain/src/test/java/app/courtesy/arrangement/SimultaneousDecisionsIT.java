package app.courtesy.arrangement;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.collection.PromiseTerms;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.security.Role;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.testing.AtOnce;
import app.courtesy.testing.AtOnce.Outcome;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestPeople;
import app.courtesy.testing.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people acting on the same thing at the same moment, each in a transaction of their own on a
 * thread of their own: one wins, the other is told who changed it and when, and nothing of theirs
 * is written.
 */
@ExtendWith(ArquillianExtension.class)
class SimultaneousDecisionsIT {

  @Inject private ArrangementService arrangements;
  @Inject private CaseReview review;
  @Inject private CaseService cases;
  @Inject private TestLedger ledger;
  @Inject private TestPeople people;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  private ManagedExecutorService executor;

  /**
   * The test's own reads run in transactions: an entity manager opened outside one would be shared
   * with the executor's threads, which take this request's context with them.
   */
  @Resource private UserTransaction transaction;

  private final LocalDate today = LocalDate.now();
  private String collector;
  private String approver;
  private String otherApprover;

  @BeforeEach
  void people() {
    collector = people.user(Role.COLLECTOR);
    approver = people.user(Role.APPROVER);
    otherApprover = people.user(Role.APPROVER);
    ledger.approvalLimit(approver, "EUR", "10000.00");
    ledger.approvalLimit(otherApprover, "EUR", "10000.00");
  }

  @Test
  void ofTwoApproversDecidingAtOnceTheSecondIsToldWhoDecided() throws Exception {
    Customer customer = customerWithCase();
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "900.00");
    CollectionCase opened = inTransaction(() -> reviewedCase(customer));
    Arrangement proposed = arrangements.propose(opened.getId(), plan(invoice), collector);
    long id = proposed.getId();
    long version = proposed.getVersion();

    List<Outcome> outcomes =
        atOnce(
            () -> arrangements.approve(id, version, "Agreed", approver),
            () -> arrangements.reject(id, version, "Too long", otherApprover));

    assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
    Outcome lost = outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow();
    assertThat(lost.failure()).isInstanceOf(ConcurrentChangeException.class);
    Arrangement decided = inTransaction(() -> arrangements.get(id));
    assertThat(lost.failure().getMessage())
        .startsWith("This arrangement was changed by " + decided.getDecidedBy() + " at ");
    assertThat(decided.getStatus()).isIn(ArrangementStatus.ACTIVE, ArrangementStatus.REJECTED);
  }

  @Test
  void ofTwoPromisesRecordedAtOnceTheSecondIsToldWhoChangedTheCase() throws Exception {
    Customer customer = customerWithCase();
    ledger.invoice(customer, today.minusDays(40), "900.00");
    CollectionCase opened = inTransaction(() -> reviewedCase(customer));
    long version = opened.getVersion();
    PromiseTerms terms =
        new PromiseTerms(new BigDecimal("900.00"), today.plusDays(5), List.of(), "On the phone");

    List<Outcome> outcomes =
        atOnce(
            () -> cases.recordPromise(opened.getId(), version, terms, approver),
            () -> cases.recordPromise(opened.getId(), version, terms, otherApprover));

    assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
    Outcome lost = outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow();
    assertThat(lost.failure())
        .isInstanceOf(ConcurrentChangeException.class)
        .hasMessageStartingWith("This case was changed by ")
        .hasMessageContaining(" at ");
    assertThat(inTransaction(() -> cases.promises(opened.getId()))).hasSize(1);
  }

  @Test
  void ofTwoChangesOfTheLimitsAtOnceTheSecondIsToldWhoSaved() throws Exception {
    String admin = people.user(Role.ADMIN);
    String otherAdmin = people.user(Role.ADMIN);
    ArrangementLimits limits = inTransaction(arrangements::limits); // saved again as they are
    long version = inTransaction(() -> arrangements.settings().getVersion());

    List<Outcome> outcomes =
        atOnce(
            () -> arrangements.changeLimits(limits, version, admin),
            () -> arrangements.changeLimits(limits, version, otherAdmin));

    assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
    Outcome lost = outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow();
    assertThat(lost.failure())
        .isInstanceOf(ConcurrentChangeException.class)
        .hasMessageContaining(" was changed by ")
        .hasMessageContaining(" at ");
  }

  private <T> T inTransaction(Callable<T> work) throws Exception {
    return Transactions.in(transaction, work);
  }

  /** Runs both at the same moment, each on a thread and in a transaction of its own. */
  private List<Outcome> atOnce(Runnable first, Runnable second) throws Exception {
    return AtOnce.run(executor, first, second);
  }

  private Proposal plan(Invoice invoice) {
    return new Proposal(
        ArrangementKind.INSTALMENTS,
        List.of(invoice.getNumber()),
        "Cash flow is tight this quarter",
        3,
        today.plusDays(7),
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
}
