package app.courtesy.dunning;

import app.courtesy.database.DatabaseSchema;
import app.courtesy.outbox.MessageKind;
import app.courtesy.outbox.Outbox;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans one business date's reminders for the whole book in a handful of set-based statements: the
 * invoices due for a step (with the reason when one is held back), then one message per customer
 * and currency listing its invoices (with the reason when the customer is not reminded), then each
 * listed invoice's new place in its policy; then the thank-yous, and the notes before the
 * instalments of active arrangements, whose invoices the steps hold back. What is due is "due on or
 * before the date and not yet reminded for that step", so a date that was never run is caught up by
 * the next one. An invoice paid in instalments is planned instalment by instalment, each with its
 * own due date, open amount and place in the policy; an invoice may follow a policy of its own, and
 * one whose chasing a collector stopped is held back until the day after its end date.
 *
 * <p>The invoices due are found once, into a temporary table the rest reads: only what must last is
 * written to the database's own tables, and each of those once (a message with its invoices, an
 * invoice's new place, an invoice held back with its reason).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class DunningPlanner {

  /** What a plan wrote for its date. */
  public record Planned(int messages, int suppressed, int invoices, int heldBack) {}

  // Gone at the end of the transaction; "if not exists" because a preview plans several dates in
  // one. H2 needs to be told not to commit for it. PostgreSQL creates it from the first date's
  // query instead (see plan).
  private static final String DUE_TABLE =
      """
      create local temporary table if not exists dunning_due (
          business_date date not null, invoice_id bigint not null, customer_id bigint not null,
          instalment_no integer not null, currency varchar(3) not null, policy_id bigint not null,
          step_position integer not null, open_amount numeric(19,4) not null, reason varchar(20))
          on commit drop
      """;

  // The derived table ends in "offset 0 rows" so the database computes it first and joins the few
  // step bounds to it last, instead of guessing a plan around the small tables. Invoices without a
  // schedule are read as before, each one item (instalment 0); those with one by their instalments,
  // each with its own due date, open amount and place in the policy: the few scheduled invoices are
  // found from their instalments, so the book's invoices pay nothing for them. An invoice follows
  // its own policy where it has one, else its customer's, else the default.
  private static final String DUE =
      """
      select b.business_date, x.id as invoice_id, x.instalment_no, x.customer_id, x.currency,
             b.policy_id, b.position as step_position, x.open_amount,
             case when x.disputed then 'DISPUTED'
                  when x.chasing_stopped_reason is not null
                   and (x.chasing_stopped_until is null
                        or x.chasing_stopped_until >= b.business_date) then 'STOPPED'
                  when x.promised_until >= b.business_date then 'PROMISE'
                  when x.arranged then 'ARRANGEMENT'
                  when x.reported_paid_until >= b.business_date then 'REPORTED_PAID' end as reason
        from (select i.id, 0 as instalment_no, i.customer_id, i.currency, i.due_date,
                     i.amount - i.allocated as open_amount,
                     i.disputed, i.promised_until, i.arranged, i.reported_paid_until,
                     i.chasing_stopped_reason, i.chasing_stopped_until,
                     coalesce(i.reminder_policy_id, c.reminder_policy_id, ?2) as policy_id,
                     coalesce(r.step_position, -1) as reached, r.reminded_on
                from invoice i
                join customer c on c.id = i.customer_id
                left join invoice_reminder r on r.invoice_id = i.id and r.instalment_no = 0
               where i.state = 'ISSUED' and i.amount > i.allocated and i.due_date <= ?3
                 and not i.scheduled %1$s
              union all
              select i.id, n.number, i.customer_id, i.currency, n.due_date,
                     least(n.amount, n.amount_through - i.allocated),
                     i.disputed, i.promised_until, i.arranged, i.reported_paid_until,
                     i.chasing_stopped_reason, i.chasing_stopped_until,
                     coalesce(i.reminder_policy_id, c.reminder_policy_id, ?2),
                     coalesce(r.step_position, -1), r.reminded_on
                from invoice_instalment n
                join invoice i on i.id = n.invoice_id
                join customer c on c.id = i.customer_id
                left join invoice_reminder r on r.invoice_id = n.invoice_id
                                            and r.instalment_no = n.number
               where i.state = 'ISSUED' and n.amount_through > i.allocated and n.due_date <= ?3
                 %1$s
              offset 0 rows) x
        join dunning_step b on b.business_date = ?1 and b.policy_id = x.policy_id
                           and x.reached between b.reached_from and b.reached_to
                           and x.due_date <= b.due_to
                           and (b.due_after is null or x.due_date > b.due_after)
                           and (b.reminded_to is null or x.reminded_on <= b.reminded_to)
      """;

  private static final String INSERT_DUE =
      """
      insert into dunning_due (business_date, invoice_id, instalment_no, customer_id, currency,
                               policy_id, step_position, open_amount, reason)
      """;

  private static final String HELD_BACK =
      """
      insert into outbox_item (business_date, invoice_id, instalment_no, customer_id, currency,
                               policy_id, step_position, open_amount, reason)
      select business_date, invoice_id, instalment_no, customer_id, currency, policy_id,
             step_position, open_amount, reason
        from dunning_due
       where business_date = ?1 and reason is not null
      """;

  // The message takes the step of its most advanced invoice, and that invoice's policy (where an
  // invoice follows a policy of its own; at the same step, the policy named later): both are read
  // from one maximum of step and policy packed into a number, which costs the run no second pass.
  // Which instalment of each invoice it lists is a second array beside the invoices': both are
  // built from the same rows in the same pass, so their elements correspond (ordering them inside
  // the aggregates would sort every customer's rows again: half a second more at a million).
  // The checks run in the order a collector would ask them. Who can be reached on which channel,
  // and who was written to within the frequency cap, are each worked out once for everyone rather
  // than asked customer by customer. The step's channel and tone and the window's opening are left
  // joins, so the database's estimate of how many messages there are survives to the joins that
  // follow (looked up per message instead, as subqueries, they took a quarter of the statement).
  private static final String MESSAGES =
      """
      select customer_id, currency, business_date, policy_id, step_position, channel, tone,
             invoice_count, total, invoice_ids, invoice_instalments,
             case when reason is null then 'QUEUED' else 'SUPPRESSED' end as status, reason,
             opens_at as scheduled_at, %s as dedup_key, cast(null as bigint) as arrangement_id,
             0 as instalment_no
        from (select g.customer_id, g.currency, g.business_date, g.policy_id, g.step_position,
                     g.channel, g.tone, g.invoice_count, g.total, g.invoice_ids,
                     g.invoice_instalments, w.opens_at,
                     case when ?2 = 1 then 'ORG_PAUSE'
                          when c.reminders_paused_until >= ?1 then 'PAUSED'
                          when ?4 = 1 and exists (select 1 from inbound_reply r
                                                   where r.customer_id = g.customer_id
                                                     and r.state = 'TO_ANSWER')
                               then 'REPLY_WAITING'
                          when c.hardship then 'HARDSHIP'
                          when g.total < coalesce(m.amount, 0) then 'BELOW_MINIMUM'
                          when g.total < coalesce(sm.amount, 0) then 'BELOW_STEP_MINIMUM'
                          when g.channel = 'EMAIL' and coalesce(k.email, 0) = 0 then 'NO_ADDRESS'
                          when g.channel = 'SMS' and coalesce(k.sms, 0) = 0 then 'NO_ADDRESS'
                          when g.channel = 'EMAIL' and k.email = 1 then 'OPTED_OUT'
                          when g.channel = 'SMS' and k.sms = 1 then 'OPTED_OUT'
                          when f.latest > cast(?1 as date) - p.cap_days then 'FREQUENCY_CAP'
                     end as reason
                from (select d.*, s.channel, s.tone
                        from (select customer_id, currency, business_date,
                                     cast(mod(m, 10000000000) as bigint) as policy_id,
                                     cast((m - mod(m, 10000000000)) / 10000000000 as integer)
                                         as step_position,
                                     invoice_count, total, invoice_ids, invoice_instalments
                                from (select customer_id, currency, business_date,
                                             max(cast(step_position as bigint) * 10000000000
                                                 + policy_id) as m,
                                             count(*) as invoice_count, sum(open_amount) as total,
                                             array_agg(invoice_id) as invoice_ids,
                                             array_agg(instalment_no) as invoice_instalments
                                        from dunning_due
                                       where business_date = ?1 and reason is null
                                       group by customer_id, currency, business_date) a) d
                        left join reminder_step s on s.policy_id = d.policy_id
                                                 and s.position = d.step_position
                      offset 0 rows) g
                join reminder_policy p on p.id = g.policy_id
                join customer c on c.id = g.customer_id
                left join dunning_window w on w.business_date = g.business_date
                                          and w.time_zone = c.time_zone and w.country = c.country
                left join reminder_minimum m on m.policy_id = g.policy_id
                                            and m.currency = g.currency
                left join reminder_step_minimum sm on sm.policy_id = g.policy_id
                                                  and sm.position = g.step_position
                                                  and sm.currency = g.currency
                left join (select customer_id,
                                  max(case when email is null or email_bounced_at is not null then 0
                                           when email_opt_out then 1 else 2 end) as email,
                                  max(case when mobile is null then 0
                                           when sms_opt_out then 1 else 2 end) as sms
                             from contact %s
                            group by customer_id) k on k.customer_id = g.customer_id
                left join (select customer_id, channel, max(business_date) as latest
                             from outbox_message
                            where kind = 'REMINDER'
                              and status in ('QUEUED', 'SENDING', 'SENT', 'UNCONFIRMED')
                              and business_date < ?1 and business_date > ?3 %s
                            group by customer_id, channel) f on f.customer_id = g.customer_id
                                                            and f.channel = g.channel) x
      """
          .formatted(
              Outbox.keySql(MessageKind.REMINDER, "customer_id", "currency", "business_date"),
              "%s",
              "%s");

  // Listed invoices move on to their step, except those of a message that was suppressed.
  private static final String ADVANCE =
      """
      merge into invoice_reminder r
      using (select d.invoice_id, d.instalment_no, d.step_position
               from dunning_due d
              where d.business_date = ?1 and d.reason is null
                and not exists (select 1 from outbox_message m
                                 where m.customer_id = d.customer_id and m.currency = d.currency
                                   and m.business_date = d.business_date
                                   and m.kind = 'REMINDER' and m.status <> 'QUEUED')
              order by d.invoice_id, d.instalment_no) q
         on r.invoice_id = q.invoice_id and r.instalment_no = q.instalment_no
       when matched then update set step_position = q.step_position, reminded_on = ?1
       when not matched then insert (invoice_id, instalment_no, step_position, reminded_on)
                             values (q.invoice_id, q.instalment_no, q.step_position, ?1)
      """;

  // Thanks follow money only: a customer is thanked when a reminder sent to them in the currency
  // within the last 60 days is settled by what they paid or were credited, and it was late: each
  // invoice it listed is still issued and settled, none by upholding a dispute (so nothing
  // cancelled or written off), at least one by money dated after its due date, and nothing else in
  // the currency is overdue now. The latest such reminder counts (the key names it), and not when a
  // thank-you went out since it, a kept promise's included; where the policy says so.
  private static final String THANKS =
      """
      select r.customer_id, r.currency, cast(?1 as date) as business_date, r.policy_id,
             cast(null as integer) as step_position, 'EMAIL' as channel, 'FRIENDLY' as tone,
             0 as invoice_count, 0 as total, cast(null as bigint array) as invoice_ids,
             cast(null as integer array) as invoice_instalments, 'QUEUED' as status, cast(null as varchar(20)) as reason, w.opens_at as scheduled_at,
             %s as dedup_key, cast(null as bigint) as arrangement_id, 0 as instalment_no
        from (select m.id, m.customer_id, m.currency, m.business_date, m.policy_id,
                     row_number() over (partition by m.customer_id, m.currency
                                        order by m.business_date desc, m.id desc) as latest
                from outbox_message m
               where m.kind = 'REMINDER' and m.status = 'SENT'
                 and m.business_date > cast(?1 as date) - 60 %s
                 and not exists (select 1 from invoice i
                                  where i.id = any(m.invoice_ids)
                                    and (i.state <> 'ISSUED' or i.amount > i.allocated
                                         or exists (select 1 from dispute d
                                                     where d.invoice_id = i.id
                                                       and d.resolution = 'UPHELD')))
                 and (exists (select 1 from invoice i
                                join payment_allocation a on a.invoice_id = i.id
                                join payment p on p.id = a.payment_id
                               where i.id = any(m.invoice_ids) and p.payment_date > i.due_date)
                      or exists (select 1 from invoice i
                                   join credit_allocation a on a.invoice_id = i.id
                                   join credit_note n on n.id = a.credit_note_id
                                  where i.id = any(m.invoice_ids)
                                    and n.issue_date > i.due_date))) r
        join reminder_policy p on p.id = r.policy_id and p.thank_you
        join customer c on c.id = r.customer_id
        join dunning_window w on w.business_date = ?1
                             and w.time_zone = c.time_zone and w.country = c.country
       where r.latest = 1
         and not exists (select 1 from outbox_message t
                          where t.kind = 'THANK_YOU' and t.customer_id = r.customer_id
                            and t.currency = r.currency and t.business_date >= r.business_date)
         and not exists (select 1 from invoice i
                          where i.customer_id = r.customer_id and i.currency = r.currency
                            and i.state = 'ISSUED' and i.amount > i.allocated and i.due_date < ?1
                            and not i.disputed)
      """
          .formatted(Outbox.keySql(MessageKind.THANK_YOU, "'reminder'", "r.id"), "%s");

  // A friendly note before each unpaid instalment of an active arrangement (an extension's new
  // date, a discount's pay-by date), once, from the settings' days before it up to its date, so a
  // date that was never run is caught up. An instalment is unpaid while what was paid towards the
  // arrangement falls short of it and the instalments before it. Held back like reminders for a
  // pause or hardship.
  private static final String INSTALMENTS =
      """
      select customer_id, currency, cast(?1 as date) as business_date, policy_id,
             cast(null as integer) as step_position, 'EMAIL' as channel, 'FRIENDLY' as tone,
             1 as invoice_count, amount as total, cast(null as bigint array) as invoice_ids,
             cast(null as integer array) as invoice_instalments,
             case when reason is null then 'QUEUED' else 'SUPPRESSED' end as status, reason,
             opens_at as scheduled_at, %s as dedup_key, arrangement_id, number as instalment_no
        from (select a.customer_id, a.currency, coalesce(c.reminder_policy_id, ?3) as policy_id,
                     n.amount, a.id as arrangement_id, n.number, w.opens_at,
                     case when ?2 = 1 then 'ORG_PAUSE'
                          when c.reminders_paused_until >= ?1 then 'PAUSED'
                          when ?4 = 1 and exists (select 1 from inbound_reply r
                                                   where r.customer_id = a.customer_id
                                                     and r.state = 'TO_ANSWER')
                               then 'REPLY_WAITING'
                          when c.hardship then 'HARDSHIP' end as reason
                from arrangement a
                join arrangement_settings s on s.id = 1
                join instalment n on n.arrangement_id = a.id
                join customer c on c.id = a.customer_id
                join dunning_window w on w.business_date = ?1
                                     and w.time_zone = c.time_zone and w.country = c.country
               where a.status = 'ACTIVE' and n.due_on >= ?1
                 and n.due_on <= cast(?1 as date) + s.reminder_days_before %s
                 and (select sum(p.amount) from instalment p
                       where p.arrangement_id = a.id and p.number <= n.number)
                     > a.covered - (select coalesce(sum(i.amount - i.allocated), 0)
                                      from arrangement_invoice x
                                      join invoice i on i.id = x.invoice_id
                                     where x.arrangement_id = a.id and i.state = 'ISSUED')
                 and not exists (select 1 from outbox_message m
                                  where m.arrangement_id = a.id and m.kind = 'INSTALMENT'
                                    and m.instalment_no = n.number)) x
      """
          .formatted(Outbox.keySql(MessageKind.INSTALMENT, "arrangement_id", "number"), "%s");

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private ReminderPolicyService policies;
  @Inject private Holidays holidays;
  @Inject private DatabaseSchema schema;
  @Inject private Outbox outbox;

  /**
   * Writes {@code date}'s plan: outbox messages (queued or suppressed with a reason), the invoices
   * each lists or holds back, and where each listed invoice now stands in its policy.
   *
   * @param settings whether reminders are paused for everyone on the date ({@link
   *     Suppression#ORG_PAUSE}), and whether a customer's reply waiting for an answer holds theirs
   *     ({@link Suppression#REPLY_WAITING})
   */
  public Planned plan(LocalDate date, ReminderSettings settings) {
    return plan(date, settings, null, () -> {});
  }

  /**
   * {@link #plan(LocalDate, ReminderSettings)}, calling {@code dueFound} once the invoices due are
   * found, before the messages are written: from there on the plan's statements each run on one
   * core, and what the caller starts then has the other.
   */
  public Planned plan(LocalDate date, ReminderSettings settings, Runnable dueFound) {
    return plan(date, settings, null, dueFound);
  }

  /**
   * Writes one customer's part of {@code date}'s plan, as {@link #plan(LocalDate,
   * ReminderSettings)} would write it: what a preview of that customer alone needs, without
   * planning the whole book.
   */
  public Planned planCustomer(LocalDate date, ReminderSettings settings, long customerId) {
    return plan(date, settings, customerId, () -> {});
  }

  private Planned plan(
      LocalDate date, ReminderSettings settings, Long customerId, Runnable dueFound) {
    int everyonePaused = settings.isPausedOn(date) ? 1 : 0;
    int pauseOnReply = settings.isPauseOnReply() ? 1 : 0;
    String only = customerId == null ? "" : " and customer_id = " + customerId;
    LocalDate latestDue = writeStepBounds(date);
    writeWindows(date);
    String due = DUE.formatted(only.replace("customer_id", "i.customer_id"));
    if (schema.isPostgreSql()) {
      // Compiling these few statements to machine code would cost more than it saves; sorting
      // a million invoices takes memory rather than temporary files.
      em.createNativeQuery("set local jit = off").executeUpdate();
      em.createNativeQuery("set local work_mem = '256MB'").executeUpdate();
      boolean first =
          em.createNativeQuery("select to_regclass('pg_temp.dunning_due') is null")
              .getSingleResult()
              .equals(Boolean.TRUE);
      if (first) {
        // Creating the table from the query lets the database read the book with parallel
        // workers (an INSERT … SELECT cannot); the rows they hand over are few columns each, so
        // handing them over is priced as free, which it nearly is next to reading the invoices.
        em.createNativeQuery("set local parallel_setup_cost = 0").executeUpdate();
        em.createNativeQuery("set local parallel_tuple_cost = 0").executeUpdate();
        due = "create local temporary table dunning_due on commit drop as " + due;
      } else {
        due = INSERT_DUE + due;
      }
    } else {
      em.createNativeQuery(DUE_TABLE + " transactional").executeUpdate();
      due = INSERT_DUE + due;
    }
    em.createNativeQuery(due)
        .setParameter(1, date)
        .setParameter(2, policies.defaultPolicy().getId())
        .setParameter(3, latestDue)
        .executeUpdate();
    if (schema.isPostgreSql()) {
      em.createNativeQuery("set local parallel_setup_cost to default").executeUpdate();
      em.createNativeQuery("set local parallel_tuple_cost to default").executeUpdate();
      // The planner's estimates for the statements below come from the table's statistics; a
      // sample of 3,000 rows tells them as well as the default 30,000, in a sixth of the time.
      em.createNativeQuery("set local default_statistics_target = 10").executeUpdate();
      em.createNativeQuery("analyze dunning_due").executeUpdate();
      em.createNativeQuery("set local default_statistics_target to default").executeUpdate();
    }
    dueFound.run();
    int heldBack = em.createNativeQuery(HELD_BACK).setParameter(1, date).executeUpdate();
    outbox.queueAll(
        MessageKind.REMINDER,
        MESSAGES.formatted(only.replaceFirst(" and", "where"), only),
        date,
        everyonePaused,
        date.minusDays(longestCap()),
        pauseOnReply);
    int invoices = em.createNativeQuery(ADVANCE).setParameter(1, date).executeUpdate();
    outbox.queueAll(
        MessageKind.THANK_YOU,
        THANKS.formatted(only.replace("customer_id", "m.customer_id")),
        date);
    outbox.queueAll(
        MessageKind.INSTALMENT,
        INSTALMENTS.formatted(only.replace("customer_id", "a.customer_id")),
        date,
        everyonePaused,
        policies.defaultPolicy().getId(),
        pauseOnReply);
    Map<String, Long> messages =
        ((List<?>)
                em.createNativeQuery(
                        "select status, count(*) from outbox_message where business_date = ?1"
                            + " group by status")
                    .setParameter(1, date)
                    .getResultList())
            .stream()
                .map(Object[].class::cast)
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    return new Planned(
        messages.getOrDefault("QUEUED", 0L).intValue(),
        messages.getOrDefault("SUPPRESSED", 0L).intValue(),
        invoices,
        heldBack);
  }

  /**
   * Open invoices overdue on {@code date} that nobody has reminded in the last 31 days and that
   * nothing holds back: money that is late while the reminders are quiet.
   */
  public int unremindedOverdue(LocalDate date) {
    return ((Number)
            em.createNativeQuery(
                    """
                    select count(*) from invoice i
                     where i.state = 'ISSUED' and i.amount > i.allocated and i.due_date < ?1
                       and not i.disputed and not i.arranged
                       and (i.promised_until is null or i.promised_until < ?1)
                       and (i.reported_paid_until is null or i.reported_paid_until < ?1)
                       and (i.chasing_stopped_reason is null or i.chasing_stopped_until < ?1)
                       and not exists (select 1 from invoice_reminder r
                                        where r.invoice_id = i.id
                                          and r.reminded_on >= cast(?1 as date) - 31)
                    """)
                .setParameter(1, date)
                .getSingleResult())
        .intValue();
  }

  /** The most days any policy's frequency cap looks back. */
  private int longestCap() {
    return policies.all().stream().mapToInt(p -> p.toData().capDays()).max().orElse(0);
  }

  /** Writes the bounds of every policy's steps; returns the latest due date any step reaches. */
  private LocalDate writeStepBounds(LocalDate date) {
    LocalDate latestDue = date;
    for (ReminderPolicy policy : policies.all()) {
      for (StepBound bound : StepBound.of(policy.toData(), date)) {
        em.createNativeQuery(
                "insert into dunning_step (business_date, policy_id, position, reached_from,"
                    + " reached_to, due_after, due_to, reminded_to)"
                    + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as date), ?7, cast(?8 as date))")
            .setParameter(1, date)
            .setParameter(2, policy.getId())
            .setParameter(3, bound.position())
            .setParameter(4, bound.reachedFrom())
            .setParameter(5, bound.reachedTo())
            .setParameter(6, bound.dueAfter())
            .setParameter(7, bound.dueTo())
            .setParameter(8, bound.remindedTo())
            .executeUpdate();
        if (bound.dueTo().isAfter(latestDue)) {
          latestDue = bound.dueTo();
        }
      }
    }
    return latestDue;
  }

  /** Writes when the send window opens for every zone and country customers live in. */
  private void writeWindows(LocalDate date) {
    List<?> places =
        em.createNativeQuery("select distinct time_zone, country from customer").getResultList();
    Map<String, Set<LocalDate>> holidays = this.holidays.byCountry(date);
    for (Object place : places) {
      Object[] row = (Object[]) place;
      String zone = (String) row[0];
      String country = (String) row[1];
      SendWindow window = new SendWindow(ZoneId.of(zone), holidays.getOrDefault(country, Set.of()));
      em.createNativeQuery(
              "insert into dunning_window (business_date, time_zone, country, opens_at)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, date)
          .setParameter(2, zone)
          .setParameter(3, country)
          .setParameter(4, OffsetDateTime.ofInstant(window.opening(date), ZoneOffset.UTC))
          .executeUpdate();
    }
  }
}
