package app.courtesy.web.invoices;

import app.courtesy.invoice.Instalment;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceExceptions;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.shared.BusinessException;
import app.courtesy.shared.Money;
import app.courtesy.web.CurrentUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * Backs the chasing panel of {@code invoices/view.xhtml}: the invoice's instalments with what is
 * open on each, chasing stopped (why, until when) or resumed, and the reminder policy it follows
 * instead of its customer's. Each change is the collector's, logged on the customer's history.
 */
@Named
@ViewScoped
public class InvoiceChasingBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One instalment as the page shows it. */
  public record Row(int number, LocalDate dueDate, Money amount, Money open)
      implements Serializable {}

  @Inject private transient InvoiceRepository invoices;
  @Inject private transient InvoiceExceptions exceptions;
  @Inject private transient ReminderPolicyService policies;
  @Inject private transient Clock clock;
  @Inject private CurrentUser currentUser;

  private String number;
  private long version;
  private List<Row> schedule;
  private String stoppedReason;
  private LocalDate stoppedUntil;
  private String stoppedBy;
  private OffsetDateTime stoppedAt;
  private Long policyId;
  private String reason;
  private LocalDate until;

  /** View action: reads the invoice named by the {@code number} parameter. */
  public void load() {
    invoices.findByNumber(number == null ? "" : number.strip()).ifPresent(this::show);
  }

  private void show(Invoice invoice) {
    number = invoice.getNumber();
    version = invoice.getVersion();
    schedule = invoice.getInstalments().stream().map(i -> row(invoice, i)).toList();
    LocalDate today = LocalDate.now(clock);
    stoppedReason = invoice.chasingStoppedOn(today).orElse(null);
    stoppedUntil = invoice.getChasingStoppedUntil().orElse(null);
    stoppedBy = invoice.getChasingStoppedBy().orElse(null);
    stoppedAt = invoice.getChasingStoppedAt().orElse(null);
    policyId = invoice.getReminderPolicyId().orElse(null);
  }

  private static Row row(Invoice invoice, Instalment instalment) {
    Money amount = new Money(instalment.getAmount(), invoice.getAmount().currency());
    return new Row(
        instalment.getNumber(), instalment.getDueDate(), amount, invoice.openOn(instalment));
  }

  /** Stops chasing the invoice with the reason and last day entered. */
  public void stop() {
    change(
        () -> exceptions.stopChasing(number, reason, until, version, currentUser.getUsername()),
        "Chasing stopped. Its customer's other invoices are still reminded.");
    reason = null;
    until = null;
  }

  /** Chases the invoice again from the step it had reached. */
  public void resume() {
    change(
        () -> exceptions.resumeChasing(number, version, currentUser.getUsername()),
        "Chasing resumed from the step it had reached.");
  }

  /** Saves the policy chosen in the menu (none: its customer's). */
  public void savePolicy() {
    change(
        () -> exceptions.followPolicy(number, policyId, version, currentUser.getUsername()),
        "Saved: the next reminders follow this policy's steps.");
  }

  private void change(Supplier<Invoice> action, String done) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      show(action.get());
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
    } catch (BusinessException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  /** Every policy, for the menu: the default first. */
  public List<ReminderPolicy> getPolicies() {
    return policies.all();
  }

  public boolean isStopped() {
    return stoppedReason != null;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public List<Row> getSchedule() {
    return schedule;
  }

  public String getStoppedReason() {
    return stoppedReason;
  }

  public LocalDate getStoppedUntil() {
    return stoppedUntil;
  }

  public String getStoppedBy() {
    return stoppedBy;
  }

  /** The day chasing was stopped. */
  public LocalDate getStoppedOn() {
    return stoppedAt == null ? null : stoppedAt.toLocalDate();
  }

  public Long getPolicyId() {
    return policyId;
  }

  public void setPolicyId(Long policyId) {
    this.policyId = policyId;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public LocalDate getUntil() {
    return until;
  }

  public void setUntil(LocalDate until) {
    this.until = until;
  }

  public LocalDate getToday() {
    return LocalDate.now(clock);
  }
}
