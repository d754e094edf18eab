package app.courtesy.web;

import app.courtesy.security.PasswordRefusedException;
import app.courtesy.security.SecondFactor;
import app.courtesy.security.SecondFactor.Enrolment;
import app.courtesy.security.SecondFactorRefusedException;
import app.courtesy.security.UserAccountService;
import app.courtesy.web.security.QrCodes;
import app.courtesy.web.security.SignInSession;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Backs {@code account.xhtml}: a person's own password, and their two-step sign-in: set it up with
 * a QR code and a first code, see the recovery codes once, turn it off with a code.
 */
@Named
@ViewScoped
public class AccountBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient UserAccountService accounts;
  @Inject private transient SecondFactor secondFactor;
  @Inject private transient CurrentUser currentUser;

  private String currentPassword;
  private String newPassword;
  private String code;
  private List<String> recoveryCodes;

  public void changePassword() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      accounts.changePassword(currentUser.getUsername(), currentPassword, newPassword, address());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Your password is changed.",
              "Use the new one the next time you sign in."));
      currentPassword = null;
      newPassword = null;
    } catch (PasswordRefusedException refused) {
      String label =
          refused.field().equals("currentPassword") ? "Current password" : "New password";
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              label + " " + refused.getMessage().substring(refused.field().length() + 2),
              null));
      faces.validationFailed();
    }
  }

  /** Creates a new secret and shows it as a QR code. */
  public void startSetup() {
    try {
      secondFactor.start(currentUser.getUsername());
      recoveryCodes = null;
    } catch (SecondFactorRefusedException refused) {
      error(refused.getMessage());
    }
  }

  /** Turns two-step sign-in on with the first code, and shows the recovery codes once. */
  public void confirmSetup() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      recoveryCodes = secondFactor.confirm(currentUser.getUsername(), code, address());
      code = null;
      SignInSession.setupDone(session());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Two-step sign-in is on.",
              "From now on you sign in with your password and a code from the app."));
    } catch (SecondFactorRefusedException refused) {
      error(refused.getMessage());
    }
  }

  public void turnOff() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      secondFactor.disable(currentUser.getUsername(), code, address());
      code = null;
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Two-step sign-in is off.", null));
    } catch (SecondFactorRefusedException refused) {
      error(refused.getMessage());
    }
  }

  public boolean isEnabled() {
    return secondFactor.enabled(currentUser.getUsername());
  }

  /** Whether this person must set up two-step sign-in before anything else. */
  public boolean isSetupRequired() {
    return SignInSession.setupRequired(session());
  }

  public Optional<Enrolment> getPending() {
    return secondFactor.pending(currentUser.getUsername());
  }

  /** The pending secret as a QR code for the authenticator app. */
  public String getQrCode() {
    return getPending()
        .map(e -> QrCodes.svg(e.uri(), "QR code for Courtesy's one-time codes"))
        .orElse("");
  }

  /** The pending secret in groups of four, for typing it in by hand. */
  public String getSecretGroups() {
    return getPending().map(e -> e.secret().replaceAll("(.{4})(?!$)", "$1 ")).orElse("");
  }

  public long getRecoveryCodesLeft() {
    return secondFactor.recoveryCodesLeft(currentUser.getUsername());
  }

  /** The recovery codes just made; null once the page is left. */
  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }

  private static void error(String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    faces.validationFailed();
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  private static HttpSession session() {
    return request().getSession(false);
  }

  private static String address() {
    return request().getRemoteAddr();
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
