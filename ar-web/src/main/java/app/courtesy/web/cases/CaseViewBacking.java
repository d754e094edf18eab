package app.courtesy.web.cases;

import app.courtesy.collection.CallOutcome;
import app.courtesy.collection.CallRecord;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.collection.Dispute;
import app.courtesy.collection.DisputeReason;
import app.courtesy.collection.DisputeTerms;
import app.courtesy.collection.EmailDraft;
import app.courtesy.collection.PromiseTerms;
import app.courtesy.collection.PromiseToPay;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.dispatch.CollectorEmails;
import app.courtesy.dunning.ReminderPreview;
import app.courtesy.invoice.Aging;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.OpenItem;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.payment.Payment;
import app.courtesy.payment.PaymentRepository;
import app.courtesy.reminder.ReminderContent;
import app.courtesy.reminder.ReminderModel;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.Tone;
import app.courtesy.reminder.courtesy.CourtesyReport;
import app.courtesy.reply.InboundReply;
import app.courtesy.reply.Replies;
import app.courtesy.reply.ReplySuggestion;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.security.UserAccountRepository.Collector;
import app.courtesy.shared.BusinessException;
import app.courtesy.web.DialogAction;
import app.courtesy.web.Pages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code cases/view.xhtml?id=…}: one case with its customer, open invoices, payments, the
 * reminders ahead, promises, disputes and the timeline, and the dialogs of every action. Each
 * dialog calls one {@link CaseService} verb; what the service refuses shows in the dialog, which
 * keeps what was typed.
 */
@Named
@ViewScoped
public class CaseViewBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SCHEDULE_DAYS = 14;
  private static final int TIMELINE_ENTRIES = 100;
  private static final int LATEST_PAYMENTS = 10;
  private static final int LATEST_REPLIES = 5;

  /** How long chasing waits for a payment the customer says they made. */
  private static final int PAYMENT_ARRIVES_DAYS = 7;

  private static final DateTimeFormatter QUOTED_DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

  /** The words of an answer to a reply, per language ({@code Answer*.properties}). */
  private static final String ANSWER_WORDS = "app.courtesy.web.cases.Answer";

  @Inject private transient CaseService cases;
  @Inject private transient InvoiceRepository invoices;
  @Inject private transient ReceivablesQueries receivables;
  @Inject private transient ContactService contactService;
  @Inject private transient PaymentRepository payments;
  @Inject private transient ReminderPreview previews;
  @Inject private transient CommunicationLog log;
  @Inject private transient UserAccountRepository accounts;
  @Inject private transient SecurityContext security;
  @Inject private transient Clock clock;

  @Inject private transient CollectorEmails emails;
  @Inject private transient Replies replyService;

  private Long id;
  private CollectionCase collectionCase;
  private long readVersion;
  private Aging aging;
  private List<OpenItem> openItems;
  private List<Contact> contacts;
  private List<Payment> latestPayments;
  private ReminderPreview.Preview schedule;
  private List<PromiseToPay> promises;
  private List<Dispute> disputes;
  private List<CommunicationLog.Logged> timeline;
  private List<Replies.Shown> replies;
  private Integer brokenAt;
  private String channelFilter = "";
  private boolean mayAct;

  /** The courtesy check's report on the email's last text, read by several parts of a render. */
  private transient CourtesyReport check;

  private transient String checked;

  private final Form form = new Form();

  /** What the dialogs hold while they are open. */
  public static class Form implements Serializable {
    private static final long serialVersionUID = 1L;
    private Channel callChannel = Channel.PHONE;
    private CallOutcome callOutcome = CallOutcome.REACHED;
    private String callNote;
    private boolean withPromise;
    private boolean withDispute;
    private BigDecimal promiseAmount;
    private LocalDate promiseDate;
    private List<String> invoiceNumbers = new ArrayList<>();
    private String promiseNote;
    private DisputeReason disputeReason = DisputeReason.PRICING;
    private String disputeNote;
    private String reason;
    private LocalDate pauseUntil;
    private String note;
    private Long contactId;
    private Tone tone = Tone.FRIENDLY;
    private String subject;
    private String body;
    private String override;
    private Long disputeId;
    private Dispute.Resolution resolution = Dispute.Resolution.REJECTED;
    private String collector;
    private Long answers;

    /** The suggestion being taken up, and the dialog that takes it up. */
    private Long suggestionId;

    private String suggestionDialog;

    public Channel getCallChannel() {
      return callChannel;
    }

    public void setCallChannel(Channel callChannel) {
      this.callChannel = callChannel;
    }

    public CallOutcome getCallOutcome() {
      return callOutcome;
    }

    public void setCallOutcome(CallOutcome callOutcome) {
      this.callOutcome = callOutcome;
    }

    public String getCallNote() {
      return callNote;
    }

    public void setCallNote(String callNote) {
      this.callNote = callNote;
    }

    public boolean isWithPromise() {
      return withPromise;
    }

    public void setWithPromise(boolean withPromise) {
      this.withPromise = withPromise;
    }

    public boolean isWithDispute() {
      return withDispute;
    }

    public void setWithDispute(boolean withDispute) {
      this.withDispute = withDispute;
    }

    public BigDecimal getPromiseAmount() {
      return promiseAmount;
    }

    public void setPromiseAmount(BigDecimal promiseAmount) {
      this.promiseAmount = promiseAmount;
    }

    public LocalDate getPromiseDate() {
      return promiseDate;
    }

    public void setPromiseDate(LocalDate promiseDate) {
      this.promiseDate = promiseDate;
    }

    public List<String> getInvoiceNumbers() {
      return invoiceNumbers;
    }

    public void setInvoiceNumbers(List<String> invoiceNumbers) {
      this.invoiceNumbers = invoiceNumbers == null ? new ArrayList<>() : invoiceNumbers;
    }

    public String getPromiseNote() {
      return promiseNote;
    }

    public void setPromiseNote(String promiseNote) {
      this.promiseNote = promiseNote;
    }

    public DisputeReason getDisputeReason() {
      return disputeReason;
    }

    public void setDisputeReason(DisputeReason disputeReason) {
      this.disputeReason = disputeReason;
    }

    public String getDisputeNote() {
      return disputeNote;
    }

    public void setDisputeNote(String disputeNote) {
      this.disputeNote = disputeNote;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason;
    }

    public LocalDate getPauseUntil() {
      return pauseUntil;
    }

    public void setPauseUntil(LocalDate pauseUntil) {
      this.pauseUntil = pauseUntil;
    }

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note;
    }

    public Long getContactId() {
      return contactId;
    }

    public void setContactId(Long contactId) {
      this.contactId = contactId;
    }

    public Tone getTone() {
      return tone;
    }

    public void setTone(Tone tone) {
      this.tone = tone;
    }

    public String getSubject() {
      return subject;
    }

    public void setSubject(String subject) {
      this.subject = subject;
    }

    public String getBody() {
      return body;
    }

    public void setBody(String body) {
      this.body = body;
    }

    public String getOverride() {
      return override;
    }

    public void setOverride(String override) {
      this.override = override;
    }

    public Long getDisputeId() {
      return disputeId;
    }

    public void setDisputeId(Long disputeId) {
      this.disputeId = disputeId;
    }

    public Dispute.Resolution getResolution() {
      return resolution;
    }

    public void setResolution(Dispute.Resolution resolution) {
      this.resolution = resolution;
    }

    public String getCollector() {
      return collector;
    }

    public void setCollector(String collector) {
      this.collector = collector;
    }

    public Long getAnswers() {
      return answers;
    }

    public void setAnswers(Long answers) {
      this.answers = answers;
    }

    private PromiseTerms promise() {
      return new PromiseTerms(promiseAmount, promiseDate, List.copyOf(invoiceNumbers), promiseNote);
    }

    private DisputeTerms dispute() {
      return new DisputeTerms(List.copyOf(invoiceNumbers), disputeReason, disputeNote);
    }
  }

  /** View action: loads the case named by the {@code id} parameter. */
  public void load() {
    try {
      collectionCase = cases.getCase(id == null ? -1 : id);
    } catch (BusinessException missing) {
      Pages.notFound();
      return;
    }
    readVersion = collectionCase.getVersion();
    Customer customer = collectionCase.getCustomer();
    LocalDate today = LocalDate.now(clock);
    aging = receivables.aging(today, customer.getId());
    openItems = invoices.openItems(customer);
    contacts = contactService.contactsOf(customer);
    latestPayments = payments.latestFor(customer, LATEST_PAYMENTS);
    schedule =
        collectionCase.isOpen()
            ? previews.ofCustomer(customer.getId(), today, today.plusDays(SCHEDULE_DAYS - 1), 100)
            : null;
    promises = cases.promises(collectionCase.getId());
    disputes = cases.disputes(customer);
    brokenAt = log.firstBroken(customer.getId()).orElse(null);
    mayAct = cases.mayAct(collectionCase, actor());
    replies = replyService.of(customer, LATEST_REPLIES);
    loadTimeline();
  }

  /** The timeline, newest first, of the chosen channel or all. */
  public void loadTimeline() {
    timeline =
        log.latest(
            collectionCase.getCustomer().getId(),
            channelFilter == null || channelFilter.isEmpty()
                ? null
                : Channel.valueOf(channelFilter),
            TIMELINE_ENTRIES);
  }

  public void logCall() {
    act(
        "call",
        "Call logged.",
        () ->
            cases.logCall(
                id,
                readVersion,
                new CallRecord(form.callChannel, form.callOutcome, form.callNote),
                form.withPromise ? form.promise() : null,
                form.withDispute ? form.dispute() : null,
                actor()));
  }

  public void recordPromise() {
    act(
        "promise",
        "Promise recorded; reminders for its invoices wait.",
        () -> cases.recordPromise(id, readVersion, form.promise(), actor()));
  }

  public void openDispute() {
    act(
        "dispute",
        "Dispute recorded; the invoices are not chased until it is resolved.",
        () -> cases.openDispute(id, readVersion, form.dispute(), actor()));
  }

  /** Opens the resolve dialog for one dispute. */
  public void startResolve(Dispute dispute) {
    form.disputeId = dispute.getId();
    form.resolution = Dispute.Resolution.REJECTED;
    form.reason = null;
  }

  public void resolveDispute() {
    long version =
        disputes.stream()
            .filter(d -> d.getId().equals(form.disputeId))
            .findFirst()
            .map(Dispute::getVersion)
            .orElse(-1L);
    act(
        "resolve",
        "Dispute resolved.",
        () -> cases.resolveDispute(form.disputeId, version, form.resolution, form.reason, actor()));
  }

  public void startHardship() {
    act(
        "hardship",
        "Hardship recorded: automated reminders stop.",
        () -> cases.startHardship(id, readVersion, form.reason, actor()));
  }

  public void liftHardship() {
    act(
        "lift",
        "Hardship lifted; reminders resume with the next run.",
        () -> cases.liftHardship(id, readVersion, form.reason, actor()));
  }

  public void pause() {
    act(
        "pause",
        "Chasing paused.",
        () -> cases.pauseChasing(id, readVersion, form.pauseUntil, form.reason, actor()));
  }

  public void addNote() {
    act("note", "Note added.", () -> cases.addNote(id, form.note, actor()));
  }

  public void reassign() {
    act(
        "reassign",
        "Case reassigned.",
        () -> cases.reassign(id, readVersion, form.collector, actor()));
  }

  /** Opens the email dialog with a draft from the chosen template for the preferred contact. */
  public void startEmail() {
    form.contactId =
        contacts.stream().filter(Contact::isEmailable).findFirst().map(Contact::getId).orElse(null);
    form.override = null;
    form.answers = null;
    draft();
  }

  /**
   * Opens the email dialog to answer a reply: to the contact who wrote (or the first who can be
   * emailed), "Re:" its subject, a frame thanking them with their words quoted below.
   */
  public void startAnswer(Replies.Shown shown) {
    InboundReply reply = shown.reply();
    form.contactId =
        reply
            .getContactId()
            .filter(c -> contacts.stream().anyMatch(k -> k.getId().equals(c) && k.isEmailable()))
            .orElseGet(
                () ->
                    contacts.stream()
                        .filter(Contact::isEmailable)
                        .findFirst()
                        .map(Contact::getId)
                        .orElse(null));
    form.override = null;
    form.answers = reply.getId();
    String subject = reply.getSubject() == null ? "" : reply.getSubject().strip();
    form.subject = subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
    form.body = answerFrame(reply, "");
  }

  /**
   * The answer to {@code reply} as the dialog starts it, in the customer's language: greeting,
   * thanks for their message, {@code middle}, an offer of help, the collector's name, and their
   * message quoted below.
   */
  private String answerFrame(InboundReply reply, String middle) {
    Customer customer = collectionCase.getCustomer();
    ResourceBundle words = answerWords();
    Locale language = ReminderTemplates.languageOf(customer.getLocale());
    String name =
        contacts.stream()
            .filter(c -> c.getId().equals(form.contactId))
            .findFirst()
            .map(c -> ReminderModel.greeted(c.getName(), c.getSalutation(), language))
            .orElse(customer.getName());
    String day =
        reply
            .getReceivedAt()
            .atZoneSameInstant(customer.getTimeZone())
            .format(QUOTED_DAY.withLocale(language));
    String quoted =
        reply.getNewText().lines().map(line -> "> " + line).collect(Collectors.joining("\n"));
    return words.getString("greeting").replace("{name}", name)
        + "\n\n"
        + words.getString("thanks").replace("{day}", day)
        + "\n\n"
        + middle
        + "\n\n"
        + words.getString("help")
        + "\n\n"
        + words.getString("signOff")
        + "\n"
        + accounts.displayName(actor())
        + "\n\n"
        + words.getString("wrote").replace("{sender}", reply.getSender()).replace("{day}", day)
        + "\n"
        + quoted;
  }

  /** The words of an answer to a reply, in the customer's language. */
  private ResourceBundle answerWords() {
    // Never the server's own language: English is the base bundle, whatever the JVM's default.
    return ResourceBundle.getBundle(
        ANSWER_WORDS,
        ReminderTemplates.languageOf(collectionCase.getCustomer().getLocale()),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** A collector read the reply and dealt with it: the reminders go on. */
  public void markHandled(Replies.Shown shown) {
    DialogAction.runInForm(
        "replies-form",
        "Reply marked handled; the reminders go on as planned.",
        () -> replyService.markHandled(shown.reply().getId(), shown.reply().getVersion(), actor()),
        this::load);
  }

  /**
   * Takes up what a reply suggests: the matching dialog opens pre-filled (a promise for the date
   * they gave, a dispute with their words, hardship, a pause while their payment arrives, an answer
   * with their invoice copies); the suggestion counts as taken up once that dialog's action went
   * through.
   */
  public void accept(Replies.Shown shown, ReplySuggestion suggestion) {
    InboundReply reply = shown.reply();
    form.suggestionId = suggestion.getId();
    String evidence = "From their reply: \u201c" + suggestion.getEvidence() + "\u201d";
    form.invoiceNumbers = new ArrayList<>(mentionedInvoices(reply));
    switch (suggestion.getKind()) {
      case WILL_PAY -> {
        form.suggestionDialog = "promise";
        form.promiseDate = suggestion.getOnDate().orElse(null);
        if (form.invoiceNumbers.isEmpty()) {
          form.invoiceNumbers =
              openItems.stream()
                  .filter(item -> daysLate(item) > 0)
                  .map(OpenItem::invoiceNumber)
                  .collect(Collectors.toCollection(ArrayList::new));
        }
        form.promiseAmount = collectionCase.figures().overdue().amount();
        form.promiseNote = evidence;
      }
      case DISPUTE -> {
        form.suggestionDialog = "dispute";
        form.disputeNote = evidence;
      }
      case HARDSHIP -> {
        form.suggestionDialog = "hardship";
        form.reason = evidence;
      }
      case ALREADY_PAID -> {
        form.suggestionDialog = "pause";
        form.pauseUntil = LocalDate.now(clock).plusDays(PAYMENT_ARRIVES_DAYS);
        form.reason =
            "The customer says they paid"
                + suggestion
                    .getOnDate()
                    .map(d -> " on " + d.format(QUOTED_DAY.withLocale(Locale.UK)))
                    .orElse("")
                + suggestion.getReference().map(r -> " (reference " + r + ")").orElse("")
                + ": waiting for the payment to arrive.";
      }
      case INVOICE_COPY -> {
        form.suggestionDialog = "email";
        startAnswer(shown);
        form.body = answerFrame(reply, answerWords().getString("copies"));
      }
    }
    PrimeFaces.current().executeScript("PF('" + form.suggestionDialog + "Dialog').show()");
  }

  /** Turns down what a reply suggests; it is not offered again. */
  public void dismiss(ReplySuggestion suggestion) {
    replyService.decide(suggestion.getId(), false, actor());
    replies = replyService.of(collectionCase.getCustomer(), LATEST_REPLIES);
  }

  /** The open invoices whose numbers the reply names. */
  private List<String> mentionedInvoices(InboundReply reply) {
    String text = reply.getNewText() + " " + reply.getSubject();
    return openItems.stream()
        .map(OpenItem::invoiceNumber)
        .filter(number -> text.contains(number))
        .toList();
  }

  /** Fills subject and text from the chosen template (gentle for a customer in hardship). */
  public void draft() {
    if (form.contactId == null) {
      form.subject = null;
      form.body = null;
      return;
    }
    ReminderContent content = cases.draft(id, form.tone, form.contactId);
    form.subject = content.subject();
    form.body = content.text();
  }

  /** Sends the email now and says truthfully what became of it: sent, or waiting in the outbox. */
  public void sendEmail() {
    DialogAction.run(
        "email",
        () ->
            told(
                emails.send(
                    id,
                    new EmailDraft(
                        form.contactId, form.subject, form.body, form.override, form.answers),
                    actor())),
        () -> tookUpSuggestion("email"));
  }

  private String told(CollectorEmails.Sending sending) {
    String to =
        contacts.stream()
            .filter(c -> c.getId().equals(form.contactId))
            .findFirst()
            .map(Contact::getEmail)
            .orElse("the contact");
    return switch (sending.status()) {
      case SENT -> "Email sent to " + to + ".";
      case FAILED -> "Email not sent: " + sending.error() + " It is on the timeline.";
      default ->
          sending.error() == null
              ? "Email queued for "
                  + to
                  + ": it goes out with the next round of sending, within"
                  + " a minute."
              : "Email queued for "
                  + to
                  + ": the mail server did not take it now ("
                  + sending.error()
                  + "); it is tried again within minutes.";
    };
  }

  /** The courtesy check's findings on the email as typed so far. */
  public CourtesyReport getCheck() {
    String text = emailText();
    if (check == null || !text.equals(checked)) {
      check = cases.check(collectionCase.getCustomer(), text);
      checked = text;
    }
    return check;
  }

  private String emailText() {
    return (form.subject == null ? "" : form.subject) + "\n" + (form.body == null ? "" : form.body);
  }

  /** The words a finding objects to, each once, as written in the email. */
  public List<String> words(CourtesyReport.Finding finding) {
    return finding.spans().stream().map(CourtesyReport.Span::text).distinct().toList();
  }

  /** Whether the check finds something it forbids, so only an approver's override sends it. */
  public boolean isForbidden() {
    return getCheck().findings().stream().anyMatch(f -> !f.rule().isRequired());
  }

  /** The body with the forbidden words marked, for the dialog's highlighted copy. */
  public String getHighlighted() {
    String text = emailText();
    List<CourtesyReport.Span> spans =
        getCheck().findings().stream()
            .filter(f -> !f.rule().isRequired())
            .flatMap(f -> f.spans().stream())
            .sorted((a, b) -> Integer.compare(a.start(), b.start()))
            .toList();
    StringBuilder html = new StringBuilder();
    int at = 0;
    for (CourtesyReport.Span span : spans) {
      if (span.start() < at) {
        continue;
      }
      html.append(escape(text.substring(at, span.start())))
          .append("<mark>")
          .append(escape(text.substring(span.start(), span.end())))
          .append("</mark>");
      at = span.end();
    }
    return html.append(escape(text.substring(at))).toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Runs one action of a dialog (see {@link DialogAction}), reloading the case on success. */
  private void act(String dialog, String done, Runnable action) {
    DialogAction.run(dialog, done, action, () -> tookUpSuggestion(dialog));
  }

  /** The dialog's action went through: a suggestion it took up counts as accepted. */
  private void tookUpSuggestion(String dialog) {
    if (form.suggestionId != null && dialog.equals(form.suggestionDialog)) {
      replyService.decide(form.suggestionId, true, actor());
    }
    form.suggestionId = null;
    form.suggestionDialog = null;
    load();
  }

  private String actor() {
    return security.getCallerPrincipal().getName();
  }

  /** Whether the signed-in person may act on this case (see {@link CaseService}). */
  public boolean isMayAct() {
    return mayAct;
  }

  public boolean isApprover() {
    return security.isCallerInRole(Role.APPROVER_ID);
  }

  public boolean isMayReassign() {
    return security.isCallerInRole(Role.APPROVER_ID) || security.isCallerInRole(Role.ADMIN_ID);
  }

  /** Why the case ranks where it does. */
  public String getWhy() {
    return collectionCase
        .figures()
        .why(LocalDate.now(clock), FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  public long daysLate(OpenItem item) {
    return Math.max(0, LocalDate.now(clock).toEpochDay() - item.dueDate().toEpochDay());
  }

  /** The customer's local time now, to know whether a call is welcome. */
  public ZonedDateTime getLocalTime() {
    return ZonedDateTime.now(clock.withZone(collectionCase.getCustomer().getTimeZone()));
  }

  public boolean isPaused() {
    return collectionCase
        .getCustomer()
        .getRemindersPausedUntil()
        .filter(until -> !until.isBefore(LocalDate.now(clock)))
        .isPresent();
  }

  public List<Collector> getCollectors() {
    return accounts.activeCollectors();
  }

  public List<Contact> getEmailableContacts() {
    return contacts.stream().filter(Contact::isEmailable).toList();
  }

  public CallOutcome[] getCallOutcomes() {
    return CallOutcome.values();
  }

  public DisputeReason[] getDisputeReasons() {
    return DisputeReason.values();
  }

  public List<Tone> getTones() {
    return Tone.forSteps();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public CollectionCase getCase() {
    return collectionCase;
  }

  public Customer getCustomer() {
    return collectionCase.getCustomer();
  }

  public Form getForm() {
    return form;
  }

  public Aging getAging() {
    return aging;
  }

  public List<OpenItem> getOpenItems() {
    return openItems;
  }

  public List<Contact> getContacts() {
    return contacts;
  }

  public List<Payment> getLatestPayments() {
    return latestPayments;
  }

  public ReminderPreview.Preview getSchedule() {
    return schedule;
  }

  public List<PromiseToPay> getPromises() {
    return promises;
  }

  public List<Dispute> getDisputes() {
    return disputes;
  }

  public List<CommunicationLog.Logged> getTimeline() {
    return timeline;
  }

  public List<Replies.Shown> getReplies() {
    return replies;
  }

  public Integer getBrokenAt() {
    return brokenAt;
  }

  public String getChannelFilter() {
    return channelFilter;
  }

  public void setChannelFilter(String channelFilter) {
    this.channelFilter = channelFilter;
  }
}
