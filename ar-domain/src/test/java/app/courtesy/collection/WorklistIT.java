package app.courtesy.collection;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.collection.Worklist.Filter;
import app.courtesy.collection.Worklist.Row;
import app.courtesy.collection.Worklist.Sort;
import app.courtesy.customer.Customer;
import app.courtesy.security.Role;
import app.courtesy.testing.TestLedger;
import app.courtesy.testing.TestPeople;
import app.courtesy.testing.Transactions;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worklist read whole for an export: in chunks after the last case, in exactly the order its
 * pages show, whichever column it is sorted by and with empty values among them.
 */
@ExtendWith(ArquillianExtension.class)
class WorklistIT {

  @Inject private Worklist worklist;
  @Inject private CaseReview review;
  @Inject private TestLedger ledger;
  @Inject private TestPeople people;
  @Resource private UserTransaction transaction;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  private final LocalDate today = LocalDate.now();
  private Filter hers;

  @BeforeEach
  void sevenCasesOfOneCollectorThreeWithANextAction() throws Exception {
    String collector = people.user(Role.COLLECTOR);
    hers =
        new Filter(null, collector, Set.of(), null, null, null, null, false, false, false, false);
    List<Customer> customers = new ArrayList<>();
    // amounts and lateness repeat, so that ties are broken by the case id
    for (int i = 0; i < 7; i++) {
      Customer customer = ledger.customer("Worklist Keyset " + i, "EUR");
      ledger.assign(customer, collector);
      ledger.invoice(customer, today.minusDays(10 + 10 * (i % 3)), i % 2 == 0 ? "500.00" : "70.00");
      customers.add(customer);
    }
    review.review(today);
    Transactions.in(
        transaction,
        () -> {
          for (int i : new int[] {1, 4, 5}) {
            em.createNativeQuery(
                    "update collection_case set next_action_on = ?1"
                        + " where customer_id = ?2 and open_customer_id is not null")
                .setParameter(1, today.plusDays(i == 5 ? 4 : 2))
                .setParameter(2, customers.get(i).getId())
                .executeUpdate();
          }
          return null;
        });
  }

  @Test
  void everyCaseInThePagesOrderWhicheverTheSort() {
    assertThat(worklist.count(hers, today)).isEqualTo(7);
    for (Sort sort : Sort.values()) {
      for (boolean ascending : new boolean[] {true, false}) {
        List<Long> shown =
            worklist.page(hers, today, sort, ascending, 0, 25).stream().map(Row::caseId).toList();
        List<Long> read = new ArrayList<>();
        worklist.each(hers, today, sort, ascending, 2, 100, row -> read.add(row.caseId()));

        assertThat(read).as("%s %s", sort, ascending ? "asc" : "desc").isEqualTo(shown);
        assertThat(shown).hasSize(7);
      }
    }
  }

  @Test
  void readsNoMoreThanItsLimitAndCountsUpToOne() {
    List<Long> read = new ArrayList<>();
    worklist.each(hers, today, Sort.NEXT_ACTION, true, 2, 5, row -> read.add(row.caseId()));

    assertThat(read)
        .isEqualTo(
            worklist.page(hers, today, Sort.NEXT_ACTION, true, 0, 5).stream()
                .map(Row::caseId)
                .toList());
    assertThat(worklist.count(hers, today, 3)).isEqualTo(4);
  }
}
