package app.courtesy.analytics;

import app.courtesy.arrangement.ArrangementMessages;
import app.courtesy.invoice.LedgerAsOf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Makes the {@link CollectionsFigures.Figure#CASH_FORECAST cash-in forecast} of the daily run's
 * date and writes it per currency and week into {@code cash_forecast_week}, in the run's own
 * transaction, right after the receivables of the days before: the one writer of that table, and
 * the one place the rule is spelled ({@link CashForecasts} lists the items behind a week with the
 * same SQL).
 *
 * <p>The forecast made on date D looks at what was open at the end of the day before ({@link
 * LedgerAsOf#RECEIVABLES}, the aging report's read) and expects each open item:
 *
 * <ul>
 *   <li>covered by a pending promise to pay: on the promised date (the earliest, if two cover it);
 *   <li>an instalment of an invoice paid in instalments: on the instalment's due date;
 *   <li>any other: on its due date plus its customer's average days late in its currency, rounded
 *       half up to whole days; for a customer without history the average of every customer in the
 *       currency; none late when nobody paid in it yet;
 *   <li>covered by an active payment arrangement: not at all, the arrangement's unpaid instalments
 *       instead, each on its date (what was paid towards it settles them in date order, as {@link
 *       ArrangementMessages#paid} counts it).
 * </ul>
 *
 * <p>Days late are over the <em>paid</em> invoices: issued, without instalments, nothing open now,
 * and at least one payment applied; paid on the date of the latest payment applied to it, the one
 * that settled it in full; counted when that date is within the year before D. An invoice paid
 * early counts as negative days late. An item expected before D (its customer is later than usual)
 * falls into week 1; week {@value CashForecast#WEEKS} ends the day before D + 91; anything later is
 * week {@value #LATER}.
 *
 * <p>Cost: one {@code insert … select … group by} statement whatever the size of the book, made of
 * one pass over the open items (the aging read that {@link ReceivablesDays} also makes), two passes
 * over the payment allocations grouped by invoice for the history (for the customers' averages and
 * for the currency's), and the pending promises and active arrangements, which are few. The work
 * per open item is kept to lookups and adding whole days: each average is rounded once, per
 * customer or currency, and the items are summed per expected date before the week of each date is
 * reckoned. The date's rows are at most 14 per currency. A date written before is left as it was.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class CashForecastWeeks {

  /** The week number of everything expected after the {@value CashForecast#WEEKS} weeks. */
  public static final int LATER = CashForecast.WEEKS + 1;

  /** How far back the payment history reaches, in days. */
  static final int HISTORY_DAYS = 365;

  /**
   * Each customer's days late per currency over the invoices they paid: columns {@code customer_id,
   * currency, days_late} (the sum), {@code paid} (how many). Parameters as {@link #ITEMS}.
   */
  private static final String HISTORY =
      """
      select i.customer_id, i.currency, sum(%s) as days_late, count(*) as paid
        from invoice i
        join (select pa.invoice_id, max(p.payment_date) as paid_on
                from payment_allocation pa join payment p on p.id = pa.payment_id
               group by pa.invoice_id) s on s.invoice_id = i.id
       where i.state = 'ISSUED' and not i.scheduled and i.allocated = i.amount
         and s.paid_on >= cast(?3 as date) and s.paid_on <= cast(?1 as date)
       group by i.customer_id, i.currency
      """
          .formatted(days("i.due_date", "s.paid_on"));

  /** The average days late of a {@link #HISTORY}-shaped row {@code h}, rounded half up. */
  private static final String AVERAGE_DAYS =
      "cast(round(cast(%1$s.days_late as numeric(19,4)) / %1$s.paid, 0) as integer)";

  /**
   * The forecast's items, one row each: columns {@code currency, customer_id, invoice_id} (null for
   * an arrangement's instalment), {@code instalment_no, case_id} (an arrangement's case, else
   * null), {@code basis} ({@code DUE}, {@code PROMISED}, {@code INSTALMENT}, {@code ARRANGED}),
   * {@code amount, expected_on}. Parameters: {@code ?1} the day the ledger is read as of (the day
   * before the forecast), {@code ?2} the forecast's date, {@code ?3} the first payment date of the
   * history.
   */
  static final String ITEMS =
      """
      select o.currency, o.customer_id, o.invoice_id, o.instalment_no,
             cast(null as bigint) as case_id, o.open_amount as amount,
             case when pr.promised_on is not null then 'PROMISED'
                  when o.instalment_no > 0 then 'INSTALMENT'
                  else 'DUE' end as basis,
             case when pr.promised_on is not null then pr.promised_on
                  when o.instalment_no > 0 then o.due_date
                  else o.due_date + coalesce(d.average_days, b.average_days, 0) end as expected_on
        from (%1$s) o
        left join (select h.customer_id, h.currency, %4$s as average_days
                     from (%2$s) h) d on d.customer_id = o.customer_id and d.currency = o.currency
        left join (select t.currency, %5$s as average_days
                     from (select h.currency, sum(h.days_late) as days_late, sum(h.paid) as paid
                             from (%2$s) h group by h.currency) t) b on b.currency = o.currency
        left join (select pi.invoice_id, min(p.promised_on) as promised_on
                     from promise_invoice pi join promise_to_pay p on p.id = pi.promise_id
                    where p.status = 'PENDING'
                    group by pi.invoice_id) pr on pr.invoice_id = o.invoice_id
       where o.open_amount > 0
         and not exists (select 1 from arrangement_invoice x
                           join arrangement a on a.id = x.arrangement_id
                          where x.invoice_id = o.invoice_id and a.status = 'ACTIVE')
      union all
      select t.currency, t.customer_id, cast(null as bigint), t.number, t.case_id,
             least(t.amount, t.through - t.paid), 'ARRANGED', t.due_on
        from (select a.currency, a.customer_id, a.case_id, n.number, n.amount, n.due_on,
                     (select sum(m.amount) from instalment m
                       where m.arrangement_id = a.id and m.number <= n.number) as through,
                     %3$s as paid
                from arrangement a join instalment n on n.arrangement_id = a.id
               where a.status = 'ACTIVE') t
       where t.through > t.paid
      """
          .formatted(
              LedgerAsOf.RECEIVABLES,
              HISTORY,
              ArrangementMessages.PAID,
              AVERAGE_DAYS.formatted("h"),
              AVERAGE_DAYS.formatted("t"));

  /** The week (1 to {@value #LATER}) an item {@code f} of {@link #ITEMS} is expected in. */
  static final String WEEK =
      "cast(least(%d, greatest(1, floor(%s / 7.0) + 1)) as integer)"
          .formatted(LATER, days("cast(?2 as date)", "f.expected_on"));

  private static final String WRITE =
      """
      insert into cash_forecast_week (made_on, currency, week, amount, items, written_at)
      select ?2, x.currency, x.week, sum(x.amount), sum(x.items), ?4
        from (select f.currency, f.amount, f.items, %s as week
                from (select e.currency, e.expected_on, sum(e.amount) as amount, count(*) as items
                        from (%s) e group by e.currency, e.expected_on) f) x
       where not exists (select 1 from cash_forecast_week w where w.made_on = ?2)
       group by x.currency, x.week
      """
          .formatted(WEEK, ITEMS);

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /**
   * Writes the forecast that would have been made on {@code date}, in a transaction of its own: a
   * book's past where no daily run made it, such as the demo book's forecast of 13 weeks ago, whose
   * accuracy the dashboard then shows.
   */
  @Transactional(TxType.REQUIRED)
  public int past(LocalDate date) {
    return write(date);
  }

  /**
   * Writes the forecast made on {@code date} unless one was; returns how many rows it wrote (one
   * per currency and week with something expected).
   */
  public int write(LocalDate date) {
    return em.createNativeQuery(WRITE)
        .setParameter(1, Date.valueOf(date.minusDays(1)))
        .setParameter(2, Date.valueOf(date))
        .setParameter(3, Date.valueOf(date.minusDays(HISTORY_DAYS)))
        .setParameter(4, OffsetDateTime.now(clock))
        .executeUpdate();
  }

  /** Whole days from date {@code from} to date {@code to}, in SQL both databases speak. */
  private static String days(String from, String to) {
    return "cast((extract(epoch from %s) - extract(epoch from %s)) / 86400 as integer)"
        .formatted(to, from);
  }
}
