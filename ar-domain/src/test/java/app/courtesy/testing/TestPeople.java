package app.courtesy.testing;

import app.courtesy.security.NewUser;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccountService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/** The people a test needs: each a new account of its own. */
@ApplicationScoped
public class TestPeople {

  @Inject private UserAccountService users;

  /** A new account with {@code role}; its username. */
  public String user(Role role) {
    String username = role.id() + "-" + UUID.randomUUID().toString().substring(0, 8);
    users.createUser(
        new NewUser(username, username, "tundra-velvet-orchard-42", Set.of(role)), "test");
    return username;
  }
}
