package app.courtesy.dunning;

import app.courtesy.analytics.CashForecastWeeks;
import app.courtesy.analytics.ReceivablesDays;
import app.courtesy.analytics.ReminderEffectDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The collections figures a run of a date writes, in a transaction of their own: the receivables of
 * the days before it, which are over; what the reminders sent 15 days and more before did within 7
 * and 14 days; the cash-in forecast made on the date, from what was open at the end of the day
 * before. They read nothing the run's plan writes, so they can be written beside it (see {@link
 * FiguresThread}). Each is written once per day: a run tried again after a failure finds the days
 * already written and leaves them.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class RunFigures {

  @Inject private ReceivablesDays receivablesDays;
  @Inject private ReminderEffectDays reminderEffects;
  @Inject private CashForecastWeeks cashForecast;

  /** Writes the figures of {@code date}; returns what writing them took. */
  public Duration write(LocalDate date) {
    long started = System.nanoTime();
    receivablesDays.catchUp(date);
    reminderEffects.catchUp(date);
    cashForecast.write(date);
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
