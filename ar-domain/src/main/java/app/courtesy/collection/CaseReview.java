package app.courtesy.collection;

import static app.courtesy.shared.SqlValues.idList;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.customer.Customer;
import app.courtesy.dunning.Holidays;
import app.courtesy.outbox.Outbox;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.shared.Money;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.Payload;
import app.courtesy.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Re-derives the cases from the data for a business date: decides pending promises from payments
 * (and lets arrangements decide theirs, through {@link ReviewStarting}), opens a case for every
 * customer overdue beyond its policy's grace, closes cases with nothing overdue, and recomputes
 * every open case's figures, status and priority. Each step is one statement over all cases
 * (promises, fewer, one by one), so the review costs seconds for a large book, and running it again
 * for the same date changes nothing.
 *
 * <p><b>Priority</b> (0–140) adds points for what should get a collector's attention first: the
 * amount overdue (up to 40, growing with its order of magnitude, in the customer's currency), how
 * late the oldest invoice is (4–30), a broken promise not yet followed up (20), no contact for a
 * week, two, a month or never (5–15), a bounced email and a call due (5 each); an arrangement
 * defaulted and not yet followed up counts as a broken promise. A case on an active arrangement
 * ranks 0: there is nothing to do until it is missed. A request the customer made on their page and
 * no person has answered yet adds 25, on any case.
 *
 * <p><b>The only writer of a case's derived columns.</b> The status, the figures ({@code
 * overdue_amount} … {@code priority}), {@code reviewed_on}, opening and closing, and the two
 * follow-up marks ({@code promise_broken_on}, {@code arrangement_defaulted_on}) are written here
 * and nowhere else: other code asks ({@link #followedUp}, {@link #planDefaulted}), and {@link
 * CollectionCase} maps them read-only. The entity owns what a person changes: the assignee (the
 * review only gives the first), who changed the case and when; {@code version} is raised by both,
 * as the lock it is, so a collector does not act over a case the review closed.
 */
@ApplicationScoped
@Transactional
public class CaseReview {

  /** What a review did. */
  public record Reviewed(int opened, int closed, int promisesKept, int promisesBroken, int open) {}

  static final String ACTOR = "Courtesy";

  // Spread evenly among active collectors by customer id, where the customer has none of its own.
  private static final String OPEN =
      """
      insert into collection_case (customer_id, open_customer_id, assignee_id, status, opened_on,
                                   currency, overdue_amount, bounced, needs_call, priority,
                                   reviewed_on, version)
      select c.id, c.id, coalesce(c.collector_id, rr.id), 'OPEN', ?1, c.currency, 0, false, false,
             0, ?1, 0
        from customer c
        join reminder_policy p on p.id = coalesce(c.reminder_policy_id, ?2)
        left join (select u.id, row_number() over (order by u.id) - 1 as turn
                     from app_user u join app_user_role r on r.user_id = u.id
                    where r.role_name = 'collector' and u.active) rr on rr.turn = mod(c.id, ?3)
       where exists (select 1 from invoice i
                      where i.customer_id = c.id and i.state = 'ISSUED' and i.amount > i.allocated
                        and i.due_date < cast(?1 as date) - p.grace_days)
         and not exists (select 1 from collection_case k where k.open_customer_id = c.id)
      """;

  private static final String CLOSE =
      """
      update collection_case k
         set status = 'CLOSED', closed_on = ?1, open_customer_id = null, reviewed_on = ?1,
             version = version + 1
       where k.open_customer_id is not null
         and not exists (select 1 from invoice i
                          where i.customer_id = k.customer_id and i.state = 'ISSUED'
                            and i.amount > i.allocated and i.due_date < ?1)
      """;

  private static final String FIGURES =
      """
      update collection_case k
         set overdue_amount = coalesce((select sum(i.amount - i.allocated) from invoice i
                                         where i.customer_id = k.customer_id
                                           and i.currency = k.currency and i.state = 'ISSUED'
                                           and i.amount > i.allocated and i.due_date < ?1), 0),
             oldest_due_on = (select min(i.due_date) from invoice i
                               where i.customer_id = k.customer_id and i.state = 'ISSUED'
                                 and i.amount > i.allocated and i.due_date < ?1),
             last_contact_at = (select max(m.occurred_at) from communication m
                                 where m.customer_id = k.customer_id
                                   and m.outcome in ('SENT', 'RECORDED') and m.channel <> 'NOTE'),
             promise_due_on = (select min(p.promised_on) from promise_to_pay p
                                where p.case_id = k.id and p.status = 'PENDING'),
             bounced = exists (select 1 from contact t
                                where t.customer_id = k.customer_id
                                  and t.email_bounced_at is not null),
             needs_call = exists (select 1 from collector_task t
                                   where t.customer_id = k.customer_id and t.done_at is null
                                     and t.due_on <= ?1),
             reply_waiting_on = (select min(cast(r.received_at as date)) from inbound_reply r
                                  where r.customer_id = k.customer_id
                                    and r.state = 'TO_ANSWER'),
             reviewed_on = ?1
       where k.open_customer_id is not null
      """;

  private static final String STANDING =
      """
      update collection_case k
         set status = case when (select c.hardship from customer c where c.id = k.customer_id)
                                then 'HARDSHIP'
                           when (select c.reminders_paused_until from customer c
                                  where c.id = k.customer_id) >= ?1 then 'PAUSED'
                           when exists (select 1 from arrangement a
                                         where a.live_customer_id = k.customer_id
                                           and a.status = 'ACTIVE') then 'ARRANGED'
                           when k.promise_due_on is not null then 'PROMISED'
                           when k.promise_broken_on is not null then 'PROMISE_BROKEN'
                           when k.arrangement_defaulted_on is not null then 'PLAN_DEFAULTED'
                           when not exists (select 1 from invoice i
                                             where i.customer_id = k.customer_id
                                               and i.state = 'ISSUED' and i.amount > i.allocated
                                               and i.due_date < ?1 and not i.disputed)
                                then 'DISPUTED'
                           else 'OPEN' end,
             next_action_on = case when k.needs_call then ?1
                                   when k.promise_due_on is not null then k.promise_due_on
                                   when exists (select 1 from arrangement a
                                                 where a.live_customer_id = k.customer_id
                                                   and a.status = 'ACTIVE')
                                        then (select min(n.due_on) from arrangement a
                                                join instalment n on n.arrangement_id = a.id
                                               where a.live_customer_id = k.customer_id
                                                 and a.status = 'ACTIVE' and n.due_on >= ?1)
                                   else coalesce((select c.reminders_paused_until + 1 from customer c
                                                   where c.id = k.customer_id
                                                     and c.reminders_paused_until >= ?1), ?1)
                              end,
             priority = case when exists (select 1 from arrangement a
                                           where a.live_customer_id = k.customer_id
                                             and a.status = 'ACTIVE') then 0 else
                        cast(floor(least(40, 8 * log10(1 + k.overdue_amount))) as integer)
                      + case when k.oldest_due_on is null then 0
                             when k.oldest_due_on < ?2 then 30
                             when k.oldest_due_on < ?3 then 24
                             when k.oldest_due_on < ?4 then 18
                             when k.oldest_due_on < ?5 then 12
                             when k.oldest_due_on < ?6 then 8
                             else 4 end
                      + case when k.promise_broken_on is not null
                               or k.arrangement_defaulted_on is not null then 20 else 0 end
                      + case when k.last_contact_at is null or k.last_contact_at < ?7 then 15
                             when k.last_contact_at < ?8 then 10
                             when k.last_contact_at < ?9 then 5
                             else 0 end
                      + case when k.bounced then 5 else 0 end
                      + case when k.needs_call then 5 else 0 end end
                      + case when k.customer_request_on is not null then 25 else 0 end
                      + case when k.reply_waiting_on is not null then 25 else 0 end
       where k.open_customer_id is not null
      """;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private ReminderPolicyService policies;
  @Inject private WebhookEvents webhooks;
  @Inject private CommunicationLog log;
  @Inject private Holidays holidays;
  @Inject private Clock clock;
  @Inject private Outbox outbox;
  @Inject private Event<ReviewStarting> reviewing;
  @Inject private PromisedInvoices promisedInvoices;

  /** Reviews every case as of {@code date}. */
  public Reviewed review(LocalDate date) {
    int kept = 0;
    int broken = 0;
    for (Object found :
        em.createNativeQuery(
                """
                select p.id, p.open_at_promise
                         - coalesce((select sum(i.amount - i.allocated)
                                       from promise_invoice c join invoice i on i.id = c.invoice_id
                                      where c.promise_id = p.id), 0)
                  from promise_to_pay p
                 where p.status = 'PENDING'
                 order by p.id
                """)
            .getResultList()) {
      Object[] row = (Object[]) found;
      PromiseToPay promise = em.find(PromiseToPay.class, ((Number) row[0]).longValue());
      BigDecimal paid = (BigDecimal) row[1];
      if (paid.compareTo(promise.getAmount().amount()) >= 0) {
        keep(promise, new Money(paid, promise.getAmount().currency()), date);
        kept++;
      } else if (date.isAfter(promise.waitsUntil())) {
        breakOff(promise, date);
        broken++;
      }
    }
    reviewing.fire(new ReviewStarting(date));
    em.flush();
    long collectors =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from app_user u join app_user_role r on r.user_id = u.id"
                            + " where r.role_name = 'collector' and u.active")
                    .getSingleResult())
            .longValue();
    int opened =
        em.createNativeQuery(OPEN)
            .setParameter(1, date)
            .setParameter(2, policies.defaultPolicy().getId())
            .setParameter(3, Math.max(1, collectors))
            .executeUpdate();
    int closed = em.createNativeQuery(CLOSE).setParameter(1, date).executeUpdate();
    refigure(date, "");
    int open =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from collection_case where open_customer_id is not null")
                    .getSingleResult())
            .intValue();
    return new Reviewed(opened, closed, kept, broken, open);
  }

  /**
   * Re-derives the open cases of these customers after a change that came from outside a case (the
   * ERP's word on disputes), as {@link #refresh} does for one case.
   */
  public void refreshCustomers(Collection<Long> customerIds) {
    if (customerIds.isEmpty()) {
      return;
    }
    em.flush();
    List<Long> ids = List.copyOf(customerIds);
    for (int from = 0; from < ids.size(); from += 1_000) {
      refigure(
          LocalDate.now(clock),
          " and k.open_customer_id in ("
              + idList(ids.subList(from, Math.min(ids.size(), from + 1_000)))
              + ")");
    }
  }

  /**
   * A collector reached the customer or recorded a new promise: a broken promise or defaulted
   * arrangement is followed up, and no longer ranks the case up.
   */
  void followedUp(CollectionCase forCase) {
    em.createNativeQuery(
            "update collection_case set promise_broken_on = null, arrangement_defaulted_on = null"
                + " where id = ?1")
        .setParameter(1, forCase.getId())
        .executeUpdate();
  }

  /**
   * The customer's arrangement defaulted on {@code date}: its open case shows it until followed up.
   */
  public void planDefaulted(long customerId, LocalDate date) {
    em.createNativeQuery(
            "update collection_case set arrangement_defaulted_on = ?1 where open_customer_id = ?2")
        .setParameter(1, date)
        .setParameter(2, customerId)
        .executeUpdate();
  }

  /** Re-derives one open case's figures, status and priority after an action on it. */
  public void refresh(CollectionCase forCase) {
    refresh(forCase, LocalDate.now(clock));
  }

  /** Re-derives one open case's figures, status and priority as of {@code date}. */
  public void refresh(CollectionCase forCase, LocalDate date) {
    em.flush();
    refigure(date, " and k.id = " + forCase.getId());
    em.refresh(forCase);
  }

  /**
   * The figures of the open cases {@code onlyCase} picks. Callers flush first: the statements do
   * not, as a flush compares every entity the transaction holds (a hundred thousand after an
   * import) however little is pending.
   */
  private void refigure(LocalDate date, String onlyCase) {
    em.createNativeQuery(FIGURES + onlyCase)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, date)
        .executeUpdate();
    Instant midnight = date.atStartOfDay().toInstant(ZoneOffset.UTC);
    em.createNativeQuery(STANDING + onlyCase)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, date)
        .setParameter(2, date.minusDays(90))
        .setParameter(3, date.minusDays(60))
        .setParameter(4, date.minusDays(30))
        .setParameter(5, date.minusDays(14))
        .setParameter(6, date.minusDays(7))
        .setParameter(
            7, OffsetDateTime.ofInstant(midnight.minusSeconds(30 * 86_400L), ZoneOffset.UTC))
        .setParameter(
            8, OffsetDateTime.ofInstant(midnight.minusSeconds(14 * 86_400L), ZoneOffset.UTC))
        .setParameter(
            9, OffsetDateTime.ofInstant(midnight.minusSeconds(7 * 86_400L), ZoneOffset.UTC))
        .executeUpdate();
  }

  /** Closes a kept promise, notes it, and thanks the customer once the window opens. */
  private void keep(PromiseToPay promise, Money paid, LocalDate date) {
    promise.decide(PromiseToPay.Status.KEPT, date);
    Customer customer = em.find(Customer.class, promise.getCustomerId());
    webhooks.publish(EventType.PROMISE_KEPT, decided(promise, customer));
    note(
        promise,
        "Promise kept: "
            + paid
            + " paid towards the "
            + promise.getAmount()
            + " promised for "
            + promise.getPromisedOn()
            + ". A thank-you is on its way.");
    outbox.queuePromiseThanks(
        promise.getId(),
        customer,
        promise.getAmount().currency().getCurrencyCode(),
        date,
        holidays.windowOf(customer, date).earliest(clock.instant()));
  }

  /** What a webhook tells of a promise just decided. */
  private static Payload decided(PromiseToPay promise, Customer customer) {
    return Payload.about(customer.getNumber())
        .number("promiseId", promise.getId())
        .money("amount", promise.getAmount())
        .date("promisedOn", promise.getPromisedOn())
        .date("decidedOn", promise.getDecidedOn());
  }

  /**
   * Money was taken back (a payment reversed, a credit note cancelled, {@code reversalId}): each
   * kept promise covering an invoice it had paid is decided again from what is paid now, and broken
   * on {@code date} if that falls short of the promise.
   *
   * @param cause what happened, for the log: "Payment … was reversed (chargeback) on …"
   */
  public void reconsiderKept(long customerId, long reversalId, LocalDate date, String cause) {
    em.flush();
    for (Object found :
        em.createNativeQuery(
                """
                select p.id from promise_to_pay p
                 where p.customer_id = ?1 and p.status = 'KEPT'
                   and exists (select 1 from promise_invoice c
                                join unwound_allocation u on u.invoice_id = c.invoice_id
                               where c.promise_id = p.id and u.reversal_id = ?2)
                   and p.open_at_promise
                         - coalesce((select sum(i.amount - i.allocated)
                                       from promise_invoice c join invoice i on i.id = c.invoice_id
                                      where c.promise_id = p.id), 0) < p.amount
                 order by p.id
                """)
            .setParameter(1, customerId)
            .setParameter(2, reversalId)
            .getResultList()) {
      PromiseToPay promise = em.find(PromiseToPay.class, ((Number) found).longValue());
      breakOff(
          promise,
          date,
          "Promise broken after all: "
              + cause
              + ", and with it what kept the "
              + promise.getAmount()
              + " promised for "
              + promise.getPromisedOn()
              + ". Reminders resume; a call is on the collector's list.");
    }
  }

  /**
   * Marks a promise broken: chasing its invoices resumes, the case shows it and ranks higher, and
   * its collector gets a call to make.
   */
  private void breakOff(PromiseToPay promise, LocalDate date) {
    breakOff(
        promise,
        date,
        "Promise broken: the "
            + promise.getAmount()
            + " promised for "
            + promise.getPromisedOn()
            + " had not arrived by "
            + promise.waitsUntil()
            + ". Reminders resume; a call is on the collector's list.");
  }

  private void breakOff(PromiseToPay promise, LocalDate date, String why) {
    promise.decide(PromiseToPay.Status.BROKEN, date);
    promisedInvoices.release(promise);
    webhooks.publish(
        EventType.PROMISE_BROKEN,
        decided(promise, em.find(Customer.class, promise.getCustomerId())));
    em.createNativeQuery("update collection_case set promise_broken_on = ?1 where id = ?2")
        .setParameter(1, date)
        .setParameter(2, promise.getCaseId())
        .executeUpdate();
    em.createNativeQuery(
            "insert into collector_task (customer_id, kind, due_on, title, created_at)"
                + " values (?1, 'CALL', ?2, ?3, ?4)")
        .setParameter(1, promise.getCustomerId())
        .setParameter(2, date)
        .setParameter(
            3,
            "Call about the promise of "
                + promise.getAmount().format(Locale.UK)
                + " for "
                + promise.getPromisedOn()
                + ", which was not kept")
        .setParameter(4, OffsetDateTime.now(clock))
        .executeUpdate();
    note(promise, why);
  }

  private void note(PromiseToPay promise, String detail) {
    log.append(Entry.note(promise.getCustomerId(), clock.instant(), ACTOR, detail));
  }
}
