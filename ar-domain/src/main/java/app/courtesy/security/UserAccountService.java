package app.courtesy.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * Creates accounts and changes their passwords. A password a person chooses follows the {@link
 * PasswordPolicy}. Passwords are hashed with PBKDF2-HMAC-SHA512 (210,000 iterations, as OWASP
 * recommends); the hash carries its own parameters, so stronger settings later still verify old
 * hashes.
 */
@ApplicationScoped
@Transactional
public class UserAccountService {

  /**
   * Parameters for {@link Pbkdf2PasswordHash}; the identity store reads them back from the hash.
   */
  public static final Map<String, String> HASH_PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
          "Pbkdf2PasswordHash.Iterations", "210000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "64");

  @Inject private UserAccountRepository users;
  @Inject private Pbkdf2PasswordHash passwordHash;
  @Inject private Clock clock;
  @Inject private Validator validator;
  @Inject private SecurityEvents events;

  @PostConstruct
  void configureHash() {
    passwordHash.initialize(HASH_PARAMETERS);
  }

  /**
   * Creates an active account with a password its creator chose, which must follow the {@link
   * PasswordPolicy}.
   *
   * @param createdBy username of whoever creates it (or {@code system})
   * @throws ConstraintViolationException naming every invalid field ({@code username}, {@code
   *     password}, …) at once
   * @throws UsernameTakenException when the username exists already
   */
  public UserAccount createUser(@NotNull NewUser user, @NotBlank String createdBy) {
    Set<ConstraintViolation<NewUser>> invalid =
        validator.validate(user, Default.class, AcceptablePassword.Chosen.class);
    if (!invalid.isEmpty()) {
      throw new ConstraintViolationException(invalid);
    }
    return create(user, createdBy);
  }

  /**
   * Creates one of the demo book's accounts, whose passwords the README publishes: the password
   * policy would refuse them, and there is nothing to protect in a demo book.
   */
  public UserAccount createDemoUser(@NotNull @Valid NewUser user) {
    return create(user, "demo");
  }

  /**
   * Changes a person's own password, after checking the current one.
   *
   * @throws PasswordRefusedException when the current password is wrong or the new one does not
   *     follow the policy
   */
  public void changePassword(
      @NotBlank String username, String currentPassword, String newPassword, String address) {
    UserAccount account = users.findByUsername(username).orElseThrow();
    if (currentPassword == null
        || !passwordHash.verify(currentPassword.toCharArray(), account.getPasswordHash())) {
      throw new PasswordRefusedException("currentPassword", "is not your current password");
    }
    PasswordPolicy.problem(newPassword, account.getUsername(), account.getDisplayName())
        .ifPresent(
            problem -> {
              throw new PasswordRefusedException("newPassword", problem);
            });
    account.changePassword(
        passwordHash.generate(newPassword.toCharArray()), OffsetDateTime.now(clock));
    events.record(SecurityEventKind.PASSWORD_CHANGED, username, address, null);
  }

  /** Whether {@code password} is the account's password (an active account's). */
  public boolean passwordMatches(String username, String password) {
    return password != null
        && users
            .findByUsername(username)
            .filter(UserAccount::isActive)
            .map(a -> passwordHash.verify(password.toCharArray(), a.getPasswordHash()))
            .orElse(false);
  }

  private UserAccount create(NewUser user, String createdBy) {
    if (users.findByUsername(user.username()).isPresent()) {
      throw new UsernameTakenException(user.username());
    }
    UserAccount account =
        new UserAccount(
            user.username(),
            user.displayName().strip(),
            passwordHash.generate(user.password().toCharArray()),
            user.roles(),
            OffsetDateTime.now(clock),
            createdBy);
    users.add(account);
    events.record(
        SecurityEventKind.ACCOUNT_CREATED,
        user.username(),
        null,
        "by "
            + createdBy
            + ", roles "
            + account.getRoles().stream().map(Role::id).sorted().toList());
    return account;
  }
}
