package app.courtesy.demo;

import app.courtesy.arrangement.Arrangement;
import app.courtesy.arrangement.ArrangementKind;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.ArrangementStatus;
import app.courtesy.arrangement.Frequency;
import app.courtesy.arrangement.Proposal;
import app.courtesy.collection.CallOutcome;
import app.courtesy.collection.CallRecord;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.collection.Dispute;
import app.courtesy.collection.DisputeReason;
import app.courtesy.collection.DisputeTerms;
import app.courtesy.collection.PromiseTerms;
import app.courtesy.collection.PromiseToPay;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.OpenItem;
import app.courtesy.shared.BusinessException;
import app.courtesy.shared.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * What the demo's collector and approver do on the days the {@link DemoHistory} plays, through the
 * same services as the case and arrangement pages, each dated on its day ({@link
 * ClockProducer#replaying}): the collector's morning calls at 10:00, the approver's decisions at
 * 15:00. Whether a promise is kept, a plan completes or defaults is then decided by the daily
 * review from the payments the history brings, as on any server; so the dashboard's promise,
 * arrangement, collector and dispute figures come from what happened, not from figures written for
 * the demo.
 *
 * <p>The diary, by weekday of the history (0 is its first weekday):
 *
 * <ul>
 *   <li>1 and 11: calls. Customers promise to pay an overdue invoice on the day the book pays it,
 *       within three weeks (kept); others promise one for three days later that the book leaves
 *       unpaid for weeks (broken); a few calls go unanswered or to voicemail.
 *   <li>3 and 11: customers call to dispute an invoice the book never pays, each for another
 *       reason.
 *   <li>4: two instalment plans proposed by the collector and approved by the approver (four eyes):
 *       one on an invoice the book pays within two weeks (it completes), one on an invoice it
 *       leaves unpaid (it defaults).
 *   <li>8 and 15: the oldest open disputes resolved: the first upheld (credited), the next
 *       rejected.
 * </ul>
 *
 * Each rule takes the collector's open cases in the order they were opened (by id), skipping a case
 * with a pending promise, an open dispute or a live arrangement, and the first overdue invoice that
 * fits: so the same book plays the same diary, whatever the date it was built for. An action a
 * service refuses is logged and left out rather than stopping the start-up: the demo is a courtesy.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class DemoCollectors {

  /** Who works the demo's cases, and who approves what they propose. */
  public record Staff(String collector, String approver) {}

  /** An overdue invoice on a case, and the day the book pays it (null: not before today). */
  private record Overdue(CollectionCase forCase, OpenItem item, LocalDate paidOn) {}

  private static final Logger LOG = Logger.getLogger(DemoCollectors.class.getName());

  private static final int KEPT_WITHIN_DAYS = 21;
  private static final int BROKEN_PROMISE_DAYS = 3;
  private static final int PLAN_PAID_WITHIN_DAYS = 14;

  @Inject private CaseService cases;
  @Inject private ArrangementService arrangements;
  @Inject private InvoiceRepository invoices;
  @Inject private ClockProducer clocks;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /**
   * Does what {@code staff} do on {@code date}, weekday {@code weekday} of the history; returns how
   * many things they did.
   *
   * @param paidOn the day the book pays each invoice, by invoice number; invoices it leaves unpaid
   *     up to {@code today} are not in it
   * @param today the day the history ends: a payment after it does not come
   */
  public int work(
      Staff staff, int weekday, LocalDate date, LocalDate today, Map<String, LocalDate> paidOn) {
    List<Runnable> morning = new ArrayList<>();
    List<Runnable> afternoon = new ArrayList<>();
    Set<Long> used = new HashSet<>();
    Map<Long, List<OpenItem>> open = openItems(staff.collector());
    Predicate<LocalDate> keptLater =
        paid ->
            paid != null
                && paid.isAfter(date)
                && !paid.isAfter(min(date.plusDays(KEPT_WITHIN_DAYS), today));
    Predicate<LocalDate> unpaidForWeeks =
        paid -> paid == null || paid.isAfter(date.plusDays(KEPT_WITHIN_DAYS));
    switch (weekday) {
      case 1, 11 -> {
        int kept = weekday == 1 ? 3 : 2;
        int broken = weekday == 1 ? 2 : 1;
        for (int i = 0; i < kept; i++) {
          pick(staff, date, open, paidOn, used, keptLater)
              .ifPresent(o -> morning.add(() -> promise(staff, o, o.paidOn(), "by transfer")));
        }
        for (int i = 0; i < broken; i++) {
          pick(staff, date, open, paidOn, used, unpaidForWeeks)
              .ifPresent(
                  o ->
                      morning.add(
                          () ->
                              promise(
                                  staff,
                                  o,
                                  date.plusDays(BROKEN_PROMISE_DAYS),
                                  "once their customer pays them")));
        }
        for (CallOutcome outcome : List.of(CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL)) {
          pick(staff, date, open, paidOn, used, paid -> true)
              .ifPresent(o -> morning.add(() -> unanswered(staff, o, outcome)));
        }
        if (weekday == 11) {
          dispute(staff, date, open, paidOn, used, morning, DisputeReason.ALREADY_PAID);
        }
      }
      case 3 -> {
        for (DisputeReason reason :
            List.of(
                DisputeReason.PRICING, DisputeReason.GOODS_SERVICE, DisputeReason.NOT_RECEIVED)) {
          dispute(staff, date, open, paidOn, used, morning, reason);
        }
      }
      case 4 -> {
        pick(
                staff,
                date,
                open,
                paidOn,
                used,
                paid ->
                    paid != null
                        && paid.isAfter(date)
                        && !paid.isAfter(date.plusDays(PLAN_PAID_WITHIN_DAYS)))
            .ifPresent(o -> morning.add(() -> propose(staff, o, date)));
        pick(staff, date, open, paidOn, used, paid -> paid == null)
            .ifPresent(o -> morning.add(() -> propose(staff, o, date)));
        afternoon.add(() -> approvePending(staff));
      }
      case 8 -> {
        morning.add(() -> resolveOldest(staff, Dispute.Resolution.UPHELD));
        morning.add(() -> resolveOldest(staff, Dispute.Resolution.REJECTED));
      }
      case 15 -> morning.add(() -> resolveOldest(staff, Dispute.Resolution.REJECTED));
      default -> {
        // Nothing but the reminders and the review today.
      }
    }
    return play(date, 10, morning) + play(date, 15, afternoon);
  }

  private void dispute(
      Staff staff,
      LocalDate date,
      Map<Long, List<OpenItem>> open,
      Map<String, LocalDate> paidOn,
      Set<Long> used,
      List<Runnable> morning,
      DisputeReason reason) {
    pick(staff, date, open, paidOn, used, paid -> paid == null)
        .ifPresent(o -> morning.add(() -> dispute(staff, o, reason)));
  }

  /**
   * Does the actions one after the other from {@code hour}:00 of {@code date}, the clock running on
   * from there; how many were done.
   */
  private int play(LocalDate date, int hour, List<Runnable> actions) {
    return clocks.replaying(
        date.atTime(hour, 0).atZone(clocks.zone()).toInstant(),
        () -> {
          int done = 0;
          for (Runnable action : actions) {
            try {
              action.run();
              done++;
            } catch (BusinessException e) {
              LOG.warning(() -> "Demo history, " + date + ": left out, refused: " + e.getMessage());
            }
          }
          return done;
        });
  }

  /** What is open on the collector's open cases' customers, by customer id. */
  private Map<Long, List<OpenItem>> openItems(String collector) {
    return invoices.openItems(
        openCases(collector).stream().map(CollectionCase::getCustomer).toList());
  }

  private List<CollectionCase> openCases(String collector) {
    return em.createQuery(
            "select k from CollectionCase k join fetch k.customer"
                + " where k.closedOn is null and k.assignee.username = :collector order by k.id",
            CollectionCase.class)
        .setParameter("collector", collector)
        .getResultList();
  }

  /**
   * The first overdue invoice, on the first of the collector's open cases not in {@code used} and
   * free for a new action, that the book pays on a day {@code when} accepts; the case is then used.
   */
  private Optional<Overdue> pick(
      Staff staff,
      LocalDate date,
      Map<Long, List<OpenItem>> open,
      Map<String, LocalDate> paidOn,
      Set<Long> used,
      Predicate<LocalDate> when) {
    for (CollectionCase forCase : openCases(staff.collector())) {
      if (used.contains(forCase.getId()) || !free(forCase)) {
        continue;
      }
      Customer customer = forCase.getCustomer();
      Optional<Overdue> found =
          open.getOrDefault(customer.getId(), List.of()).stream()
              .filter(item -> item.dueDate().isBefore(date))
              .filter(item -> item.open().currency().equals(customer.getCurrency()))
              .filter(item -> when.test(paidOn.get(item.invoiceNumber())))
              .findFirst()
              .map(item -> new Overdue(forCase, item, paidOn.get(item.invoiceNumber())));
      if (found.isPresent()) {
        used.add(forCase.getId());
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * No promise pending, no dispute open, no arrangement live: the case is free for a new action.
   */
  private boolean free(CollectionCase forCase) {
    return cases.promises(forCase.getId()).stream()
            .noneMatch(p -> p.getStatus() == PromiseToPay.Status.PENDING)
        && cases.disputes(forCase.getCustomer()).stream().noneMatch(Dispute::isOpen)
        && arrangements.ofCustomer(forCase.getCustomer().getId()).stream()
            .noneMatch(a -> a.getStatus().isLive());
  }

  private void promise(Staff staff, Overdue overdue, LocalDate on, String how) {
    CollectionCase forCase = cases.getCase(overdue.forCase().getId());
    cases.logCall(
        forCase.getId(),
        forCase.getVersion(),
        new CallRecord(Channel.PHONE, CallOutcome.REACHED, "Spoke to accounts payable."),
        new PromiseTerms(
            overdue.item().open().amount(),
            on,
            List.of(overdue.item().invoiceNumber()),
            "Will pay " + overdue.item().invoiceNumber() + " " + how + "."),
        null,
        staff.collector());
  }

  private void unanswered(Staff staff, Overdue overdue, CallOutcome outcome) {
    CollectionCase forCase = cases.getCase(overdue.forCase().getId());
    cases.logCall(
        forCase.getId(),
        forCase.getVersion(),
        new CallRecord(
            Channel.PHONE,
            outcome,
            outcome == CallOutcome.VOICEMAIL ? "Asked them to call back about the balance." : null),
        null,
        null,
        staff.collector());
  }

  private void dispute(Staff staff, Overdue overdue, DisputeReason reason) {
    CollectionCase forCase = cases.getCase(overdue.forCase().getId());
    String said =
        switch (reason) {
          case PRICING -> "The price differs from the quote they accepted.";
          case GOODS_SERVICE -> "Part of the delivery arrived damaged.";
          case NOT_RECEIVED -> "They have no record of the delivery.";
          case ALREADY_PAID -> "They say they paid it with another invoice.";
          case OTHER -> "They want to talk it over first.";
        };
    cases.logCall(
        forCase.getId(),
        forCase.getVersion(),
        new CallRecord(Channel.PHONE, CallOutcome.REACHED, "The customer disputes an invoice."),
        null,
        new DisputeTerms(List.of(overdue.item().invoiceNumber()), reason, said),
        staff.collector());
  }

  private void propose(Staff staff, Overdue overdue, LocalDate date) {
    arrangements.propose(
        overdue.forCase().getId(),
        new Proposal(
            ArrangementKind.INSTALMENTS,
            List.of(overdue.item().invoiceNumber()),
            "Cash flow is tight this month; they can pay in two weekly parts.",
            2,
            date.plusDays(7),
            Frequency.WEEKLY,
            null,
            null,
            null,
            null),
        staff.collector());
  }

  /** The approver approves what the collector proposed and is still pending. */
  private void approvePending(Staff staff) {
    List<Arrangement> pending =
        em
            .createQuery(
                "select a from Arrangement a where a.proposedBy = :collector order by a.id",
                Arrangement.class)
            .setParameter("collector", staff.collector())
            .getResultList()
            .stream()
            .filter(a -> a.getStatus() == ArrangementStatus.PENDING)
            .toList();
    for (Arrangement arrangement : pending) {
      arrangements.approve(
          arrangement.getId(),
          arrangement.getVersion(),
          "Fits their history; two weeks is short.",
          staff.approver());
    }
  }

  /** Resolves the oldest dispute the collector opened that is still open. */
  private void resolveOldest(Staff staff, Dispute.Resolution how) {
    em.createQuery(
            "select d from Dispute d where d.openedBy = :collector and d.resolution is null"
                + " order by d.openedAt, d.id",
            Dispute.class)
        .setParameter("collector", staff.collector())
        .getResultStream()
        .findFirst()
        .ifPresent(
            dispute ->
                cases.resolveDispute(
                    dispute.getId(),
                    dispute.getVersion(),
                    how,
                    how == Dispute.Resolution.UPHELD
                        ? "Checked with the warehouse: they are right, credited in full."
                        : "Checked the delivery records and the quote: the invoice stands.",
                    staff.collector()));
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
