package app.courtesy.web.admin;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Verification;
import app.courtesy.database.DatabaseSchema;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Backs {@code admin/index.xhtml}: the accounts, the state of the installation, and the check of
 * every customer's communication log on request.
 */
@Named
@RequestScoped
public class AdminHomeBacking {

  @Inject private UserAccountRepository accounts;
  @Inject private DatabaseSchema schema;
  @Inject private CommunicationLog communicationLog;

  private List<UserAccount> users;
  private Verification logVerification;

  @PostConstruct
  void load() {
    users = accounts.findAll();
  }

  public List<UserAccount> getUsers() {
    return users;
  }

  public String roles(UserAccount user) {
    return user.getRoles().stream().map(Role::id).sorted().collect(Collectors.joining(", "));
  }

  /** Checks every entry of every customer's communication log against its hash. */
  public void verifyLog() {
    logVerification = communicationLog.verify();
  }

  /** What {@link #verifyLog()} found; null until it ran. */
  public Verification getLogVerification() {
    return logVerification;
  }

  /** What {@link #verifyLog()} found, in a sentence. */
  public String getLogVerdict() {
    Verification found = logVerification;
    if (found.entries() == 0) {
      return "Intact: no contact has been logged yet.";
    }
    String checked =
        count(found.entries(), "entry", "entries")
            + " of "
            + count(found.customers(), "customer", "customers");
    return found.intact()
        ? "Intact: all " + checked + " match their fingerprints."
        : "Changed: the log of "
            + count(found.broken().size(), "customer", "customers")
            + " no longer matches its fingerprints ("
            + checked
            + " checked).";
  }

  private static String count(long n, String one, String many) {
    return String.format("%,d %s", n, n == 1 ? one : many);
  }

  public DatabaseSchema.SchemaStatus getSchema() {
    return schema.status();
  }
}
