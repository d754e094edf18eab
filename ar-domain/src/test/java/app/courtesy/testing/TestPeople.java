package app.courtesy.testing;

import app.courtesy.security.NewUser;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccountService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/** The people a test needs: each a new account of its own. */
@ApplicationScoped
public class TestPeople {

  @Inject private UserAccountService users;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /** A new account with {@code role}; its username. */
  public String user(Role role) {
    String username = role.id() + "-" + UUID.randomUUID().toString().substring(0, 8);
    users.createUser(
        new NewUser(username, username, "tundra-velvet-orchard-42", Set.of(role)), "test");
    return username;
  }

  /**
   * A new collector whose cases are only those of the customers assigned to them ({@code
   * TestLedger.assign}): the account is inactive, so a review hands them none of the other tests'
   * customers that have no collector of their own.
   */
  @Transactional
  public String collectorOfOwnCustomers() {
    String username = user(Role.COLLECTOR);
    em.createNativeQuery("update app_user set active = false where username = ?1")
        .setParameter(1, username)
        .executeUpdate();
    return username;
  }
}
