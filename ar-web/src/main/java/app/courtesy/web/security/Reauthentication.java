package app.courtesy.web.security;

import app.courtesy.security.SecondFactor;
import app.courtesy.security.SecurityEventKind;
import app.courtesy.security.SecurityEvents;
import app.courtesy.security.SignInThrottle;
import app.courtesy.security.UserAccountService;
import app.courtesy.shared.BusinessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;

/**
 * Asks a person to prove again who they are before the actions that matter most (approving an
 * arrangement, changing approval limits, creating an account) when they last did more than five
 * minutes ago: their password, or a one-time code where they sign in in two steps. The form shows
 * the field ({@code WEB-INF/includes/reauthenticate.xhtml}) while it is needed; the action calls
 * {@link #require()} on the server, whatever the page showed. Wrong answers count towards the
 * {@link SignInThrottle} like failed sign-ins.
 */
@Named
@RequestScoped
public class Reauthentication {

  /** The action waits for a recent proof of identity; the message says what to enter. */
  public static class Needed extends BusinessException {
    Needed(String message) {
      super(message);
    }
  }

  @Inject private SecurityContext securityContext;
  @Inject private UserAccountService accounts;
  @Inject private SecondFactor secondFactor;
  @Inject private SignInThrottle throttle;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  private String secret;

  /** Whether the person last proved who they are more than five minutes ago. */
  public boolean isNeeded() {
    return !SignInSession.recentlyAuthenticated(request().getSession(false), clock.instant());
  }

  /** Whether a one-time code is accepted too (the person signs in in two steps). */
  public boolean isCodeAccepted() {
    return secondFactor.enabled(username());
  }

  /**
   * Goes on if the person proved who they are in the last five minutes, or does so now with the
   * field's password or code.
   *
   * @throws Needed when neither, saying what to enter
   */
  public void require() {
    HttpServletRequest request = request();
    if (SignInSession.recentlyAuthenticated(request.getSession(false), clock.instant())) {
      return;
    }
    String username = username();
    String what = isCodeAccepted() ? "your password or a code from your app" : "your password";
    if (secret == null || secret.isBlank()) {
      throw new Needed(
          "Please confirm it is you: you signed in more than five minutes ago. Enter "
              + what
              + " in \"Confirm it's you\", then try again.");
    }
    String address = request.getRemoteAddr();
    SignInThrottle.Verdict verdict = throttle.check(username, address);
    if (!verdict.allowed()) {
      throw new Needed(verdict.reason());
    }
    boolean confirmed =
        isCodeAccepted() && secret.strip().matches("[0-9 ]{6,7}|[0-9a-zA-Z-]{19}")
            ? secondFactor.verify(username, secret, address)
            : accounts.passwordMatches(username, secret);
    if (!confirmed) {
      throttle.failed(username, address, "confirming it is them: wrong password or code");
      throw new Needed("That is not right. Enter " + what + " in \"Confirm it's you\".");
    }
    SignInSession.reauthenticated(request.getSession(), clock.instant());
    events.record(SecurityEventKind.REAUTHENTICATED, username, address, null);
  }

  private String username() {
    return securityContext.getCallerPrincipal().getName();
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }
}
