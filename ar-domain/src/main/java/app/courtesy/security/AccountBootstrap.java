package app.courtesy.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives a new installation its first administrator: when the database has no users and {@code
 * ar.admin.password} ({@code AR_ADMIN_PASSWORD}) is set, an {@code admin} account with that
 * password is created, if the {@link PasswordPolicy} accepts it (the log says why not). With users
 * present the setting is ignored.
 */
@ApplicationScoped
public class AccountBootstrap {

  private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());

  @Inject
  @ConfigProperty(name = "ar.admin.password")
  private Optional<String> adminPassword;

  @Inject private UserAccountRepository users;
  @Inject private UserAccountService accounts;

  @Transactional
  public void createFirstAdmin() {
    if (adminPassword.isEmpty() || users.count() > 0) {
      return;
    }
    Optional<String> weak =
        PasswordPolicy.problem(adminPassword.get(), Role.ADMIN_ID, "Administrator");
    if (weak.isPresent()) {
      LOG.severe(
          () ->
              "No administrator was created: AR_ADMIN_PASSWORD (ar.admin.password) "
                  + weak.get()
                  + " Set a longer, less common password and restart.");
      return;
    }
    accounts.createUser(
        new NewUser(Role.ADMIN_ID, "Administrator", adminPassword.get(), Set.of(Role.ADMIN)),
        "system");
    LOG.info("Created the first administrator account 'admin'");
  }
}
