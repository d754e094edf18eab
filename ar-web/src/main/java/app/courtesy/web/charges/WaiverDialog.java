package app.courtesy.web.charges;

import app.courtesy.charge.ChargeWaivers;
import app.courtesy.web.DialogAction;
import app.courtesy.web.security.Reauthentication;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;

/**
 * Backs the waiver dialog of the Charges panel: a collector proposes waiving a charge document with
 * a reason (an approver decides it in the approvals inbox); an approver may waive it at once,
 * within their approval limit, after confirming it is them. The service checks every rule again.
 */
@Named
@ViewScoped
public class WaiverDialog implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String DIALOG = "waiver";

  @Inject private transient ChargeWaivers waivers;
  @Inject private transient Reauthentication reauthentication;
  @Inject private transient SecurityContext security;

  private String document;
  private String reason;

  /** Opens the dialog for the charge document {@code number}. */
  public void open(String number) {
    document = number;
    reason = null;
  }

  /** Proposes the waiver; it waits for an approver. */
  public void propose() {
    DialogAction.run(
        DIALOG,
        () ->
            "Waiver of "
                + waivers.propose(document, reason, actor()).document()
                + " proposed. It waits for an approver, who sees it in their inbox.",
        () -> {});
  }

  /** Waives the document at once (approvers, within their limit). */
  public void waive() {
    DialogAction.run(
        DIALOG,
        () -> {
          reauthentication.require();
          return waivers.waive(document, reason, actor()).document()
              + " waived. It stays on the customer's record as waived.";
        },
        () -> {});
  }

  private String actor() {
    return security.getCallerPrincipal().getName();
  }

  public String getDocument() {
    return document;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
