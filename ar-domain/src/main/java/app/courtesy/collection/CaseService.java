package app.courtesy.collection;

import static app.courtesy.shared.Texts.trimmed;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.communication.Outcome;
import app.courtesy.credit.CreditNoteData;
import app.courtesy.credit.CreditNoteService;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.InvoicePart;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.OpenItem;
import app.courtesy.outbox.Outbox;
import app.courtesy.reminder.ReminderContent;
import app.courtesy.reminder.ReminderModel;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.ReminderTemplateService;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.SenderDetails;
import app.courtesy.reminder.Tone;
import app.courtesy.reminder.courtesy.CourtesyCheck;
import app.courtesy.reminder.courtesy.CourtesyReport;
import app.courtesy.security.Role;
import app.courtesy.security.SecurityEventKind;
import app.courtesy.security.SecurityEvents;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotAllowedException;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.validation.Plausible;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.Payload;
import app.courtesy.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What collectors (and approvers) do on a case. Each action checks on the server who may do it,
 * writes what it changes and an entry in the customer's communication log in one transaction, and
 * re-derives the case at once.
 *
 * <p><b>Who acts on which case.</b> Everyone who works cases can open any case, to answer a
 * customer who calls; a collector acts only on the cases assigned to them (or not assigned yet), so
 * two collectors never work one customer at cross purposes. Approvers and administrators act on any
 * case and reassign cases. Only an approver lifts hardship.
 *
 * <p><b>Conflicts.</b> Actions that change the case's state (a promise, a dispute, a hold, a
 * reassignment) take the case's version as the collector read it and refuse when someone else
 * changed the case in between; logging a call or a note only adds to the log and never conflicts.
 */
@ApplicationScoped
@Transactional
public class CaseService {

  /** How far ahead a promise to pay may go; for longer, an arrangement. */
  public static final int LONGEST_PROMISE_DAYS = 90;

  private static final int LONGEST_PAUSE_DAYS = 90;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private SecurityEvents events;
  @Inject private WebhookEvents webhooks;
  @Inject private CaseReview review;
  @Inject private Disputes disputes;
  @Inject private PromisedInvoices promisedInvoices;
  @Inject private CommunicationLog log;
  @Inject private UserAccountRepository accounts;
  @Inject private InvoiceRepository invoices;
  @Inject private CreditNoteService creditNotes;
  @Inject private ReminderTemplateService templates;
  @Inject private SenderDetails sender;
  @Inject private ReminderPolicyService policies;
  @Inject private Clock clock;
  @Inject private Outbox outbox;

  private final CourtesyCheck courtesy = new CourtesyCheck();

  /** The case, or {@link NotFoundException}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CollectionCase getCase(long id) {
    return Optional.ofNullable(em.find(CollectionCase.class, id))
        .orElseThrow(() -> new NotFoundException("Case", id));
  }

  /** The customer's open case, if it has one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<CollectionCase> findOpen(Customer customer) {
    return em.createQuery(
            "select k from CollectionCase k where k.customer = :customer and k.closedOn is null",
            CollectionCase.class)
        .setParameter("customer", customer)
        .getResultStream()
        .findFirst();
  }

  /** The promises recorded on a case, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PromiseToPay> promises(long caseId) {
    return em.createQuery(
            "select p from PromiseToPay p where p.caseId = :id order by p.recordedAt desc",
            PromiseToPay.class)
        .setParameter("id", caseId)
        .getResultList();
  }

  /** The customer's disputes, open ones first, then newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Dispute> disputes(Customer customer) {
    return em.createQuery(
            "select d from Dispute d where d.customerId = :id"
                + " order by d.resolution nulls first, d.openedAt desc",
            Dispute.class)
        .setParameter("id", customer.getId())
        .getResultList();
  }

  /** Whether {@code actor} may act on the case (see the class comment). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean mayAct(CollectionCase forCase, String actor) {
    return accounts.findByUsername(actor).map(account -> mayAct(forCase, account)).orElse(false);
  }

  /**
   * Logs a call or visit. A reached customer closes the calls due on the case and counts as the
   * follow-up of a broken promise; what they said can be recorded at once as a promise or a
   * dispute, in the same transaction.
   */
  public void logCall(
      long caseId,
      long readVersion,
      @NotNull @Valid CallRecord call,
      @Valid PromiseTerms promise,
      @Valid DisputeTerms dispute,
      String actor) {
    if (call.channel() != Channel.PHONE && call.channel() != Channel.VISIT) {
      throw new CaseRefusedException("A call is logged by phone or as a visit.");
    }
    boolean reached = call.outcome() == CallOutcome.REACHED;
    if (!reached && (promise != null || dispute != null)) {
      throw new CaseRefusedException(
          "Only a call that reached the customer can record a promise or a dispute.");
    }
    CollectionCase forCase =
        promise != null || dispute != null
            ? changing(caseId, readVersion, actor)
            : acting(caseId, actor);
    OffsetDateTime now = OffsetDateTime.now(clock);
    append(
        forCase,
        call.channel(),
        actor,
        Outcome.RECORDED,
        (call.channel() == Channel.VISIT ? "Visit: " : "Call: ")
            + call.outcome().label().toLowerCase()
            + (blank(call.note()) ? "" : ". " + call.note().strip()));
    if (reached) {
      em.createNativeQuery(
              "update collector_task set done_at = ?1, done_by = ?2"
                  + " where customer_id = ?3 and done_at is null")
          .setParameter(1, now)
          .setParameter(2, actor)
          .setParameter(3, forCase.getCustomer().getId())
          .executeUpdate();
      review.followedUp(forCase);
    }
    if (promise != null) {
      promise(forCase, promise, actor);
    }
    if (dispute != null) {
      dispute(forCase, dispute, actor);
    }
    review.refresh(forCase);
  }

  /**
   * Records a promise to pay: reminders for the covered invoices wait until its date plus the
   * policy's grace; the review decides it from payments.
   *
   * @throws CaseRefusedException when the invoices, amount or date do not fit
   */
  public PromiseToPay recordPromise(
      long caseId, long readVersion, @NotNull @Valid PromiseTerms terms, String actor) {
    CollectionCase forCase = changing(caseId, readVersion, actor);
    PromiseToPay promise = promise(forCase, terms, actor);
    review.refresh(forCase);
    return promise;
  }

  private PromiseToPay promise(CollectionCase forCase, PromiseTerms terms, String actor) {
    LocalDate today = LocalDate.now(clock);
    if (terms.date().isBefore(today)
        || terms.date().isAfter(today.plusDays(LONGEST_PROMISE_DAYS))) {
      throw new CaseRefusedException(
          "Date: a promise is for today or a day within the next "
              + LONGEST_PROMISE_DAYS
              + " days; for longer, propose a payment arrangement.");
    }
    if (promises(forCase.getId()).stream()
        .anyMatch(p -> p.getStatus() == PromiseToPay.Status.PENDING)) {
      throw new CaseRefusedException(
          "A promise is already pending on this case; it is decided by its date first.");
    }
    Customer customer = forCase.getCustomer();
    List<OpenItem> covered =
        terms.invoiceNumbers().isEmpty()
            ? overdue(customer, today)
            : openInvoices(customer, terms.invoiceNumbers());
    if (covered.isEmpty()) {
      throw new CaseRefusedException("Invoices: nothing is overdue for the promise to cover.");
    }
    if (covered.stream().map(item -> item.open().currency()).distinct().count() > 1) {
      throw new CaseRefusedException(
          "Invoices: a promise covers invoices in one currency; record one promise per currency.");
    }
    List<String> disputed =
        covered.stream()
            .filter(item -> invoices.reference(item.invoiceId()).isDisputed())
            .map(OpenItem::invoiceNumber)
            .toList();
    if (!disputed.isEmpty()) {
      throw new CaseRefusedException(
          "Invoices: " + String.join(", ", disputed) + " disputed; a promise cannot cover it.");
    }
    Money open = covered.stream().map(OpenItem::open).reduce(Money::plus).orElseThrow();
    Plausible.decimals(terms.amount(), open.currency())
        .ifPresent(
            tooPrecise -> {
              throw new CaseRefusedException("Amount: " + tooPrecise + ".");
            });
    Money amount = new Money(terms.amount(), open.currency());
    if (amount.compareTo(open) > 0) {
      throw new CaseRefusedException(
          "Amount: the promise of "
              + amount
              + " is more than the "
              + open
              + " open on its invoices.");
    }
    int grace =
        customer
            .getReminderPolicyId()
            .flatMap(policies::find)
            .orElseGet(policies::defaultPolicy)
            .toData()
            .graceDays();
    OffsetDateTime now = OffsetDateTime.now(clock);
    PromiseToPay promise =
        new PromiseToPay(
            forCase, amount, terms.date(), grace, open, trimmed(terms.note()), actor, now);
    em.persist(promise);
    promisedInvoices.cover(promise, covered.stream().map(OpenItem::invoiceId).toList());
    webhooks.publish(
        EventType.PROMISE_RECORDED,
        Payload.about(customer.getNumber())
            .number("promiseId", promise.getId())
            .money("amount", amount)
            .date("promisedOn", terms.date())
            .texts("invoices", covered.stream().map(OpenItem::invoiceNumber).toList())
            .text("recordedBy", actor));
    review.followedUp(forCase);
    append(
        forCase,
        Channel.NOTE,
        actor,
        Outcome.RECORDED,
        "Promise to pay "
            + amount
            + " by "
            + terms.date()
            + " for "
            + covered.stream().map(OpenItem::invoiceNumber).collect(Collectors.joining(", "))
            + "; reminders for them wait until "
            + promise.waitsUntil()
            + (blank(terms.note()) ? "." : ". " + terms.note().strip()));
    return promise;
  }

  /**
   * Disputes invoices: they are not chased while the dispute is open.
   *
   * @throws CaseRefusedException when an invoice is not open for the customer or already disputed
   */
  public List<Dispute> openDispute(
      long caseId, long readVersion, @NotNull @Valid DisputeTerms terms, String actor) {
    CollectionCase forCase = changing(caseId, readVersion, actor);
    List<Dispute> opened = dispute(forCase, terms, actor);
    review.refresh(forCase);
    return opened;
  }

  private List<Dispute> dispute(CollectionCase forCase, DisputeTerms terms, String actor) {
    return dispute(forCase.getCustomer(), terms, DisputeSource.COLLECTOR, actor);
  }

  private List<Dispute> dispute(
      Customer customer, DisputeTerms terms, DisputeSource source, String actor) {
    List<Dispute> opened =
        disputes.open(
            openInvoices(customer, terms.invoices()).stream()
                .map(item -> invoices.reference(item.invoiceId()))
                .toList(),
            terms.reason(),
            trimmed(terms.note()),
            source,
            actor);
    note(
        customer,
        actor,
        "Disputed "
            + String.join(", ", terms.invoices())
            + " ("
            + terms.reason().label().toLowerCase()
            + "); not chased until resolved"
            + (blank(terms.note()) ? "." : ". " + terms.note().strip()));
    return opened;
  }

  /**
   * A promise the customer made on their own page: the same rules, pause and review as a
   * collector's, on the customer's open case, which rises with {@code request} until a person acts.
   *
   * @throws CaseRefusedException when the customer has no open case, or the promise does not fit
   */
  public PromiseToPay promiseFromCustomer(
      Customer customer, @NotNull @Valid PromiseTerms terms, String actor, String request) {
    CollectionCase forCase =
        customerCase(customer)
            .orElseThrow(
                () ->
                    new CaseRefusedException(
                        "Nothing is overdue yet, so there is nothing to promise."));
    PromiseToPay promise = promise(forCase, terms, actor);
    forCase.customerAsked(request, actor, OffsetDateTime.now(clock));
    review.refresh(forCase);
    return promise;
  }

  /**
   * Invoices the customer disputed on their own page: not chased from now on, and the open case, if
   * any, rises with {@code request} for the collector to look into.
   *
   * @throws CaseRefusedException when an invoice is not open for the customer or already disputed
   */
  public List<Dispute> disputeFromCustomer(
      Customer customer, @NotNull @Valid DisputeTerms terms, String actor, String request) {
    List<Dispute> opened = dispute(customer, terms, DisputeSource.CUSTOMER, actor);
    customerAsked(customer, request, actor);
    return opened;
  }

  /**
   * The customer asked for something on their page: their open case, if they have one, rises with
   * {@code request} until a person acts on it.
   */
  public void customerAsked(Customer customer, String request, String actor) {
    customerCase(customer)
        .ifPresent(
            forCase -> {
              forCase.customerAsked(request, actor, OffsetDateTime.now(clock));
              review.refresh(forCase);
            });
  }

  private Optional<CollectionCase> customerCase(Customer customer) {
    Optional<CollectionCase> open = findOpen(customer);
    open.ifPresent(forCase -> em.refresh(forCase, LockModeType.PESSIMISTIC_WRITE));
    return open;
  }

  /**
   * Ends a dispute, whoever opened it: upheld credits what is open on the invoice, rejected sends
   * it back to chasing.
   *
   * @throws CaseRefusedException for {@link Dispute.Resolution#CLEARED}, which only the ERP gives
   */
  public Dispute resolveDispute(
      long disputeId,
      long readVersion,
      @NotNull Dispute.Resolution how,
      @NotBlank @Size(max = 2000) String note,
      String actor) {
    if (how == Dispute.Resolution.CLEARED) {
      throw new CaseRefusedException(
          "Decision: a dispute is upheld or rejected; only the ERP clears the disputes it opened.");
    }
    Dispute dispute =
        Optional.ofNullable(em.find(Dispute.class, disputeId))
            .orElseThrow(() -> new NotFoundException("Dispute", disputeId));
    if (dispute.getVersion() != readVersion) {
      throw new ConcurrentChangeException(
          "The dispute on " + dispute.getInvoice().getNumber(), null, null);
    }
    CollectionCase forCase =
        findOpen(dispute.getInvoice().getCustomer())
            .orElseThrow(() -> new CaseRefusedException("The customer has no open case."));
    requireMayAct(forCase, account(actor));
    OffsetDateTime now = OffsetDateTime.now(clock);
    disputes.resolve(dispute, how, note.strip(), actor);
    var invoice = dispute.getInvoice();
    String outcome;
    if (how == Dispute.Resolution.UPHELD) {
      Optional<OpenItem> open =
          invoices.openItems(invoice.getCustomer()).stream()
              .filter(item -> item.invoiceId() == invoice.getId())
              .findFirst();
      open.ifPresent(
          item ->
              creditNotes.record(
                  List.of(
                      new CreditNoteData(
                          "dispute-" + dispute.getId(),
                          "CN-DSP-" + dispute.getId(),
                          invoice.getCustomer().getNumber(),
                          LocalDate.now(clock),
                          item.open().currency().getCurrencyCode(),
                          item.open().amount(),
                          "Dispute upheld: " + note.strip(),
                          List.of(new InvoicePart(invoice.getNumber(), item.open().amount()))))));
      outcome =
          open.map(item -> "upheld; " + item.open() + " credited (CN-DSP-" + dispute.getId() + ")")
              .orElse("upheld; nothing was open to credit");
    } else {
      outcome = "rejected; the invoice is chased again";
    }
    append(
        forCase,
        Channel.NOTE,
        actor,
        Outcome.RECORDED,
        "Dispute on " + invoice.getNumber() + " " + outcome + ". " + note.strip());
    forCase.changedBy(actor, now);
    review.refresh(forCase);
    return dispute;
  }

  /** Puts the customer in hardship: automated reminders stop, messages turn gentle. */
  public void startHardship(
      long caseId, long readVersion, @NotBlank @Size(max = 2000) String reason, String actor) {
    CollectionCase forCase = changing(caseId, readVersion, actor);
    forCase.getCustomer().startHardship(reason.strip(), actor, OffsetDateTime.now(clock));
    append(
        forCase,
        Channel.NOTE,
        actor,
        Outcome.RECORDED,
        "Hardship: automated reminders stop until an approver lifts it. " + reason.strip());
    review.refresh(forCase);
  }

  /**
   * Lifts hardship; reminders resume with the next run.
   *
   * @throws NotAllowedException unless {@code actor} is an approver
   */
  public void liftHardship(
      long caseId, long readVersion, @NotBlank @Size(max = 2000) String reason, String actor) {
    if (!account(actor).hasRole(Role.APPROVER)) {
      throw new NotAllowedException("Only an approver can lift hardship.");
    }
    CollectionCase forCase = changing(caseId, readVersion, actor);
    if (!forCase.getCustomer().isHardship()) {
      throw new CaseRefusedException("The customer is not in hardship.");
    }
    forCase.getCustomer().liftHardship(actor, OffsetDateTime.now(clock));
    append(
        forCase,
        Channel.NOTE,
        actor,
        Outcome.RECORDED,
        "Hardship lifted by an approver; reminders resume. " + reason.strip());
    review.refresh(forCase);
  }

  /** Stops chasing the customer up to and including {@code until}; it resumes by itself. */
  public void pauseChasing(
      long caseId,
      long readVersion,
      @NotNull LocalDate until,
      @NotBlank @Size(max = 2000) String reason,
      String actor) {
    LocalDate today = LocalDate.now(clock);
    if (!until.isAfter(today) || until.isAfter(today.plusDays(LONGEST_PAUSE_DAYS))) {
      throw new CaseRefusedException(
          "Until: a pause ends after today and within " + LONGEST_PAUSE_DAYS + " days.");
    }
    CollectionCase forCase = changing(caseId, readVersion, actor);
    forCase.getCustomer().pauseReminders(until, reason.strip(), actor, OffsetDateTime.now(clock));
    append(
        forCase,
        Channel.NOTE,
        actor,
        Outcome.RECORDED,
        "Chasing paused until " + until + ". " + reason.strip());
    review.refresh(forCase);
  }

  /**
   * Ends a pause in chasing the customer before its last day: reminders resume with the next run.
   *
   * @throws CaseRefusedException when chasing is not paused
   */
  public void resumeChasing(
      long caseId, long readVersion, @NotBlank @Size(max = 2000) String reason, String actor) {
    LocalDate today = LocalDate.now(clock);
    CollectionCase forCase = changing(caseId, readVersion, actor);
    Customer customer = forCase.getCustomer();
    if (customer.getRemindersPausedUntil().filter(until -> !until.isBefore(today)).isEmpty()) {
      throw new CaseRefusedException("Chasing " + customer.getName() + " is not paused.");
    }
    customer.resumeReminders(actor, OffsetDateTime.now(clock));
    append(
        forCase,
        Channel.NOTE,
        actor,
        Outcome.RECORDED,
        "Chasing resumed; reminders go out with the next run. " + reason.strip());
    review.refresh(forCase);
  }

  /** Adds a note to the customer's log. */
  public void addNote(long caseId, @NotBlank @Size(max = 4000) String text, String actor) {
    CollectionCase forCase = acting(caseId, actor);
    append(forCase, Channel.NOTE, actor, Outcome.RECORDED, text.strip());
  }

  /**
   * Hands the case to another collector.
   *
   * @throws NotAllowedException unless {@code actor} is an approver or administrator
   */
  public void reassign(long caseId, long readVersion, @NotBlank String collector, String actor) {
    UserAccount by = account(actor);
    if (!by.hasRole(Role.APPROVER) && !by.hasRole(Role.ADMIN)) {
      throw new NotAllowedException("Only an approver or an administrator reassigns cases.");
    }
    CollectionCase forCase = getCase(caseId);
    em.refresh(forCase, LockModeType.PESSIMISTIC_WRITE);
    forCase.requireVersion(readVersion);
    UserAccount to =
        accounts
            .findByUsername(collector)
            .filter(account -> account.isActive() && account.hasRole(Role.COLLECTOR))
            .orElseThrow(() -> new NotFoundException("Collector", collector));
    String from = forCase.getAssignee().map(UserAccount::getDisplayName).orElse("nobody");
    forCase.assignTo(to, actor, OffsetDateTime.now(clock));
    append(
        forCase,
        Channel.NOTE,
        actor,
        Outcome.RECORDED,
        "Case reassigned from " + from + " to " + to.getDisplayName() + ".");
  }

  /**
   * A draft for the collector to edit: the template of {@code tone} (the gentle one for a customer
   * in hardship) written for {@code contactId} with the case's overdue invoices.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReminderContent draft(long caseId, Tone tone, long contactId) {
    CollectionCase forCase = getCase(caseId);
    Customer customer = forCase.getCustomer();
    Contact to = contact(customer, contactId);
    LocalDate today = LocalDate.now(clock);
    List<ReminderModel.DueInvoice> due =
        overdue(customer, today).stream()
            .map(
                item ->
                    new ReminderModel.DueInvoice(item.invoiceNumber(), item.open(), item.dueDate()))
            .toList();
    return templates
        .templates(customer.isHardship() ? Tone.GENTLE : tone, language(customer))
        .render(
            ReminderModel.of(
                new ReminderModel.Recipient(to.getSalutation(), to.getName(), customer.getLocale()),
                customer.getName(),
                due,
                today,
                sender.of(customer),
                SenderDetails.LINK_PLACEHOLDER));
  }

  /** The courtesy check's findings on a collector's text, in the customer's language. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CourtesyReport check(Customer customer, String text) {
    return courtesy.check(language(customer), text == null ? "" : text);
  }

  /**
   * Queues a collector's email to one of the customer's contacts, due at once (unlike reminders, it
   * does not wait for the recipient's window: the collector chose the moment); it is sent as soon
   * as this transaction commits (see {@code app.courtesy.dispatch.CollectorEmails}), or by the
   * dispatcher's next round, and logged. A text the courtesy check finds threatening, blaming,
   * pressing or shouting goes out only with an approver's override, which is logged with its
   * reason.
   *
   * @return the outbox message's id
   * @throws CaseRefusedException when the check forbids the text and no approver overrides it
   */
  public long sendEmail(long caseId, @NotNull @Valid EmailDraft draft, String actor) {
    CollectionCase forCase = acting(caseId, actor);
    Customer customer = forCase.getCustomer();
    Contact to = contact(customer, draft.contactId());
    if (!to.isEmailable()) {
      throw new CaseRefusedException(
          "Contact: " + to.getName() + " cannot be emailed (no address, opted out or bounced).");
    }
    List<CourtesyReport.Finding> forbidden =
        check(customer, draft.subject() + "\n" + draft.body()).findings().stream()
            .filter(finding -> !finding.rule().isRequired())
            .toList();
    boolean overridden = !forbidden.isEmpty() && !blank(draft.override());
    if (!forbidden.isEmpty()) {
      if (!overridden) {
        throw new CaseRefusedException(
            "Not sent: "
                + forbidden.stream().map(CaseService::refusal).collect(Collectors.joining("; "))
                + ". Reword it, or ask an approver to send it with an override.");
      }
      if (!account(actor).hasRole(Role.APPROVER)) {
        throw new NotAllowedException(
            "Only an approver can send a message the courtesy check refuses.");
      }
      append(
          forCase,
          Channel.NOTE,
          actor,
          Outcome.RECORDED,
          "Courtesy check overridden for the email \""
              + draft.subject().strip()
              + "\" ("
              + forbidden.stream().map(f -> f.rule().name()).collect(Collectors.joining(", "))
              + "): "
              + draft.override().strip());
      events.record(
          SecurityEventKind.COURTESY_CHECK_OVERRIDDEN,
          actor,
          null,
          "email \"" + draft.subject().strip() + "\" to customer " + customer.getNumber());
    }
    return outbox.queuePersonal(
        customer,
        LocalDate.now(clock),
        customer.isHardship() ? Tone.GENTLE : Tone.FRIENDLY,
        to,
        draft.subject().strip(),
        draft.body().strip(),
        actor,
        clock.instant());
  }

  /** A forbidden finding in a sentence: what to change, and the words at fault or why. */
  private static String refusal(CourtesyReport.Finding finding) {
    if (!finding.spans().isEmpty()) {
      return finding.advice()
          + " (\""
          + finding.spans().stream()
              .map(CourtesyReport.Span::text)
              .distinct()
              .collect(Collectors.joining("\", \""))
          + "\")";
    }
    return finding.why().isBlank()
        ? finding.advice()
        : finding.advice() + " (" + finding.why() + ")";
  }

  /** The case, once {@code actor} may act on it. */
  private CollectionCase acting(long caseId, String actor) {
    CollectionCase forCase = getCase(caseId);
    requireMayAct(forCase, account(actor));
    if (!forCase.isOpen()) {
      throw new CaseRefusedException("The case was closed on " + forCase.getClosedOn() + ".");
    }
    return forCase;
  }

  /**
   * The case, once {@code actor} may act on it and nobody changed it since they read it. The case
   * is locked until this transaction ends, so of two people changing it at the same moment the
   * second waits, then sees the first one's change and is told who made it.
   */
  private CollectionCase changing(long caseId, long readVersion, String actor) {
    CollectionCase forCase = acting(caseId, actor);
    em.refresh(forCase, LockModeType.PESSIMISTIC_WRITE);
    forCase.requireVersion(readVersion);
    forCase.changedBy(actor, OffsetDateTime.now(clock));
    return forCase;
  }

  private static boolean mayAct(CollectionCase forCase, UserAccount account) {
    return account.hasRole(Role.APPROVER)
        || account.hasRole(Role.ADMIN)
        || (account.hasRole(Role.COLLECTOR)
            && forCase.getAssignee().map(a -> a.getId().equals(account.getId())).orElse(true));
  }

  private static void requireMayAct(CollectionCase forCase, UserAccount account) {
    if (!mayAct(forCase, account)) {
      throw new NotAllowedException(
          "This case is assigned to "
              + forCase.getAssignee().map(UserAccount::getDisplayName).orElse("someone else")
              + ". Collectors act on their own cases; an approver can reassign it to you.");
    }
  }

  private UserAccount account(String username) {
    return accounts
        .findByUsername(username)
        .orElseThrow(() -> new NotAllowedException("Unknown user " + username));
  }

  /** What is overdue on {@code today} in the customer's own currency, the case's currency. */
  private List<OpenItem> overdue(Customer customer, LocalDate today) {
    return invoices.openItems(customer, customer.getCurrency()).stream()
        .filter(item -> item.dueDate().isBefore(today))
        .toList();
  }

  /** The customer's open invoices of these numbers, or a refusal naming the first that is not. */
  private List<OpenItem> openInvoices(Customer customer, List<String> numbers) {
    Map<String, OpenItem> open =
        invoices.openItems(customer).stream()
            .collect(Collectors.toMap(OpenItem::invoiceNumber, Function.identity()));
    List<OpenItem> found = new ArrayList<>();
    for (String number : numbers) {
      OpenItem item = open.get(number.strip());
      if (item == null) {
        throw new CaseRefusedException(
            "Invoices: " + number + " is not an open invoice of " + customer.getName() + ".");
      }
      found.add(item);
    }
    return found;
  }

  private Contact contact(Customer customer, long contactId) {
    return Optional.ofNullable(em.find(Contact.class, contactId))
        .filter(contact -> contact.getCustomer().getId().equals(customer.getId()))
        .orElseThrow(() -> new NotFoundException("Contact", contactId));
  }

  private void append(
      CollectionCase forCase, Channel channel, String actor, Outcome outcome, String detail) {
    log.append(
        new Entry(
            forCase.getCustomer().getId(),
            clock.instant(),
            channel,
            channel != Channel.NOTE,
            actor,
            null,
            null,
            null,
            outcome,
            detail,
            null));
  }

  private void note(Customer customer, String actor, String detail) {
    log.append(Entry.note(customer.getId(), clock.instant(), actor, detail));
  }

  private static Locale language(Customer customer) {
    return ReminderTemplates.languageOf(customer.getLocale());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
