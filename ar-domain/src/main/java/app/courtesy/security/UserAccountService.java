package app.courtesy.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Creates accounts. Passwords are hashed with PBKDF2-HMAC-SHA512 (210,000 iterations, as OWASP
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

  @PostConstruct
  void configureHash() {
    passwordHash.initialize(HASH_PARAMETERS);
  }

  /**
   * Creates an active account.
   *
   * @param createdBy username of whoever creates it (or {@code system})
   * @throws UsernameTakenException when the username exists already
   */
  public UserAccount createUser(@NotNull @Valid NewUser user, @NotBlank String createdBy) {
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
    return account;
  }
}
