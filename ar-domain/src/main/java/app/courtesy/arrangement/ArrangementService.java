package app.courtesy.arrangement;

import static app.courtesy.shared.SqlValues.bool;
import static app.courtesy.shared.SqlValues.date;
import static app.courtesy.shared.Texts.clause;
import static app.courtesy.shared.Texts.trimmed;

import app.courtesy.arrangement.ArrangementLetters.ArrangementLetter;
import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.customer.Customer;
import app.courtesy.reminder.ReminderContent;
import app.courtesy.reminder.ReminderModel;
import app.courtesy.reminder.SenderDetails;
import app.courtesy.security.Role;
import app.courtesy.security.SecurityEventKind;
import app.courtesy.security.SecurityEvents;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotAllowedException;
import app.courtesy.shared.NotFoundException;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.Payload;
import app.courtesy.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Proposing and deciding arrangements, under a four-eyes rule: whoever may act on a case proposes;
 * an approver other than the proposer approves or rejects, and approves only what their limit in
 * the arrangement's currency covers; the proposer alone withdraws a pending proposal. Every rule is
 * checked here, whatever page or endpoint asked. Each change is written to the customer's
 * communication log with who and why.
 */
@ApplicationScoped
@Transactional
public class ArrangementService {

  /** A proposal checked but not saved: what it covers and what the customer would be told. */
  public record Draft(
      Money covered,
      List<PlannedInstalment> schedule,
      Money discount,
      String recipient,
      ReminderContent summary) {}

  /** An invoice a proposal can cover. */
  private record Coverable(
      long id, String number, LocalDate dueDate, Money open, boolean disputed) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private SecurityEvents events;
  @Inject private WebhookEvents webhooks;
  @Inject private CaseService cases;
  @Inject private CaseReview review;
  @Inject private ArrangementMessages messages;
  @Inject private UserAccountRepository accounts;
  @Inject private ApprovalLimits limits;
  @Inject private CommunicationLog log;
  @Inject private Clock clock;
  @Inject private Event<ArrangementRejected> rejected;

  /** The arrangement, or {@link NotFoundException}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Arrangement get(long id) {
    return Optional.ofNullable(em.find(Arrangement.class, id))
        .orElseThrow(() -> new NotFoundException("Arrangement", id));
  }

  /** The arrangements of a customer, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Arrangement> ofCustomer(long customerId) {
    return em.createQuery(
            "select a from Arrangement a where a.customerId = :id order by a.proposedAt desc",
            Arrangement.class)
        .setParameter("id", customerId)
        .getResultList();
  }

  /** The limits proposals are checked against. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ArrangementLimits limits() {
    return settings().limits();
  }

  /** The settings row, for the administrators' page. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ArrangementSettings settings() {
    return em.find(ArrangementSettings.class, 1);
  }

  /**
   * Changes the limits; refuses when someone else changed them since {@code readVersion}.
   *
   * @throws ArrangementRefusedException naming each field that is out of range
   * @throws app.courtesy.shared.ConcurrentChangeException saying who changed them meanwhile
   */
  public void changeLimits(ArrangementLimits limits, long readVersion, @NotBlank String actor) {
    List<String> problems = new ArrayList<>();
    if (limits.maxInstalments() < 2) {
      problems.add("maxInstalments: must be 2 or more");
    }
    if (limits.maxPlanDays() < 1) {
      problems.add("maxPlanDays: must be 1 or more");
    }
    if (limits.maxExtensionDays() < 1) {
      problems.add("maxExtensionDays: must be 1 or more");
    }
    BigDecimal percent = limits.maxDiscountPercent();
    if (percent == null
        || percent.signum() <= 0
        || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
      problems.add("maxDiscountPercent: must be more than 0 and less than 100");
    } else if (percent.stripTrailingZeros().scale() > 2) {
      problems.add("maxDiscountPercent: at most 2 decimal places");
    }
    if (limits.maxDiscountDays() < 0) {
      problems.add("maxDiscountDays: must not be negative");
    }
    if (limits.reminderDaysBefore() < 0) {
      problems.add("reminderDaysBefore: must not be negative");
    }
    if (limits.noticeGraceDays() < 0) {
      problems.add("noticeGraceDays: must not be negative");
    }
    if (limits.defaultGraceDays() < 0) {
      problems.add("defaultGraceDays: must not be negative");
    }
    if (!problems.isEmpty()) {
      throw new ArrangementRefusedException(problems);
    }
    ArrangementSettings settings = settings();
    em.refresh(settings, LockModeType.PESSIMISTIC_WRITE); // a second saver waits, then is told
    settings.change(limits, readVersion, actor, OffsetDateTime.now(clock));
    events.record(SecurityEventKind.ARRANGEMENT_LIMITS_CHANGED, actor, null, limits.toString());
  }

  /**
   * Checks a proposal and writes what the customer would receive, without saving anything.
   *
   * @throws ArrangementRefusedException listing every problem
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Draft draft(long caseId, Proposal proposal, String actor) {
    CollectionCase forCase = proposing(caseId, actor);
    Customer customer = forCase.getCustomer();
    List<Coverable> covered = covered(customer, proposal);
    Arrangement arrangement = arrangement(forCase, covered, proposal, actor);
    return draft(customer, covered, arrangement);
  }

  private Draft draft(Customer customer, List<Coverable> covered, Arrangement arrangement) {
    List<ReminderModel.DueInvoice> invoices =
        covered.stream()
            .map(c -> new ReminderModel.DueInvoice(c.number(), c.open(), c.dueDate()))
            .toList();
    return messages
        .recipient(customer)
        .map(
            to ->
                new Draft(
                    arrangement.getCovered(),
                    arrangement.getSchedule(),
                    arrangement.getDiscount(),
                    to.getName() + " <" + to.getEmail() + ">",
                    messages.write(
                        ArrangementLetter.CONFIRMED,
                        ArrangementMessages.facts(invoices, arrangement),
                        customer,
                        to,
                        0,
                        SenderDetails.LINK_PLACEHOLDER)))
        .orElseGet(
            () ->
                new Draft(
                    arrangement.getCovered(),
                    arrangement.getSchedule(),
                    arrangement.getDiscount(),
                    null,
                    null));
  }

  /**
   * Saves a proposal, pending an approver's decision; the case's log says who proposed what, and
   * why.
   *
   * @throws ArrangementRefusedException listing every problem
   */
  public Arrangement propose(long caseId, Proposal proposal, String actor) {
    return propose(proposing(caseId, actor), proposal, actor);
  }

  /**
   * Saves what the customer asked for on their own page as a proposal on their open case, with the
   * customer ({@code actor}) as its proposer: it waits for an approver like any other, under the
   * same limits and four eyes.
   *
   * @throws ArrangementRefusedException when nothing is overdue, or listing every problem
   */
  public Arrangement proposeFromCustomer(Customer customer, Proposal proposal, String actor) {
    CollectionCase forCase =
        cases
            .findOpen(customer)
            .orElseThrow(
                () ->
                    new ArrangementRefusedException(
                        "Nothing is overdue yet, so there is no arrangement to ask for."));
    return propose(forCase, proposal, actor);
  }

  private Arrangement propose(CollectionCase forCase, Proposal proposal, String actor) {
    Customer customer = forCase.getCustomer();
    List<Coverable> covered = covered(customer, proposal);
    Arrangement arrangement = arrangement(forCase, covered, proposal, actor);
    em.persist(arrangement);
    em.flush();
    note(
        arrangement,
        actor,
        describe(arrangement)
            + " proposed by "
            + actor
            + " for "
            + covered.stream().map(Coverable::number).collect(Collectors.joining(", "))
            + ": "
            + clause(arrangement.getReason())
            + ". It waits for an approver.");
    return arrangement;
  }

  /** The proposer takes back a pending proposal; its invoices are free again. */
  public void withdraw(
      long id, long readVersion, @Size(max = 2000) String note, @NotBlank String actor) {
    Arrangement arrangement = pending(id, readVersion);
    if (!arrangement.getProposedBy().equals(actor)) {
      throw new NotAllowedException(
          "Only " + arrangement.getProposedBy() + ", who proposed it, can withdraw it.");
    }
    arrangement.withdraw(actor, trimmed(note), OffsetDateTime.now(clock));
    note(
        arrangement,
        actor,
        describe(arrangement)
            + " withdrawn by "
            + actor
            + (trimmed(note) == null ? "." : ": " + clause(note) + "."));
  }

  /**
   * Approves a pending proposal: it becomes active at once, its invoices follow its dates instead
   * of their due dates, and the customer's confirmation is queued for their send window.
   *
   * @throws NotAllowedException when {@code actor} is not an approver, proposed it, or has no limit
   *     in its currency that covers it
   */
  public void approve(
      long id, long readVersion, @Size(max = 2000) String note, @NotBlank String actor) {
    Arrangement arrangement = pending(id, readVersion);
    whyNot(arrangement, actor, true)
        .ifPresent(
            reason -> {
              throw new NotAllowedException(reason);
            });
    OffsetDateTime now = OffsetDateTime.now(clock);
    arrangement.approve(actor, trimmed(note), now);
    setArranged(arrangement, true);
    Customer customer = em.find(Customer.class, arrangement.getCustomerId());
    messages.queueConfirmation(arrangement, customer, LocalDate.now(clock));
    webhooks.publish(
        EventType.ARRANGEMENT_APPROVED,
        Payload.about(customer.getNumber())
            .number("arrangementId", arrangement.getId())
            .text("kind", arrangement.getKind().name())
            .money("covered", arrangement.getCovered())
            .text("approvedBy", actor));
    note(
        arrangement,
        actor,
        describe(arrangement)
            + " approved by "
            + actor
            + (trimmed(note) == null ? "" : ": " + clause(note))
            + ". Its invoices follow it instead of their due dates; the customer's confirmation"
            + " is on its way.");
    review.refresh(cases.getCase(arrangement.getCaseId()));
    events.record(SecurityEventKind.ARRANGEMENT_APPROVED, actor, null, describe(arrangement));
  }

  /** Rejects a pending proposal with a reason; its invoices are chased as before. */
  public void reject(
      long id, long readVersion, @NotBlank @Size(max = 2000) String note, @NotBlank String actor) {
    Arrangement arrangement = pending(id, readVersion);
    whyNot(arrangement, actor, false)
        .ifPresent(
            reason -> {
              throw new NotAllowedException(reason);
            });
    arrangement.reject(actor, note.strip(), OffsetDateTime.now(clock));
    note(
        arrangement,
        actor,
        describe(arrangement) + " rejected by " + actor + ": " + clause(note) + ".");
    events.record(SecurityEventKind.ARRANGEMENT_REJECTED, actor, null, describe(arrangement));
    rejected.fire(new ArrangementRejected(arrangement, note.strip()));
  }

  /**
   * Why {@code actor} may not decide the arrangement, in words for them; empty when they may.
   *
   * @param approving approving also needs a limit that covers the amount; rejecting does not
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> whyNot(Arrangement arrangement, String actor, boolean approving) {
    UserAccount account =
        accounts
            .findByUsername(actor)
            .orElseThrow(() -> new NotAllowedException("Unknown user " + actor));
    if (!account.hasRole(Role.APPROVER)) {
      return Optional.of("Only an approver can decide an arrangement.");
    }
    if (arrangement.getProposedBy().equals(actor)) {
      return Optional.of(
          "You proposed this arrangement, so another approver decides it (four-eyes rule).");
    }
    if (!approving) {
      return Optional.empty();
    }
    Money covered = arrangement.getCovered();
    Optional<BigDecimal> limit = limits.of(account, covered.currency());
    if (limit.isEmpty()) {
      return Optional.of(
          "You have no approval limit in "
              + covered.currency().getCurrencyCode()
              + "; an approver with one decides it.");
    }
    if (limit.get().compareTo(covered.amount()) < 0) {
      return Optional.of(
          covered.format(Locale.UK)
              + " is above your approval limit of "
              + new Money(limit.get(), covered.currency()).format(Locale.UK)
              + "; an approver whose limit covers it decides it.");
    }
    return Optional.empty();
  }

  /**
   * The arrangement, pending and as the caller read it, or a refusal saying what happened. It is
   * locked until this transaction ends: of two approvers deciding it at the same moment, the second
   * waits, then sees the first one's decision and is told who made it and when.
   */
  private Arrangement pending(long id, long readVersion) {
    Arrangement arrangement = get(id);
    em.refresh(arrangement, LockModeType.PESSIMISTIC_WRITE);
    arrangement.requireVersion(readVersion);
    if (arrangement.getStatus() != ArrangementStatus.PENDING) {
      throw new ArrangementRefusedException(
          "This arrangement is "
              + arrangement.getStatus().label().toLowerCase(Locale.ROOT)
              + " already; only a pending one can be decided or withdrawn.");
    }
    return arrangement;
  }

  private CollectionCase proposing(long caseId, String actor) {
    CollectionCase forCase = cases.getCase(caseId);
    if (forCase.getClosedOn() != null) {
      throw new ArrangementRefusedException("This case is closed: nothing is overdue any more.");
    }
    if (!cases.mayAct(forCase, actor)) {
      throw new NotAllowedException(
          "Only the case's collector, an approver or an administrator can propose an"
              + " arrangement on it.");
    }
    return forCase;
  }

  /** The proposal's invoices, each open, not disputed, not on another arrangement. */
  private List<Coverable> covered(Customer customer, Proposal proposal) {
    if (proposal.kind() == null) {
      throw new ArrangementRefusedException(
          "kind: choose an instalment plan, an extension or a discount");
    }
    if (proposal.invoiceNumbers() == null || proposal.invoiceNumbers().isEmpty()) {
      throw new ArrangementRefusedException("invoices: choose at least one open invoice");
    }
    Optional<Arrangement> live =
        ofCustomer(customer.getId()).stream().filter(a -> a.getStatus().isLive()).findFirst();
    if (live.isPresent()) {
      throw new ArrangementRefusedException(
          "invoices: "
              + customer.getName()
              + " has an arrangement "
              + live.get().getStatus().label().toLowerCase(Locale.ROOT)
              + " already (proposed by "
              + live.get().getProposedBy()
              + "); withdraw it or let it finish before proposing another");
    }
    List<String> problems = new ArrayList<>();
    List<Coverable> found = new ArrayList<>();
    for (String number : proposal.invoiceNumbers()) {
      Optional<Coverable> invoice = coverable(customer, number == null ? "" : number.strip());
      if (invoice.isEmpty()) {
        problems.add("invoices: " + number + " is not an open invoice of " + customer.getName());
      } else if (invoice.get().disputed()) {
        problems.add("invoices: " + number + " is disputed; resolve the dispute first");
      } else if (found.stream().anyMatch(c -> c.id() == invoice.get().id())) {
        problems.add("invoices: " + number + " is listed twice");
      } else {
        found.add(invoice.get());
      }
    }
    if (found.stream().map(c -> c.open().currency()).distinct().count() > 1) {
      problems.add(
          "invoices: all covered invoices must be in one currency; these are in "
              + found.stream()
                  .map(c -> c.open().currency().getCurrencyCode())
                  .distinct()
                  .sorted()
                  .collect(Collectors.joining(" and ")));
    }
    if (!problems.isEmpty()) {
      throw new ArrangementRefusedException(problems);
    }
    return found;
  }

  private Optional<Coverable> coverable(Customer customer, String number) {
    return ((List<?>)
            em.createNativeQuery(
                    """
                    select i.id, i.number, i.due_date, i.amount - i.allocated, i.currency,
                           i.disputed
                      from invoice i
                     where i.customer_id = ?1 and i.number = ?2 and i.state = 'ISSUED'
                       and i.amount > i.allocated
                    """)
                .setParameter(1, customer.getId())
                .setParameter(2, number)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                row ->
                    new Coverable(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        date(row[2]),
                        new Money(
                            new BigDecimal(row[3].toString()),
                            Currency.getInstance((String) row[4])),
                        bool(row[5])))
            .findFirst();
  }

  /** The arrangement the proposal describes, checked against the limits, not yet saved. */
  private Arrangement arrangement(
      CollectionCase forCase, List<Coverable> covered, Proposal proposal, String actor) {
    List<String> problems = new ArrayList<>();
    if (proposal.reason() == null || proposal.reason().isBlank()) {
      problems.add("reason: say why, for the approver");
    } else if (proposal.reason().strip().length() > 2000) {
      problems.add("reason: at most 2,000 characters");
    }
    Money total = covered.stream().map(Coverable::open).reduce(Money::plus).orElseThrow();
    LocalDate today = LocalDate.now(clock);
    ArrangementLimits limits = limits();
    List<PlannedInstalment> schedule = List.of();
    switch (proposal.kind()) {
      case INSTALMENTS -> {
        List<InstalmentLine> lines = proposal.instalments();
        if (!proposal.handWritten()) {
          List<String> missing = new ArrayList<>();
          if (proposal.count() == null) {
            missing.add("count: how many instalments?");
          }
          if (proposal.firstDate() == null) {
            missing.add("firstDate: when is the first instalment due?");
          }
          if (proposal.frequency() == null) {
            missing.add("frequency: weekly, every two weeks or monthly?");
          }
          if (missing.isEmpty() && proposal.count() < 1) {
            missing.add("count: at least 2 instalments");
          }
          problems.addAll(missing);
          lines =
              missing.isEmpty()
                  ? ArrangementRules.split(
                          total, proposal.count(), proposal.firstDate(), proposal.frequency())
                      .stream()
                      .map(p -> new InstalmentLine(p.dueOn(), p.amount().amount()))
                      .toList()
                  : List.of();
        }
        if (problems.isEmpty() || !lines.isEmpty()) {
          problems.addAll(ArrangementRules.checkPlan(lines, total, today, limits));
        }
        if (problems.isEmpty()) {
          schedule = ArrangementRules.schedule(lines, total.currency());
        }
      }
      case EXTENSION -> {
        problems.addAll(ArrangementRules.checkExtension(proposal.newDueDate(), today, limits));
        if (problems.isEmpty()) {
          schedule = List.of(new PlannedInstalment(1, proposal.newDueDate(), total));
        }
      }
      case DISCOUNT -> {
        problems.addAll(
            ArrangementRules.checkDiscount(
                proposal.discountPercent(), proposal.payBy(), today, limits));
        if (problems.isEmpty()) {
          schedule =
              List.of(
                  new PlannedInstalment(
                      1,
                      proposal.payBy(),
                      ArrangementRules.payable(total, proposal.discountPercent())));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ArrangementRefusedException(problems);
    }
    Arrangement arrangement =
        new Arrangement(
            forCase.getId(),
            forCase.getCustomer().getId(),
            proposal.kind(),
            total,
            covered.stream().map(c -> new CoveredInvoice(c.id(), c.open().amount())).toList(),
            schedule,
            proposal.reason().strip(),
            actor,
            OffsetDateTime.now(clock));
    switch (proposal.kind()) {
      case INSTALMENTS -> arrangement.planned(proposal.handWritten() ? null : proposal.frequency());
      case EXTENSION -> arrangement.extendedTo(proposal.newDueDate());
      case DISCOUNT ->
          arrangement.discounted(
              proposal.discountPercent(),
              ArrangementRules.discount(total, proposal.discountPercent()),
              proposal.payBy());
    }
    return arrangement;
  }

  /**
   * Marks the covered invoices as following the arrangement (or not any more): the only writer of
   * {@code invoice.arranged}; the review ends arrangements through it.
   */
  void setArranged(Arrangement arrangement, boolean arranged) {
    em.createNativeQuery(
            "update invoice set arranged = ?1 where id in"
                + " (select invoice_id from arrangement_invoice where arrangement_id = ?2)")
        .setParameter(1, arranged)
        .setParameter(2, arrangement.getId())
        .executeUpdate();
  }

  /** "Instalment plan of £1,200.00 in 3 instalments", and the like, for the log. */
  static String describe(Arrangement arrangement) {
    String covered = arrangement.getCovered().format(Locale.UK);
    return switch (arrangement.getKind()) {
      case INSTALMENTS ->
          "Instalment plan of "
              + covered
              + " in "
              + arrangement.getSchedule().size()
              + " instalments from "
              + arrangement.getSchedule().get(0).dueOn()
              + " to "
              + arrangement.getSchedule().get(arrangement.getSchedule().size() - 1).dueOn();
      case EXTENSION -> "Extension of " + covered + " to " + arrangement.getNewDueDate();
      case DISCOUNT ->
          "Early-payment discount of "
              + arrangement.getDiscountPercent().stripTrailingZeros().toPlainString()
              + " % on "
              + covered
              + " if paid by "
              + arrangement.getPayBy();
    };
  }

  void note(Arrangement arrangement, String actor, String detail) {
    log.append(Entry.note(arrangement.getCustomerId(), clock.instant(), actor, detail));
  }
}
