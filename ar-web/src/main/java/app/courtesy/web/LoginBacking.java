package app.courtesy.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import app.courtesy.web.security.CourtesyAuthenticationMechanism;
import app.courtesy.web.security.OneTimeCodeCredential;
import app.courtesy.web.security.SignInSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * Backs {@code login.xhtml}: signs a person in, in one step or two (password, then a one-time code
 * where they set it up), and sends them where they were going. A refusal says why: wrong details, a
 * wrong code, or a wait after too many failures.
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject private SecurityContext securityContext;
  @Inject private FacesContext faces;
  @Inject private Clock clock;

  private String username;
  private String password;
  private String code;

  private String next;

  public void login() throws IOException {
    AuthenticationStatus status =
        authenticate(new UsernamePasswordCredential(username.strip(), password));
    if (status == AuthenticationStatus.SEND_FAILURE && isCodeStep() && !refused()) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Your password is right.",
              "Now enter the six-digit code from your authenticator app, or a recovery code."));
      return;
    }
    finish(
        status,
        "The username or password is not correct.",
        "Check both and try again; passwords are case-sensitive.");
  }

  /** The second step: the one-time code for the password just given. */
  public void verifyCode() throws IOException {
    if (!isCodeStep()) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Please sign in again.",
              "More than five minutes passed since you entered your password."));
      return;
    }
    finish(
        authenticate(new OneTimeCodeCredential(code)),
        "That code is not right.",
        "Codes change every 30 seconds: enter the one the app shows now, or a recovery code.");
  }

  /** Leaves the code step and asks for the username and password again. */
  public void startAgain() throws IOException {
    ExternalContext external = faces.getExternalContext();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + CurrentUser.LOGIN_PATH);
  }

  /** Whether the password was right and the code is awaited. */
  public boolean isCodeStep() {
    return SignInSession.awaitingCode(request(), clock.instant());
  }

  private AuthenticationStatus authenticate(Credential credential) {
    ExternalContext external = faces.getExternalContext();
    return securityContext.authenticate(
        request(),
        (HttpServletResponse) external.getResponse(),
        withParams().credential(credential).newAuthentication(true));
  }

  private void finish(AuthenticationStatus status, String summary, String detail)
      throws IOException {
    ExternalContext external = faces.getExternalContext();
    switch (status) {
      case SUCCESS -> external.redirect(external.getRequestContextPath() + destination());
      case SEND_CONTINUE -> faces.responseComplete();
      default -> {
        Object refused = request().getAttribute(CourtesyAuthenticationMechanism.REFUSED);
        faces.addMessage(
            null,
            refused == null
                ? new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail)
                : new FacesMessage(
                    FacesMessage.SEVERITY_ERROR,
                    "Please wait before trying again.",
                    (String) refused));
      }
    }
  }

  private boolean refused() {
    return request().getAttribute(CourtesyAuthenticationMechanism.REFUSED) != null;
  }

  private HttpServletRequest request() {
    return (HttpServletRequest) faces.getExternalContext().getRequest();
  }

  /**
   * Where the person was going, if that is a path inside this application (so the login page cannot
   * send anyone elsewhere); else the start page, which knows each role's home.
   */
  private String destination() {
    boolean local =
        next != null
            && next.startsWith("/")
            && !next.startsWith("//")
            && !next.contains("\\")
            && !next.startsWith(CurrentUser.LOGIN_PATH);
    return local ? next : "/";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
