package app.courtesy.web.portal;

import app.courtesy.arrangement.Arrangement;
import app.courtesy.arrangement.ArrangementKind;
import app.courtesy.arrangement.ArrangementStatus;
import app.courtesy.collection.DisputeReason;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.reminder.ReminderModel;
import app.courtesy.selfservice.SelfService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the page template shows, worked out and worded beforehand: every date, amount and sentence
 * in the reader's language, so the template only lays it out (and escapes it).
 */
public final class PortalView {

  /** The channels a contact may prefer on their page. */
  static final List<Channel> CHANNELS =
      List.of(Channel.EMAIL, Channel.SMS, Channel.PHONE, Channel.LETTER);

  /** One open invoice as a row of the page. */
  public record InvoiceRow(
      String number,
      String due,
      String amount,
      String open,
      String state,
      boolean overdue,
      boolean chased,
      boolean requestable,
      String pdf,
      String payUrl) {}

  /** One option of a choice, and whether it is chosen. */
  public record Choice(String value, String label, boolean selected) {}

  private final SelfService.Page page;
  private final PortalText text;
  private final PortalSettings settings;
  private final ReminderModel.Sender sender;
  private final String base;
  private final String form;
  private final String done;
  private final String failedForm;
  private final String error;
  private final HttpServletRequest request;
  private List<InvoiceRow> invoices;

  PortalView(
      SelfService.Page page,
      PortalText text,
      PortalSettings settings,
      ReminderModel.Sender sender,
      String base,
      String form,
      String done,
      String failedForm,
      String error,
      HttpServletRequest request) {
    this.page = page;
    this.text = text;
    this.settings = settings;
    this.sender = sender;
    this.base = base;
    this.form = form;
    this.done = done;
    this.failedForm = failedForm;
    this.error = error;
    this.request = request;
  }

  public String getBase() {
    return base;
  }

  public String getForm() {
    return form;
  }

  public String getDone() {
    return done;
  }

  public String getError() {
    return error;
  }

  /** Whether {@code name}'s form is the one that was refused: it opens again, with the reason. */
  public boolean failed(String name) {
    return name.equals(failedForm);
  }

  /** What the field held when the form was refused, so nothing typed is lost. */
  public String sent(String name) {
    String value = request.getParameter(name);
    return failedForm == null || value == null ? "" : value;
  }

  public String getCompany() {
    return sender.company();
  }

  public String getCustomerName() {
    return page.customer().getName();
  }

  public String getCustomerNumber() {
    return page.customer().getNumber();
  }

  public String getGreeting() {
    Contact contact = page.contact();
    return contact == null
        ? text.format("greeting.company", page.customer().getName())
        : text.format("greeting.person", contact.getName());
  }

  public String getSenderName() {
    return sender.name();
  }

  public String getSenderEmail() {
    return sender.email();
  }

  public String getSenderPhone() {
    return sender.phone();
  }

  public String getBankDetails() {
    return settings.bankDetails();
  }

  public String getPaymentReference() {
    return text.format("pay.reference", page.customer().getNumber());
  }

  /** The open invoices as rows, worked out once: the page lists them in every form. */
  public List<InvoiceRow> getInvoices() {
    if (invoices == null) {
      invoices = rows();
    }
    return invoices;
  }

  private List<InvoiceRow> rows() {
    LocalDate today = page.today();
    return page.invoices().stream()
        .map(
            invoice ->
                new InvoiceRow(
                    invoice.number(),
                    text.date(invoice.due()),
                    text.money(invoice.amount()),
                    text.money(invoice.open()),
                    text.get(state(invoice, today)),
                    invoice.overdue(today),
                    state(invoice, today).equals(OVERDUE),
                    !invoice.disputed() && !invoice.arranged(),
                    base + "/invoice/" + invoice.number() + ".pdf",
                    settings
                        .payUrl(
                            invoice.number(),
                            invoice.open().amount().toPlainString(),
                            invoice.open().currency().getCurrencyCode())
                        .orElse(null)))
        .toList();
  }

  private static final String OVERDUE = "state.overdue";

  /** The words for where the invoice stands, by their key: what the customer did comes first. */
  private static String state(SelfService.OpenInvoice invoice, LocalDate today) {
    if (invoice.disputed()) {
      return "state.disputed";
    }
    if (invoice.arranged()) {
      return "state.arranged";
    }
    if (invoice.reportedPaidUntil() != null && !invoice.reportedPaidUntil().isBefore(today)) {
      return "state.reported";
    }
    if (invoice.promisedUntil() != null && !invoice.promisedUntil().isBefore(today)) {
      return "state.promised";
    }
    return invoice.overdue(today) ? OVERDUE : "state.due";
  }

  public boolean isNothingOpen() {
    return page.invoices().isEmpty();
  }

  public List<String> getTotals() {
    return page.totals().stream().map(text::money).toList();
  }

  /** The customer's unapplied credit, line by line: "12 March 2031 · Payment REF-1 · −€100.00". */
  public List<String> getCredits() {
    return PortalDocuments.creditLines(page, text);
  }

  /** What of the credit is in the customer's favour, per currency, positive. */
  public List<String> getCreditTotals() {
    return PortalDocuments.creditTotals(page).stream().map(text::money).toList();
  }

  /** The promise in force, in a sentence, or null. */
  public String getPromise() {
    return page.promise()
        .map(
            p ->
                text.format(
                    "promise.pending", text.money(p.getAmount()), text.date(p.getPromisedOn())))
        .orElse(null);
  }

  /** Each live arrangement in a sentence, with its dates. */
  public List<String> getArrangements() {
    return page.arrangements().stream().map(this::arrangement).toList();
  }

  private String arrangement(Arrangement a) {
    String what =
        a.getKind() == ArrangementKind.INSTALMENTS
            ? text.format(
                "arrangement.plan",
                a.getSchedule().size(),
                a.getSchedule().stream()
                    .map(i -> text.date(i.dueOn()) + " " + text.money(i.amount()))
                    .reduce((x, y) -> x + ", " + y)
                    .orElse(""))
            : a.getKind() == ArrangementKind.EXTENSION
                ? text.format("arrangement.extension", text.date(a.getNewDueDate()))
                : text.format("arrangement.discount", text.date(a.getPayBy()));
    String state =
        a.getStatus() == ArrangementStatus.PENDING
            ? text.get("arrangement.pending")
            : text.get("arrangement.active");
    return what + " " + state;
  }

  /** Whether the customer can ask for time or promise: something is overdue, a case is open. */
  public boolean isCanAsk() {
    return page.caseOpen();
  }

  public String getToday() {
    return page.today().toString();
  }

  public String getLatestPromise() {
    return page.latestPromise().toString();
  }

  public String getLatestPromiseText() {
    return text.date(page.latestPromise());
  }

  public List<Choice> getReasons() {
    return Arrays.stream(DisputeReason.values())
        .map(
            r ->
                new Choice(
                    r.name(), text.get("reason." + r.name()), r.name().equals(sent("reason"))))
        .toList();
  }

  public boolean isHasContact() {
    return page.contact() != null;
  }

  public String getContactName() {
    return page.contact() == null ? "" : page.contact().getName();
  }

  public String getContactEmail() {
    return page.contact() == null || page.contact().getEmail() == null
        ? ""
        : page.contact().getEmail();
  }

  public String getContactPhone() {
    return page.contact() == null || page.contact().getPhone() == null
        ? ""
        : page.contact().getPhone();
  }

  public String getContactMobile() {
    return page.contact() == null || page.contact().getMobile() == null
        ? ""
        : page.contact().getMobile();
  }

  public boolean isEmailOptOut() {
    return page.contact() != null && page.contact().isEmailOptOut();
  }

  public boolean isSmsOptOut() {
    return page.contact() != null && page.contact().isSmsOptOut();
  }

  public List<Choice> getChannels() {
    Channel preferred =
        page.contact() == null ? Channel.EMAIL : page.contact().getPreferredChannel();
    return CHANNELS.stream()
        .map(c -> new Choice(c.name(), text.get("channel." + c.name()), c == preferred))
        .toList();
  }

  /** The other languages the page is offered in, as links. */
  public List<Choice> getLanguages() {
    return PortalText.LANGUAGES.stream()
        .map(l -> new Choice(base + "?lang=" + l, PortalText.nameOf(l), l.equals(text.getLang())))
        .toList();
  }

  /** Whether the invoice is ticked in a form: as sent when refused, else the overdue ones. */
  public boolean ticked(String form, String number, boolean overdue) {
    if (form.equals(failedForm)) {
      String[] sent = request.getParameterValues("invoice");
      return sent != null && Set.of(sent).contains(number);
    }
    return overdue && !form.equals("dispute");
  }
}
