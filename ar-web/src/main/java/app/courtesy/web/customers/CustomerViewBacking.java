package app.courtesy.web.customers;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Dossier;
import app.courtesy.communication.Dossiers;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerEdit;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.customer.CustomerService;
import app.courtesy.dispatch.OutboxQueries;
import app.courtesy.invoice.Aging;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.OpenItem;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.outbox.OutboxMessage;
import app.courtesy.payment.Payment;
import app.courtesy.payment.PaymentRepository;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reply.Replies;
import app.courtesy.security.UserAccount;
import app.courtesy.selfservice.SelfService;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.NotFoundException;
import app.courtesy.web.DialogAction;
import app.courtesy.web.FileDownloads;
import app.courtesy.web.Pages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.primefaces.model.StreamedContent;

/**
 * Backs {@code customers/view.xhtml?number=…}: one customer's details, contacts, balance and open
 * invoices, and the dialog that edits the customer. A save that meets someone else's change in
 * between is refused with a message; the form keeps what was typed.
 */
@Named
@ViewScoped
public class CustomerViewBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LATEST_PAYMENTS = 10;

  private static final int LATEST_REMINDERS = 10;
  private static final int LATEST_CONTACTS = 20;
  private static final int LATEST_REPLIES = 5;

  @Inject private transient CustomerRepository customers;
  @Inject private transient CustomerService customerService;
  @Inject private transient InvoiceRepository invoices;
  @Inject private transient ReceivablesQueries receivables;
  @Inject private transient ContactService contactService;
  @Inject private transient PaymentRepository payments;
  @Inject private transient Clock clock;
  @Inject private transient SecurityContext security;
  @Inject private transient ReminderPolicyService reminderPolicies;
  @Inject private transient OutboxQueries outbox;
  @Inject private transient CommunicationLog communicationLog;
  @Inject private transient Dossiers dossiers;
  @Inject private transient SelfService selfService;
  @Inject private transient Replies replyService;
  private List<Replies.Shown> replies;
  private List<SelfService.SentFile> files;

  private String number;
  private Customer customer;
  private Aging aging;
  private List<OpenItem> openItems;
  private List<Contact> contacts;
  private List<Payment> latestPayments;
  private Edit edit;

  /** The edit dialog's fields, and the version of the customer they were read from. */
  private List<OutboxMessage> reminders;

  private List<CommunicationLog.Logged> history;
  private Integer brokenAt;

  public static class Edit implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long version;
    private String name;
    private String timeZone;
    private String locale;
    private String collector;
    private String notes;
    private String reminderPolicy;

    Edit(Customer customer, String reminderPolicy) {
      version = customer.getVersion();
      name = customer.getName();
      timeZone = customer.getTimeZone().getId();
      locale = customer.getLocale().toLanguageTag();
      collector = customer.getCollector().map(UserAccount::getUsername).orElse(null);
      notes = customer.getNotes();
      this.reminderPolicy = reminderPolicy;
    }

    CustomerEdit toEdit() {
      return new CustomerEdit(name, timeZone, locale, collector, notes, reminderPolicy);
    }

    public String getReminderPolicy() {
      return reminderPolicy;
    }

    public void setReminderPolicy(String reminderPolicy) {
      this.reminderPolicy = reminderPolicy;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getTimeZone() {
      return timeZone;
    }

    public void setTimeZone(String timeZone) {
      this.timeZone = timeZone;
    }

    public String getLocale() {
      return locale;
    }

    public void setLocale(String locale) {
      this.locale = locale;
    }

    public String getCollector() {
      return collector;
    }

    public void setCollector(String collector) {
      this.collector = collector;
    }

    public String getNotes() {
      return notes;
    }

    public void setNotes(String notes) {
      this.notes = notes;
    }
  }

  /**
   * The name of the customer's own reminder policy, or {@code null} when it follows the default.
   */
  public String getReminderPolicy() {
    return customer
        .getReminderPolicyId()
        .flatMap(reminderPolicies::find)
        .map(ReminderPolicy::getName)
        .orElse(null);
  }

  /** The policies a customer can follow besides the default, for the edit dialog. */
  public List<String> getOwnPolicies() {
    return reminderPolicies.all().stream()
        .filter(p -> !p.isDefaultPolicy())
        .map(ReminderPolicy::getName)
        .toList();
  }

  /** View action: loads the customer named by the {@code number} parameter. */
  public void load() {
    customer = number == null ? null : customers.findByNumber(number.strip()).orElse(null);
    if (customer == null) {
      Pages.notFound();
      return;
    }
    aging = receivables.aging(LocalDate.now(clock), customer.getId());
    openItems = invoices.openItems(customer);
    contacts = contactService.contactsOf(customer);
    latestPayments = payments.latestFor(customer, LATEST_PAYMENTS);
    reminders = outbox.ofCustomer(customer.getId(), LATEST_REMINDERS);
    history = communicationLog.latest(customer.getId(), LATEST_CONTACTS);
    brokenAt = communicationLog.firstBroken(customer.getId()).orElse(null);
    replies = replyService.of(customer, LATEST_REPLIES);
  }

  /** The customer's replies, those waiting for an answer first. */
  public List<Replies.Shown> getReplies() {
    return replies;
  }

  /** A collector dealt with the reply: the customer's reminders go on. */
  public void markHandled(Replies.Shown shown) {
    DialogAction.runInForm(
        "replies-form",
        "Reply marked handled; the reminders go on as planned.",
        () ->
            replyService.markHandled(
                shown.reply().getId(),
                shown.reply().getVersion(),
                security.getCallerPrincipal().getName()),
        this::load);
  }

  /** The customer's latest reminders and what became of each. */
  public List<OutboxMessage> getReminders() {
    return reminders;
  }

  /** The latest entries of the communication log, newest first. */
  public List<CommunicationLog.Logged> getHistory() {
    return history;
  }

  /** The first log entry that no longer matches its hash; null while the log is intact. */
  public Integer getBrokenAt() {
    return brokenAt;
  }

  /** The customer's dossier as a PDF to download, read when asked for. */
  public StreamedContent getDossierPdf() {
    Dossier dossier = dossiers.of(number);
    return FileDownloads.of(dossier.pdf(), dossier.fileName("pdf"), "application/pdf");
  }

  /** The customer's dossier as CSV to download, read when asked for. */
  public StreamedContent getDossierCsv() {
    Dossier dossier = dossiers.of(number);
    return FileDownloads.of(dossier.csv(), dossier.fileName("csv"), "text/csv; charset=UTF-8");
  }

  /** The files the customer sent from their page, newest first. */
  public List<SelfService.SentFile> getFiles() {
    if (files == null) {
      files = selfService.files(customer);
    }
    return files;
  }

  /** One of the customer's files, as they sent it. */
  public StreamedContent file(SelfService.SentFile file) {
    return FileDownloads.fromOutside(
        selfService.content(customer, file.id()).orElseThrow(), file.fileName(), file.mediaType());
  }

  /** Ends every link to the customer's page sent so far; says how many. */
  public void revokeLinks() {
    int revoked = selfService.revokeLinks(customer, security.getCallerPrincipal().getName());
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_INFO,
                revoked == 0
                    ? "No link to the customer's page was open."
                    : "Revoked "
                        + revoked
                        + (revoked == 1 ? " link" : " links")
                        + " to the customer's page; their next message brings a new one.",
                null));
  }

  /** Opens the edit dialog with the customer as it is now. */
  public void startEdit() {
    edit = new Edit(customer, getReminderPolicy());
  }

  /** Saves the dialog; refuses when someone else saved the customer since it was opened. */
  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      customerService.edit(
          number, edit.version, edit.toEdit(), security.getCallerPrincipal().getName());
      load();
      edit = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved.", null));
      PrimeFaces.current().executeScript("PF('editCustomer').hide()");
    } catch (ConcurrentChangeException | NotFoundException refused) {
      refuse(faces, refused.getMessage());
    } catch (ConstraintViolationException invalid) {
      invalid
          .getConstraintViolations()
          .forEach(
              v -> refuse(faces, label(v.getPropertyPath().toString()) + " " + v.getMessage()));
    } catch (PersistenceException | TransactionalException lostRace) {
      refuse(
          faces,
          "Someone else saved this customer at the same moment. Nothing of yours was saved;"
              + " reload to see the change, then edit again.");
    }
  }

  /** Shows the problem in the dialog, which stays open with what was typed. */
  private static void refuse(FacesContext faces, String message) {
    faces.addMessage("edit-form", new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    faces.validationFailed();
  }

  /** The field's label in the dialog, from a path such as {@code edit.edit.timeZone}. */
  private static String label(String path) {
    return switch (path.substring(path.lastIndexOf('.') + 1)) {
      case "name" -> "Name";
      case "timeZone" -> "Time zone";
      case "locale" -> "Language";
      case "notes" -> "Notes";
      default -> "Collector";
    };
  }

  public Edit getEdit() {
    return edit;
  }

  /** The customer's local time now, to know whether a call is welcome. */
  public ZonedDateTime getLocalTime() {
    return ZonedDateTime.now(clock.withZone(customer.getTimeZone()));
  }

  public long daysLate(OpenItem item) {
    return Math.max(0, LocalDate.now(clock).toEpochDay() - item.dueDate().toEpochDay());
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Aging getAging() {
    return aging;
  }

  public List<Payment> getLatestPayments() {
    return latestPayments;
  }

  public List<Contact> getContacts() {
    return contacts;
  }

  public List<OpenItem> getOpenItems() {
    return openItems;
  }
}
