package app.courtesy.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Finds and stores {@link UserAccount}s. */
@ApplicationScoped
public class UserAccountRepository {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Optional<UserAccount> findByUsername(String username) {
    return em.createQuery(
            "select u from UserAccount u where u.username = :username", UserAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public List<UserAccount> findAll() {
    return em.createQuery("select u from UserAccount u order by u.username", UserAccount.class)
        .getResultList();
  }

  /** The active accounts with the collector role, by username: who can be given cases. */
  public List<UserAccount> activeCollectors() {
    return findAll().stream()
        .filter(account -> account.isActive() && account.hasRole(Role.COLLECTOR))
        .toList();
  }

  public long count() {
    return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
  }

  void add(UserAccount account) {
    em.persist(account);
  }
}
