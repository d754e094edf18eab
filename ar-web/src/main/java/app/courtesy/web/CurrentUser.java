package app.courtesy.web;

import app.courtesy.security.Role;
import app.courtesy.security.SecurityEventKind;
import app.courtesy.security.SecurityEvents;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * The person signed in, as pages see them: name, roles, their home and the areas the navigation
 * offers. Roles are read from the account, the same rows the identity store reads. Hiding a link is
 * a courtesy; the container checks every role again (web.xml constraints, {@code @RolesAllowed}).
 */
@Named
@RequestScoped
public class CurrentUser {

  static final String LOGIN_PATH = "/login.xhtml";

  @Inject private SecurityContext securityContext;
  @Inject private UserAccountRepository accounts;
  @Inject private FacesContext faces;
  @Inject private SecurityEvents events;

  private Optional<UserAccount> account;

  public boolean isSignedIn() {
    return securityContext.getCallerPrincipal() != null;
  }

  public String getUsername() {
    Principal caller = securityContext.getCallerPrincipal();
    return caller == null ? "" : caller.getName();
  }

  public String getDisplayName() {
    return account().map(UserAccount::getDisplayName).orElse(getUsername());
  }

  public String getFirstName() {
    return getDisplayName().split(" ")[0];
  }

  public boolean hasRole(Role role) {
    return account().filter(UserAccount::isActive).map(a -> a.hasRole(role)).orElse(false);
  }

  public boolean isCollector() {
    return hasRole(Role.COLLECTOR);
  }

  public boolean isApprover() {
    return hasRole(Role.APPROVER);
  }

  public boolean isAdmin() {
    return hasRole(Role.ADMIN);
  }

  /** May open the collectors' work area. */
  public boolean isWorker() {
    return isCollector() || isApprover() || isAdmin();
  }

  /** The page a person lands on after signing in: the area of their main role. */
  public String getHomePath() {
    if (isCollector()) {
      return "/work/";
    }
    if (isApprover()) {
      return "/approvals/";
    }
    if (isAdmin()) {
      return "/admin/";
    }
    return "/";
  }

  /**
   * View action of the start page: visitors go to the login page, people to their home; integration
   * accounts stay and read what their account is for.
   */
  public void goHome() throws IOException {
    ExternalContext external = faces.getExternalContext();
    if (!isSignedIn()) {
      external.redirect(external.getRequestContextPath() + LOGIN_PATH);
    } else if (isWorker()) {
      external.redirect(external.getRequestContextPath() + getHomePath());
    }
  }

  public void logout() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    events.record(SecurityEventKind.SIGNED_OUT, getUsername(), request.getRemoteAddr(), null);
    request.logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + LOGIN_PATH + "?signedOut=true");
  }

  private Optional<UserAccount> account() {
    if (account == null) {
      account = isSignedIn() ? accounts.findByUsername(getUsername()) : Optional.empty();
    }
    return account;
  }
}
