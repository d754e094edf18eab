package app.courtesy.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Backs {@code login.xhtml}: signs a person in and sends them where they were going. */
@Named
@RequestScoped
public class LoginBacking {

  @Inject private SecurityContext securityContext;
  @Inject private FacesContext faces;

  private String username;
  private String password;

  private String next;

  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        securityContext.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            withParams()
                .credential(new UsernamePasswordCredential(username.strip(), password))
                .newAuthentication(true));
    switch (status) {
      case SUCCESS -> external.redirect(external.getRequestContextPath() + destination());
      case SEND_CONTINUE -> faces.responseComplete();
      default ->
          faces.addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  "The username or password is not correct.",
                  "Check both and try again; passwords are case-sensitive."));
    }
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

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
