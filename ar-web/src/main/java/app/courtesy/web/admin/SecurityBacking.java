package app.courtesy.web.admin;

import app.courtesy.security.SecurityEvent;
import app.courtesy.security.SecurityEventKind;
import app.courtesy.security.SecurityEvents;
import app.courtesy.security.SignInFailures;
import app.courtesy.security.SignInThrottle;
import app.courtesy.web.CurrentUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code admin/security.xhtml}: the accounts and addresses that wait or are locked after
 * failed sign-ins, with a lock lifted on request, and the latest security events, by kind and
 * account.
 */
@Named
@ViewScoped
public class SecurityBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SHOWN = 200;

  @Inject private transient SecurityEvents events;
  @Inject private transient SignInThrottle throttle;
  @Inject private CurrentUser currentUser;

  private SecurityEventKind kind;
  private String username;
  private transient List<SecurityEvent> shown;
  private transient List<SignInFailures> throttled;

  public List<SecurityEvent> getEvents() {
    if (shown == null) {
      shown = events.latest(kind, username, SHOWN);
    }
    return shown;
  }

  public List<SignInFailures> getThrottled() {
    if (throttled == null) {
      throttled = throttle.throttled();
    }
    return throttled;
  }

  /** Lifts a lock or a wait: the account or address may sign in again at once. */
  public void lift(SignInFailures failures) {
    boolean lifted = throttle.lift(failures.getKey(), currentUser.getUsername());
    String who =
        failures.isAccount() ? "The account " + failures.getSubject() : failures.getSubject();
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_INFO,
                lifted ? who + " may sign in again at once." : who + " was not waiting any more.",
                null));
    throttled = null;
    shown = null;
  }

  /** Shows the events of the chosen kind and account. */
  public void filter() {
    shown = null;
  }

  public List<SecurityEventKind> getKinds() {
    return List.of(SecurityEventKind.values());
  }

  public SecurityEventKind getKind() {
    return kind;
  }

  public void setKind(SecurityEventKind kind) {
    this.kind = kind;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }
}
