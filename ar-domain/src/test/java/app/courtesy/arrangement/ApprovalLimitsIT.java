package app.courtesy.arrangement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.arrangement.ApprovalLimits.Approver;
import app.courtesy.arrangement.ApprovalLimits.Change;
import app.courtesy.arrangement.ApprovalLimits.Limit;
import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.Invoice;
import app.courtesy.security.Role;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotFoundException;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestPeople;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What approvers may approve: an administrator sets, changes and removes each approver's limit per
 * currency, every change is kept with who and when, nonsense is refused naming the field, and the
 * four-eyes check reads the limits as they are now.
 */
@ExtendWith(ArquillianExtension.class)
class ApprovalLimitsIT {

  @Inject private ApprovalLimits limits;
  @Inject private ArrangementService arrangements;
  @Inject private CaseReview review;
  @Inject private CaseService cases;
  @Inject private TestLedger ledger;
  @Inject private TestPeople people;

  private final LocalDate today = LocalDate.now();
  private String approver;
  private String admin;

  @BeforeEach
  void people() {
    approver = people.user(Role.APPROVER);
    admin = people.user(Role.ADMIN);
  }

  @Test
  void aLimitIsSetChangedAndRemovedAndEveryChangeIsKept() {
    // a new approver is listed without limits: they may reject, and approve nothing
    assertThat(of(approver).limits()).isEmpty();

    limits.set(approver, "eur", new BigDecimal("25000"), admin);
    limits.set(approver, "JPY", new BigDecimal("3000000"), admin);
    Limit changed = limits.set(approver, "EUR", new BigDecimal("30000.50"), admin);
    limits.set(approver, "EUR", new BigDecimal("30000.500"), admin); // the same: no change

    assertThat(changed.amount()).isEqualTo(Money.of("30000.50", "EUR"));
    assertThat(changed.updatedBy()).isEqualTo(admin);
    assertThat(changed.updatedAt()).isNotNull();
    assertThat(of(approver).limits())
        .extracting(Limit::amount)
        .containsExactly(Money.of("30000.50", "EUR"), Money.of("3000000", "JPY"));

    limits.remove(approver, "EUR", admin);

    assertThat(of(approver).limits())
        .extracting(Limit::amount)
        .containsExactly(Money.of("3000000", "JPY"));
    assertThat(changesOf(approver))
        .extracting(c -> c.currency().getCurrencyCode(), Change::before, Change::after)
        .containsExactly(
            tuple("EUR", Money.of("30000.50", "EUR"), null),
            tuple("EUR", Money.of("25000", "EUR"), Money.of("30000.50", "EUR")),
            tuple("JPY", null, Money.of("3000000", "JPY")),
            tuple("EUR", null, Money.of("25000", "EUR")));
    assertThat(changesOf(approver)).extracting(Change::changedBy).containsOnly(admin);
    assertThatThrownBy(() -> limits.remove(approver, "EUR", admin))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void nonsenseIsRefusedNamingTheFieldAndNothingIsWritten() {
    String collector = people.user(Role.COLLECTOR);

    assertThat(problems(collector, "EUR", "100"))
        .singleElement()
        .asString()
        .startsWith("approver:");
    assertThat(problems("nobody-" + approver, "EUR", "100"))
        .containsExactly("approver: nobody signs in as nobody-" + approver);
    assertThat(problems(approver, "EU", "100"))
        .containsExactly("currency: EU is not an ISO currency code such as EUR or USD");
    assertThat(problems(approver, "XAU", "100")).singleElement().asString().startsWith("currency:");
    assertThat(problems(approver, "EUR", "-0.01")).containsExactly("amount: must not be negative");
    assertThat(problems(approver, "EUR", "10.001"))
        .containsExactly("amount: EUR amounts have at most 2 decimal places");
    assertThat(problems(approver, "JPY", "100.5"))
        .containsExactly("amount: JPY amounts have no decimal places");
    assertThat(problems(approver, "EUR", null)).singleElement().asString().startsWith("amount:");
    assertThat(problems(collector, "??", "-1")).hasSize(3);

    assertThat(of(approver).limits()).isEmpty();
    assertThat(changesOf(approver)).isEmpty();
  }

  @Test
  void onlyAnApproverWhoseLimitCoversAProposalMayApproveIt() {
    String collector = people.user(Role.COLLECTOR);
    Customer customer = ledger.customer("Kestrel Logistics Inc.", "USD");
    ledger.assign(customer, collector);
    Invoice invoice = ledger.invoice(customer, today.minusDays(40), "800.00");
    review.review(today);
    long caseId = cases.findOpen(customer).orElseThrow().getId();
    Arrangement extension =
        arrangements.propose(
            caseId,
            new Proposal(
                ArrangementKind.EXTENSION,
                List.of(invoice.getNumber()),
                "Waiting for their customer's payment",
                null,
                null,
                null,
                null,
                today.plusDays(30),
                null,
                null),
            collector);

    // no limit in USD: the approver may reject but not approve
    assertThat(arrangements.whyNot(extension, approver, true))
        .hasValueSatisfying(why -> assertThat(why).contains("no approval limit in USD"));
    assertThat(arrangements.whyNot(extension, approver, false)).isEmpty();

    // a limit in another currency does not count: amounts are never converted
    limits.set(approver, "EUR", new BigDecimal("100000"), admin);
    assertThat(arrangements.whyNot(extension, approver, true))
        .hasValueSatisfying(why -> assertThat(why).contains("no approval limit in USD"));

    // US$500 does not cover US$800
    limits.set(approver, "USD", new BigDecimal("500"), admin);
    assertThat(arrangements.whyNot(extension, approver, true))
        .hasValueSatisfying(
            why -> assertThat(why).contains("is above your approval limit of US$500.00"));

    // exactly US$800 does
    limits.set(approver, "USD", new BigDecimal("800"), admin);
    assertThat(arrangements.whyNot(extension, approver, true)).isEmpty();

    limits.remove(approver, "USD", admin);
    assertThat(arrangements.whyNot(extension, approver, true))
        .hasValueSatisfying(why -> assertThat(why).contains("no approval limit in USD"));
  }

  @Test
  void theLimitsOfArrangementsChangeOnlyAsReadAndWithinReason() {
    ArrangementSettings before = arrangements.settings();
    ArrangementLimits read = before.limits();
    ArrangementLimits longer =
        new ArrangementLimits(
            read.maxInstalments(),
            read.maxPlanDays() + 1,
            read.maxExtensionDays(),
            read.maxDiscountPercent(),
            read.maxDiscountDays(),
            read.reminderDaysBefore(),
            read.noticeGraceDays(),
            read.defaultGraceDays());

    assertThatThrownBy(
            () ->
                arrangements.changeLimits(
                    new ArrangementLimits(1, 0, 1, new BigDecimal("5.555"), -1, 3, 3, 7),
                    before.getVersion(),
                    admin))
        .isInstanceOf(ArrangementRefusedException.class)
        .extracting(e -> ((ArrangementRefusedException) e).problems())
        .isEqualTo(
            List.of(
                "maxInstalments: must be 2 or more",
                "maxPlanDays: must be 1 or more",
                "maxDiscountPercent: at most 2 decimal places",
                "maxDiscountDays: must not be negative"));

    arrangements.changeLimits(longer, before.getVersion(), admin);
    ArrangementSettings after = arrangements.settings();
    assertThat(after.limits()).isEqualTo(longer);
    assertThat(after.getUpdatedBy()).isEqualTo(admin);

    // a second administrator saves what they read before the first one's change
    assertThatThrownBy(() -> arrangements.changeLimits(read, before.getVersion(), approver))
        .isInstanceOf(ConcurrentChangeException.class)
        .hasMessageContaining("changed by " + admin);

    arrangements.changeLimits(read, after.getVersion(), admin);
    assertThat(arrangements.limits()).isEqualTo(read);
  }

  private Approver of(String username) {
    return limits.approvers().stream()
        .filter(a -> a.username().equals(username))
        .findFirst()
        .orElseThrow();
  }

  private List<Change> changesOf(String username) {
    return limits.latestChanges(1000).stream().filter(c -> c.username().equals(username)).toList();
  }

  private List<String> problems(String username, String currency, String amount) {
    try {
      limits.set(username, currency, amount == null ? null : new BigDecimal(amount), admin);
    } catch (ArrangementRefusedException refused) {
      return refused.problems();
    }
    throw new AssertionError("Not refused: " + username + " " + currency + " " + amount);
  }
}
