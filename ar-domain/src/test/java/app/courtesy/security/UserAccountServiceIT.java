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
        new NewUser(
            username, " Jo Bloggs ", "Mossy kettle harbours 31 owls", Set.of(Role.COLLECTOR)),
        "admin");

    UserAccount stored = repository.findByUsername(username).orElseThrow();
    assertThat(stored.getDisplayName()).isEqualTo("Jo Bloggs");
    assertThat(stored.getRoles()).containsExactly(Role.COLLECTOR);
    assertThat(stored.isActive()).isTrue();
    assertThat(stored.getCreatedBy()).isEqualTo("admin");
    String storedHash = storedHash(username);
    assertThat(storedHash).startsWith("PBKDF2WithHmacSHA512:210000:").doesNotContain("kettle");
    assertThat(hash.verify("Mossy kettle harbours 31 owls".toCharArray(), storedHash)).isTrue();
    assertThat(hash.verify("wrong".toCharArray(), storedHash)).isFalse();
  }

  @Test
  void refusesATakenUsername() {
    NewUser user =
        new NewUser(username, "First", "cobalt-heron-pavilion-58", Set.of(Role.APPROVER));
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
                    .containsExactlyInAnyOrder("username", "displayName", "password", "roles"));
    assertThat(repository.findByUsername("No Spaces")).isEmpty();
  }

  @Test
  void refusesACommonPasswordNamingTheFieldAndWritesNothing() {
    NewUser weak = new NewUser(username, "Jo Bloggs", "password1234", Set.of(Role.COLLECTOR));

    assertThatThrownBy(() -> service.createUser(weak, "admin"))
        .isInstanceOfSatisfying(
            ConstraintViolationException.class,
            e ->
                assertThat(e.getConstraintViolations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.getPropertyPath().toString()).isEqualTo("password");
                          assertThat(v.getMessage()).startsWith("is too easy to guess");
                        }));
    assertThat(repository.findByUsername(username)).isEmpty();
  }

  @Test
  void theDemoBooksPublishedPasswordsAreNotHeldToThePolicy() {
    service.createDemoUser(
        new NewUser(username, "Demo Person", "collect-politely", Set.of(Role.COLLECTOR)));

    assertThat(service.passwordMatches(username, "collect-politely")).isTrue();
  }

  @Test
  void aPersonChangesTheirPasswordWithTheCurrentOneAndItIsRecorded() {
    service.createUser(
        new NewUser(username, "Jo Bloggs", "brisk-walnut-cathedral-63", Set.of(Role.APPROVER)),
        "admin");

    assertThatThrownBy(
            () ->
                service.changePassword(
                    username, "not-the-current-one", "amber-quartz-lighthouse-27", "127.0.0.1"))
        .isInstanceOfSatisfying(
            PasswordRefusedException.class,
            e -> assertThat(e.field()).isEqualTo("currentPassword"));
    assertThatThrownBy(
            () ->
                service.changePassword(
                    username, "brisk-walnut-cathedral-63", "qwertyuiopasdf", "127.0.0.1"))
        .isInstanceOfSatisfying(
            PasswordRefusedException.class, e -> assertThat(e.field()).isEqualTo("newPassword"));
    assertThat(service.passwordMatches(username, "brisk-walnut-cathedral-63")).isTrue();

    service.changePassword(
        username, "brisk-walnut-cathedral-63", "amber-quartz-lighthouse-27", "127.0.0.1");

    assertThat(service.passwordMatches(username, "amber-quartz-lighthouse-27")).isTrue();
    assertThat(service.passwordMatches(username, "brisk-walnut-cathedral-63")).isFalse();
    assertThat(events.latest(null, username, 10))
        .extracting(SecurityEvent::getKind)
        .containsExactly(SecurityEventKind.PASSWORD_CHANGED, SecurityEventKind.ACCOUNT_CREATED);
  }

  @Inject private SecurityEvents events;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  private String storedHash(String username) {
    return (String)
        em.createNativeQuery("select password_hash from app_user where username = ?1")
            .setParameter(1, username)
            .getSingleResult();
  }
}
