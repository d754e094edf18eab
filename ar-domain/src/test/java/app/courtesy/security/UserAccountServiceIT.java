package app.courtesy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class UserAccountServiceIT {

  @Inject private UserAccountService service;
  @Inject private UserAccountRepository repository;
  @Inject private Pbkdf2PasswordHash hash;

  private final String username = "user-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void storesANewAccountWithAHashInsteadOfThePassword() {
    service.createUser(
        new NewUser(username, " Jo Bloggs ", "correct horse battery", Set.of(Role.COLLECTOR)),
        "admin");

    UserAccount stored = repository.findByUsername(username).orElseThrow();
    assertThat(stored.getDisplayName()).isEqualTo("Jo Bloggs");
    assertThat(stored.getRoles()).containsExactly(Role.COLLECTOR);
    assertThat(stored.isActive()).isTrue();
    assertThat(stored.getCreatedBy()).isEqualTo("admin");
    String storedHash = storedHash(username);
    assertThat(storedHash).startsWith("PBKDF2WithHmacSHA512:210000:").doesNotContain("horse");
    assertThat(hash.verify("correct horse battery".toCharArray(), storedHash)).isTrue();
    assertThat(hash.verify("wrong".toCharArray(), storedHash)).isFalse();
  }

  @Test
  void refusesATakenUsername() {
    NewUser user = new NewUser(username, "First", "a-long-password", Set.of(Role.APPROVER));
    service.createUser(user, "admin");

    assertThatThrownBy(() -> service.createUser(user, "admin"))
        .isInstanceOf(UsernameTakenException.class)
        .hasMessageContaining(username);
  }

  @Test
  void namesEveryInvalidField() {
    NewUser invalid = new NewUser("No Spaces", "", "short", Set.of());

    assertThatThrownBy(() -> service.createUser(invalid, "admin"))
        .isInstanceOfSatisfying(
            ConstraintViolationException.class,
            e ->
                assertThat(e.getConstraintViolations())
                    .extracting(ConstraintViolation::getPropertyPath)
                    .extracting(Object::toString)
                    .containsExactlyInAnyOrder(
                        "createUser.user.username",
                        "createUser.user.displayName",
                        "createUser.user.password",
                        "createUser.user.roles"));
    assertThat(repository.findByUsername("No Spaces")).isEmpty();
  }

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  private String storedHash(String username) {
    return (String)
        em.createNativeQuery("select password_hash from app_user where username = ?1")
            .setParameter(1, username)
            .getSingleResult();
  }
}
