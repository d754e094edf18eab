package app.courtesy.web.approvals;

import app.courtesy.charge.ChargeView;
import app.courtesy.charge.ChargeWaivers;
import app.courtesy.charge.Charges;
import app.courtesy.charge.ChargesRefusedException;
import app.courtesy.charge.WaiverStatus;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.NotFoundException;
import app.courtesy.web.DialogAction;
import app.courtesy.web.Pages;
import app.courtesy.web.People;
import app.courtesy.web.security.Reauthentication;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;

/**
 * Backs {@code approvals/waiver.xhtml?id=…}: one proposed waiver of a late-payment charge for the
 * approver — the charge document line by line, who proposed waiving it and why, the customer's
 * latest history — with the decision. The buttons show only what the service would allow (see
 * {@link ChargeWaivers#whyNot}); the service checks again.
 */
@Named
@ViewScoped
public class WaiverBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int HISTORY_ENTRIES = 30;
  private static final String FORM = "decision-form";

  @Inject private transient People people;
  @Inject private transient Reauthentication reauthentication;
  @Inject private transient ChargeWaivers waivers;
  @Inject private transient Charges charges;
  @Inject private transient CustomerRepository customers;
  @Inject private transient CommunicationLog log;
  @Inject private transient SecurityContext security;
  @Inject private transient Clock clock;

  /** The {@code id} parameter as given: anything but a waiver's id answers 404. */
  private String id;

  private ChargeWaivers.Row waiver;
  private ChargeView document;
  private Customer customer;
  private List<CommunicationLog.Logged> history;
  private String whyNotApprove;
  private String whyNotReject;
  private String note;

  /** View action: loads the waiver named by the {@code id} parameter. */
  public void load() {
    try {
      waiver = waivers.get(Long.parseLong(id == null ? "" : id.strip()));
    } catch (NumberFormatException | NotFoundException missing) {
      Pages.notFound();
      return;
    }
    document = charges.find(waiver.document()).orElseThrow();
    customer = customers.findByNumber(waiver.customerNumber()).orElseThrow();
    history = log.latest(customer.getId(), HISTORY_ENTRIES);
    boolean pending = isPending();
    whyNotApprove = pending ? waivers.whyNot(waiver, actor(), true).orElse(null) : null;
    whyNotReject = pending ? waivers.whyNot(waiver, actor(), false).orElse(null) : null;
  }

  /** Approves the waiver as it was read: the charge is no longer asked for. */
  public void approve() {
    decide(
        "Waived. "
            + waiver.document()
            + " is no longer asked for; it stays on the customer's record.",
        () -> {
          reauthentication.require();
          waivers.approve(waiver.id(), waiver.version(), note, actor());
        });
  }

  /** Rejects the waiver as it was read, with the note as the reason: the charge stands. */
  public void reject() {
    decide(
        "Rejected. The charge stands; "
            + people.name(waiver.proposedBy())
            + " sees your note in the log.",
        () -> waivers.reject(waiver.id(), waiver.version(), note, actor()));
  }

  private void decide(String done, Runnable decision) {
    boolean decided =
        DialogAction.runInForm(
            FORM,
            done,
            () -> {
              try {
                decision.run();
              } catch (ConcurrentChangeException meanwhile) {
                ChargeWaivers.Row now = waivers.get(waiver.id());
                throw new ChargesRefusedException(
                    now.decidedBy() == null
                        ? meanwhile.getMessage()
                        : people.name(now.decidedBy())
                            + " decided this waiver while you were reading it. Nothing of yours"
                            + " was saved and your note is still here; reload the page to see it.");
              }
            },
            this::load);
    if (decided) {
      note = null;
    }
  }

  public boolean isPending() {
    return waiver.status() == WaiverStatus.PENDING;
  }

  /** When it was proposed: "today", "3 days ago". */
  public String getProposed() {
    String age = ApprovalsBacking.age(waiver.proposedAt(), clock);
    return age.equals("today") ? age : age + " ago";
  }

  /** A user's display name, e.g. "Casey Collector"; the user name for anyone unknown. */
  private String actor() {
    return security.getCallerPrincipal().getName();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public ChargeWaivers.Row getWaiver() {
    return waiver;
  }

  public ChargeView getDocument() {
    return document;
  }

  public Customer getCustomer() {
    return customer;
  }

  public List<CommunicationLog.Logged> getHistory() {
    return history;
  }

  public String getWhyNotApprove() {
    return whyNotApprove;
  }

  public String getWhyNotReject() {
    return whyNotReject;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
