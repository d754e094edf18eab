package app.courtesy.analytics;

import app.courtesy.invoice.DaysSalesOutstanding;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.shared.SqlValues;
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
 * Writes the receivables of each business date per currency in {@code receivables_day}, and what
 * was paid on each collection case that day in {@code case_collected_day}, in the dunning run's own
 * transaction, right after it planned and charged its date: the one writer of those tables.
 *
 * <p>The run of a date D runs in the morning of D, so it writes the days before D, which are over:
 * every day since the last one written, at most {@value #CATCH_UP_DAYS} days back (a weekend or a
 * holiday without a run is caught up; a longer outage leaves a gap, which trends step over). A day
 * is one {@code insert … select … group by} statement whatever the size of the book: the open items
 * as {@link LedgerAsOf#RECEIVABLES} tells them at the end of the day (the same read the aging
 * report makes once per view), summed per currency and due date before they are sorted into the
 * aging's buckets (so the work per item is one sum), plus the invoices issued and the payments
 * dated that day. So a run adds one aging-sized read (three after a weekend). A day written before
 * is left as it was: the statement writes nothing when the day has rows, and the key {@code
 * (business_date, currency)} stops a second writer.
 *
 * <p>What was paid on each case ({@link CollectorFigures}' amount collected) is the payments dated
 * that day, allocated to invoices of a customer whose case was open on the day (opened on or before
 * it, closed on or after it), per case and currency, with the collector the case was assigned to
 * then: one more statement per day, which reads only that day's payments ({@code payment_date_ix}).
 * Payments entered after their day was written, and reversals after it, are not in it.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ReceivablesDays {

  /** How far back a run catches up days not written. */
  public static final int CATCH_UP_DAYS = 7;

  private static final String WRITE =
      """
      insert into receivables_day (business_date, currency, open_amount, overdue_amount,
                                   overdue_1_30, overdue_31_60, overdue_61_90, overdue_over_90,
                                   open_items, overdue_items, cash_received,
                                   written_at)
      select ?1, x.currency, sum(x.open_amount), sum(x.overdue_amount),
             sum(x.overdue_1_30), sum(x.overdue_31_60), sum(x.overdue_61_90), sum(x.overdue_over_90),
             sum(x.open_items), sum(x.overdue_items), sum(x.cash_received), ?5
        from (select o.currency,
                     cast(o.open_amount as numeric(19,4)) as open_amount,
                     cast(case when o.due_date < ?1 then o.open_amount else 0 end
                          as numeric(19,4)) as overdue_amount,
                     cast(case when o.due_date < ?1 and o.due_date >= ?2 then o.open_amount else 0 end
                          as numeric(19,4)) as overdue_1_30,
                     cast(case when o.due_date < ?2 and o.due_date >= ?3 then o.open_amount else 0 end
                          as numeric(19,4)) as overdue_31_60,
                     cast(case when o.due_date < ?3 and o.due_date >= ?4 then o.open_amount else 0 end
                          as numeric(19,4)) as overdue_61_90,
                     cast(case when o.due_date < ?4 then o.open_amount else 0 end
                          as numeric(19,4)) as overdue_over_90,
                     o.items as open_items,
                     case when o.due_date < ?1 then o.items else 0 end as overdue_items,
                     cast(0 as numeric(19,4)) as cash_received
                from (select r.currency, r.due_date, sum(r.open_amount) as open_amount,
                             count(*) as items
                        from (%s) r
                       where r.open_amount > 0
                       group by r.currency, r.due_date) o
              union all
              select p.currency, 0, 0, 0, 0, 0, 0, 0, 0, p.amount
                from payment p
               where p.payment_date = ?1) x
       where not exists (select 1 from receivables_day d where d.business_date = ?1)
       group by x.currency
      """
          .formatted(LedgerAsOf.RECEIVABLES);

  private static final String COLLECTED =
      """
      insert into case_collected_day (business_date, case_id, collector_id, currency, amount)
      select ?1, k.id, k.assignee_id, a.currency, sum(a.amount)
        from payment p
        join payment_allocation a on a.payment_id = p.id
        join invoice i on i.id = a.invoice_id
        join collection_case k on k.customer_id = i.customer_id and k.opened_on <= ?1
                              and (k.closed_on is null or k.closed_on >= ?1)
       where p.payment_date = ?1
         and not exists (select 1 from case_collected_day d where d.business_date = ?1)
       group by k.id, k.assignee_id, a.currency
      """;

  /** The credit sales of the days from ?1 up to ?2 (excluded) that have none written. */
  private static final String SALES =
      """
      insert into credit_sales_day (business_date, currency, amount)
      select i.issue_date, i.currency, sum(i.amount)
        from invoice i
       where i.state <> 'CANCELLED' and i.issue_date >= ?1 and i.issue_date < ?2
         and not exists (select 1 from credit_sales_day d where d.business_date = i.issue_date)
       group by i.issue_date, i.currency
      """;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /**
   * Writes the days before {@code runDate} not written yet, at most {@value #CATCH_UP_DAYS} back
   * (credit sales: a year back, {@link DaysSalesOutstanding#HORIZON_DAYS}, when none were written);
   * returns how many receivables rows it wrote (one per day and currency).
   */
  public int catchUp(LocalDate runDate) {
    return write(
        first("credit_sales_day", runDate, DaysSalesOutstanding.HORIZON_DAYS),
        first("receivables_day", runDate, CATCH_UP_DAYS),
        runDate);
  }

  /**
   * Writes every day from {@code from} up to {@code to} (excluded) not written yet, with the credit
   * sales a year before them that DSO counts back over, in a transaction of its own: a book's past,
   * such as the demo book's year, where no daily run wrote it. Each day as a run writes it (an
   * aging-sized read, and the day's payments on cases): minutes on a book of a million.
   */
  @Transactional(TxType.REQUIRED)
  public int history(LocalDate from, LocalDate to) {
    return write(from.minusDays(DaysSalesOutstanding.HORIZON_DAYS), from, to);
  }

  private int write(LocalDate salesFrom, LocalDate daysFrom, LocalDate to) {
    em.createNativeQuery(SALES)
        .setParameter(1, Date.valueOf(salesFrom))
        .setParameter(2, Date.valueOf(to))
        .executeUpdate();
    int rows = 0;
    for (LocalDate day = daysFrom; day.isBefore(to); day = day.plusDays(1)) {
      rows += write(day);
    }
    return rows;
  }

  /** The day after the last one {@code table} has before {@code runDate}, at most so far back. */
  private LocalDate first(String table, LocalDate runDate, int noneWritten) {
    Object last =
        em.createNativeQuery(
                "select max(business_date) from " + table + " where business_date < ?1")
            .setParameter(1, Date.valueOf(runDate))
            .getSingleResult();
    if (last == null) {
      return runDate.minusDays(noneWritten);
    }
    LocalDate next = SqlValues.date(last).plusDays(1);
    LocalDate week = runDate.minusDays(CATCH_UP_DAYS);
    return next.isAfter(week) ? next : week;
  }

  private int write(LocalDate day) {
    em.createNativeQuery(COLLECTED).setParameter(1, Date.valueOf(day)).executeUpdate();
    return em.createNativeQuery(WRITE)
        .setParameter(1, Date.valueOf(day))
        .setParameter(2, Date.valueOf(day.minusDays(30)))
        .setParameter(3, Date.valueOf(day.minusDays(60)))
        .setParameter(4, Date.valueOf(day.minusDays(90)))
        .setParameter(5, OffsetDateTime.now(clock))
        .executeUpdate();
  }
}
