package app.courtesy.web.admin;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Verification;
import app.courtesy.database.DatabaseSchema;
import app.courtesy.security.NewUser;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.security.UserAccountService;
import app.courtesy.security.UsernameTakenException;
import app.courtesy.web.CurrentUser;
import app.courtesy.web.security.Reauthentication;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
  @Inject private UserAccountService accountService;
  @Inject private Reauthentication reauthentication;
  @Inject private CurrentUser currentUser;

  private List<UserAccount> users;
  private Verification logVerification;
  private String newUsername;
  private String newDisplayName;
  private String newPassword;
  private List<String> newRoles = new ArrayList<>();

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

  /** Creates the account the form describes, once the administrator confirmed it is them. */
  public void createUser() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    newRoles.forEach(id -> Role.findById(id).ifPresent(roles::add));
    try {
      reauthentication.require();
      UserAccount created =
          accountService.createUser(
              new NewUser(
                  newUsername == null ? null : newUsername.strip(),
                  newDisplayName,
                  newPassword,
                  roles),
              currentUser.getUsername());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              created.getDisplayName()
                  + " ("
                  + created.getUsername()
                  + ") can sign in now as "
                  + roles(created)
                  + ".",
              null));
      newUsername = null;
      newDisplayName = null;
      newPassword = null;
      newRoles = new ArrayList<>();
      users = accounts.findAll();
    } catch (ConstraintViolationException invalid) {
      invalid.getConstraintViolations().stream()
          .map(v -> label(v.getPropertyPath().toString()) + " " + v.getMessage())
          .sorted()
          .forEach(
              problem ->
                  faces.addMessage(
                      null, new FacesMessage(FacesMessage.SEVERITY_ERROR, problem, null)));
      faces.validationFailed();
    } catch (Reauthentication.Needed | UsernameTakenException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage() + ".", null));
      faces.validationFailed();
    }
  }

  /** The field's label for a violation's path, such as {@code displayName}. */
  private static String label(String path) {
    return switch (path.substring(path.lastIndexOf('.') + 1)) {
      case "username" -> "Username:";
      case "displayName" -> "Name:";
      case "password" -> "First password:";
      case "roles" -> "Roles:";
      default -> "";
    };
  }

  public List<Role> getRoleChoices() {
    return List.of(Role.values());
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

  public String getNewUsername() {
    return newUsername;
  }

  public void setNewUsername(String newUsername) {
    this.newUsername = newUsername;
  }

  public String getNewDisplayName() {
    return newDisplayName;
  }

  public void setNewDisplayName(String newDisplayName) {
    this.newDisplayName = newDisplayName;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public List<String> getNewRoles() {
    return newRoles;
  }

  public void setNewRoles(List<String> newRoles) {
    this.newRoles = newRoles;
  }

  public DatabaseSchema.SchemaStatus getSchema() {
    return schema.status();
  }
}
