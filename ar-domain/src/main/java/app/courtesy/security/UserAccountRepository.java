package app.courtesy.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
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

  /** The account's display name, or the username itself for an account that is gone. */
  public String displayName(String username) {
    return findByUsername(username).map(UserAccount::getDisplayName).orElse(username);
  }

  public List<UserAccount> findAll() {
    return em.createQuery("select u from UserAccount u order by u.username", UserAccount.class)
        .getResultList();
  }

  /** Someone who can be given cases, as a choice in a list. */
  public record Collector(String username, String displayName) implements Serializable {}

  /** The active accounts with the collector role, by name: who can be given cases. */
  @SuppressWarnings("unchecked")
  public List<Collector> activeCollectors() {
    List<Object[]> rows =
        em.createNativeQuery(
                "select u.username, u.display_name from app_user u"
                    + " where u.active and exists (select 1 from app_user_role r"
                    + " where r.user_id = u.id and r.role_name = ?1)"
                    + " order by u.display_name, u.username")
            .setParameter(1, Role.COLLECTOR.id())
            .getResultList();
    return rows.stream().map(row -> new Collector((String) row[0], (String) row[1])).toList();
  }

  public long count() {
    return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
  }

  void add(UserAccount account) {
    em.persist(account);
  }
}
