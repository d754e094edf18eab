package app.courtesy.web.approvals;

import app.courtesy.arrangement.Arrangement;
import app.courtesy.arrangement.ArrangementLetters.ArrangementFacts;
import app.courtesy.arrangement.ArrangementLetters.ArrangementLetter;
import app.courtesy.arrangement.ArrangementMessages;
import app.courtesy.arrangement.ArrangementRefusedException;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.ArrangementStatus;
import app.courtesy.collection.CaseService;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.customer.Contact;
import app.courtesy.customer.Customer;
import app.courtesy.reminder.ReminderContent;
import app.courtesy.reminder.SenderDetails;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.NotFoundException;
import app.courtesy.web.DialogAction;
import app.courtesy.web.Formats;
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
 * Backs {@code approvals/view.xhtml?id=…}: one arrangement in full for the approver — the customer,
 * the terms and schedule, the invoices it covers as they stood when it was proposed, the letter the
 * customer will receive once it is approved, and the customer's latest history — with the decision.
 * The buttons show only what the service would allow (see {@link ArrangementService#whyNot}); the
 * service checks again, and a decision taken on a stale read is refused with who decided instead.
 */
@Named
@ViewScoped
public class ApprovalBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int HISTORY_ENTRIES = 30;
  private static final String FORM = "decision-form";

  @Inject private transient People people;
  @Inject private transient Reauthentication reauthentication;
  @Inject private transient ArrangementService arrangements;
  @Inject private transient ArrangementMessages messages;
  @Inject private transient CaseService cases;
  @Inject private transient CommunicationLog log;
  @Inject private transient SecurityContext security;
  @Inject private transient Formats formats;
  @Inject private transient Clock clock;

  /** The {@code id} parameter as given: anything but an arrangement's id answers 404. */
  private String id;

  private Arrangement arrangement;
  private long readVersion;
  private Customer customer;
  private ArrangementFacts facts;
  private Contact recipient;
  private ReminderContent letter;
  private List<CommunicationLog.Logged> history;
  private String whyNotApprove;
  private String whyNotReject;
  private String note;

  /** View action: loads the arrangement named by the {@code id} parameter. */
  public void load() {
    try {
      arrangement = arrangements.get(Long.parseLong(id == null ? "" : id.strip()));
    } catch (NumberFormatException | NotFoundException missing) {
      Pages.notFound();
      return;
    }
    readVersion = arrangement.getVersion();
    customer = cases.getCase(arrangement.getCaseId()).getCustomer();
    facts = messages.facts(arrangement);
    recipient = messages.recipient(customer).orElse(null);
    letter =
        recipient == null
            ? null
            : messages.write(
                ArrangementLetter.CONFIRMED,
                facts,
                customer,
                recipient,
                0,
                SenderDetails.LINK_PLACEHOLDER);
    history = log.latest(customer.getId(), HISTORY_ENTRIES);
    boolean pending = isPending();
    whyNotApprove = pending ? arrangements.whyNot(arrangement, actor(), true).orElse(null) : null;
    whyNotReject = pending ? arrangements.whyNot(arrangement, actor(), false).orElse(null) : null;
  }

  /** Approves the proposal as it was read; the customer's confirmation goes out. */
  public void approve() {
    decide(
        "Approved. The arrangement is active: its invoices follow it instead of their due dates,"
            + " and the customer's confirmation is on its way.",
        () -> {
          reauthentication.require();
          arrangements.approve(arrangement.getId(), readVersion, note, actor());
        });
  }

  /** Rejects the proposal as it was read, with the note as the reason. */
  public void reject() {
    decide(
        "Rejected. "
            + people.name(arrangement.getProposedBy())
            + " sees your note on the case; its invoices are chased as before.",
        () -> arrangements.reject(arrangement.getId(), readVersion, note, actor()));
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
                throw new ArrangementRefusedException(decidedMeanwhile(meanwhile));
              }
            },
            this::load);
    if (decided) {
      note = null;
    }
  }

  /** Who decided the arrangement since it was read, and when, in words for the approver. */
  private String decidedMeanwhile(ConcurrentChangeException meanwhile) {
    Arrangement now = arrangements.get(arrangement.getId());
    if (now.getDecidedBy() == null) {
      return meanwhile.getMessage();
    }
    return people.name(now.getDecidedBy())
        + " "
        + switch (now.getStatus()) {
          case REJECTED -> "rejected";
          case WITHDRAWN -> "withdrew";
          default -> "approved";
        }
        + " this proposal at "
        + formats.time(now.getDecidedAt())
        + ", while you were reading it. Nothing of yours was saved and your note is still here;"
        + " reload the page to see it.";
  }

  /** "Approved", "Rejected" or "Withdrawn": what became of the proposal; empty while pending. */
  public String getDecision() {
    return switch (arrangement.getStatus()) {
      case PENDING -> "";
      case REJECTED -> "Rejected";
      case WITHDRAWN -> "Withdrawn";
      default -> "Approved";
    };
  }

  public boolean isPending() {
    return arrangement.getStatus() == ArrangementStatus.PENDING;
  }

  /** How long ago it was proposed: "today", "3 days". */
  public String getAge() {
    return ApprovalsBacking.age(arrangement.getProposedAt(), clock);
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

  public Arrangement getArrangement() {
    return arrangement;
  }

  public Customer getCustomer() {
    return customer;
  }

  public ArrangementFacts getFacts() {
    return facts;
  }

  /** The contact the confirmation goes to; null when nobody can be emailed. */
  public Contact getRecipient() {
    return recipient;
  }

  /** The confirmation the customer receives once it is approved; null without a recipient. */
  public ReminderContent getLetter() {
    return letter;
  }

  /** The customer's latest communication log entries, newest first. */
  public List<CommunicationLog.Logged> getHistory() {
    return history;
  }

  /** Why the signed-in approver may not approve it; null when they may, or it is decided. */
  public String getWhyNotApprove() {
    return whyNotApprove;
  }

  /** Why the signed-in approver may not reject it; null when they may, or it is decided. */
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
