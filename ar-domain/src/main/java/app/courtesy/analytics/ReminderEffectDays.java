package app.courtesy.analytics;

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
 * Writes what the reminders sent on each day did, once the {@value #WINDOW_DAYS} days after it are
 * over, in the dunning run's own transaction: the one writer of {@code reminder_effect_day}, {@code
 * reminded_invoice} and {@code reminder_effect}.
 *
 * <p>The run of a date R writes the send dates up to R − {@value #WINDOW_DAYS} − 1 (the last whose
 * window ended before R) not written yet, at most {@value #CATCH_UP_DAYS} of them back, as {@link
 * ReceivablesDays} does. A send date D is the organisation's calendar day the reminder went out on
 * (its {@code sent_at}; a call the policy asked for counts on the day it became the collector's
 * task). For each invoice a reminder sent on D listed, the ledger as {@link LedgerAsOf#RECEIVABLES}
 * tells it gives what was open at the end of D − 1 (reminded; an invoice paid by then, cancelled or
 * written off since is left out) and at the end of D + 7 and D + 14: the difference is what
 * payments and credits dated from D on settled, the invoice counted as paid within the window when
 * nothing of it was open at its end. Three ledger reads (of the day's reminded invoices, though
 * what was applied to invoices is summed over the book in each) and two inserts per send date,
 * whatever the size of the book; a date is claimed in {@code reminder_effect_day} first, so it is
 * written once.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ReminderEffectDays {

  /** The days after a send date a payment counts for the reminder; the shorter window is 7. */
  public static final int WINDOW_DAYS = 14;

  /** How many send dates back a run catches up. */
  public static final int CATCH_UP_DAYS = 7;

  // The reminders sent on the send date: ?4 its first moment, ?5 the next day's.
  private static final String SENT =
      "m.kind = 'REMINDER' and m.status = 'SENT' and m.sent_at >= ?4 and m.sent_at < ?5";

  // What was open at the end of a day on each invoice those reminders listed: its instalments' open
  // parts added.
  private static final String OPEN =
      "select o.invoice_id, sum(o.open_amount) as open_amount from (%s"
          + " and i.id in (select s.id from outbox_message m join invoice s"
          + " on s.id = any(m.invoice_ids) where "
          + SENT
          + ")) o where o.open_amount > 0 group by o.invoice_id";

  // ?1 the day before the send date, ?2 and ?3 the ends of the windows, ?6 the send date.
  private static final String REMINDED =
      """
      insert into reminded_invoice (sent_on, message_id, invoice_id, reminded, paid_7, paid_14)
      select ?6, m.id, i.id, b.open_amount,
             least(b.open_amount, greatest(0, b.open_amount - coalesce(w.open_amount, 0))),
             least(b.open_amount, greatest(0, b.open_amount - coalesce(f.open_amount, 0)))
        from outbox_message m
        join invoice i on i.id = any(m.invoice_ids)
        join (%s) b on b.invoice_id = i.id
        left join (%s) w on w.invoice_id = i.id
        left join (%s) f on f.invoice_id = i.id
       where %s
      """
          .formatted(
              OPEN.formatted(LedgerAsOf.receivables(1)),
              OPEN.formatted(LedgerAsOf.receivables(2)),
              OPEN.formatted(LedgerAsOf.receivables(3)),
              SENT);

  private static final String EFFECTS =
      """
      insert into reminder_effect (sent_on, currency, policy_id, step_position, tone, channel,
                                   language, experiment_id, variant, invoices, amount,
                                   paid_7_invoices, paid_7_amount, paid_14_invoices, paid_14_amount)
      select r.sent_on, m.currency, m.policy_id, m.step_position, m.tone, m.channel, m.language,
             m.experiment_id, m.variant, count(*), sum(r.reminded),
             sum(case when r.paid_7 >= r.reminded then 1 else 0 end), sum(r.paid_7),
             sum(case when r.paid_14 >= r.reminded then 1 else 0 end), sum(r.paid_14)
        from reminded_invoice r join outbox_message m on m.id = r.message_id
       where r.sent_on = ?1
       group by r.sent_on, m.currency, m.policy_id, m.step_position, m.tone, m.channel, m.language,
                m.experiment_id, m.variant
      """;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  /**
   * Writes the send dates whose window is over before {@code runDate} and that are not written yet,
   * at most {@value #CATCH_UP_DAYS} back; returns how many invoices it followed.
   */
  public int catchUp(LocalDate runDate) {
    LocalDate last = runDate.minusDays(WINDOW_DAYS + 1);
    LocalDate first = last.minusDays(CATCH_UP_DAYS - 1);
    Object written =
        em.createNativeQuery("select max(sent_on) from reminder_effect_day where sent_on <= ?1")
            .setParameter(1, Date.valueOf(last))
            .getSingleResult();
    if (written != null && !SqlValues.date(written).isBefore(first)) {
      first = SqlValues.date(written).plusDays(1);
    }
    int invoices = 0;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      invoices += write(day);
    }
    return invoices;
  }

  private int write(LocalDate day) {
    em.createNativeQuery("insert into reminder_effect_day (sent_on, written_at) values (?1, ?2)")
        .setParameter(1, Date.valueOf(day))
        .setParameter(2, OffsetDateTime.now(clock))
        .executeUpdate();
    int invoices =
        em.createNativeQuery(REMINDED)
            .setParameter(1, Date.valueOf(day.minusDays(1)))
            .setParameter(2, Date.valueOf(day.plusDays(7)))
            .setParameter(3, Date.valueOf(day.plusDays(WINDOW_DAYS)))
            .setParameter(4, day.atStartOfDay(clock.getZone()).toOffsetDateTime())
            .setParameter(5, day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
            .setParameter(6, Date.valueOf(day))
            .executeUpdate();
    if (invoices > 0) {
      em.createNativeQuery(EFFECTS).setParameter(1, Date.valueOf(day)).executeUpdate();
    }
    return invoices;
  }
}
