package app.courtesy.dunning;

import app.courtesy.charge.ChargeRun;
import app.courtesy.shared.Shares;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The transactions of {@link DunningRuns#run}, each its own whatever the caller's: one attempt to
 * run a date (the check of the date, the claim, the plan, the late-payment charges that go with it
 * and the counts commit together or not at all), the collections figures of the days before it
 * ({@link RunFigures}, started once the plan has found the invoices due, written beside the rest of
 * it where a thread is lent for them ({@link FiguresThread}), and waited for: the attempt fails
 * when they do), and, when the attempt fails, writing the failure down. Call {@link
 * DunningRuns#run}, which does all three.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class RunAttempts {

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private DunningPlanner planner;
  @Inject private ChargeRun charges;
  @Inject private FiguresThread figures;
  @Inject private Clock clock;

  /**
   * Runs {@code date} unless it completed before; a date that failed is run again.
   *
   * @throws RunDateRefusedException when the date may not be run (see {@link RunnableDates})
   * @throws RunClaimedException while another node runs the same date
   */
  public DunningRuns.Outcome run(LocalDate date, String by, OffsetDateTime startedAt) {
    // Locked, so that a failed date tried again on two nodes runs once: the second waits here and
    // then finds it completed.
    DunningRun run = em.find(DunningRun.class, date, LockModeType.PESSIMISTIC_WRITE);
    if (run != null && run.isCompleted()) {
      return new DunningRuns.Outcome(run, false);
    }
    RunnableDates.read(clock, em).check(date, run != null);
    if (run == null) {
      run = new DunningRun(date, by, startedAt);
      em.persist(run);
      try {
        em.flush();
      } catch (PersistenceException e) {
        throw new RunClaimedException(date);
      }
    } else {
      run.retry(by, startedAt);
    }
    ReminderSettings settings = em.find(ReminderSettings.class, ReminderSettings.ID);
    AtomicReference<Future<Duration>> figuresWritten = new AtomicReference<>();
    DunningPlanner.Planned planned =
        planner.plan(date, settings, () -> figuresWritten.set(figures.start(date)));
    // Late-payment charges go with the reminders just queued, in the same transaction.
    charges.charge(date);
    // The figures' failure is the attempt's.
    Duration figuresTook = Shares.awaited(figuresWritten.get(), "the collections figures");
    int overdue = planned.messages() == 0 ? planner.unremindedOverdue(date) : 0;
    run.finish(planned, overdue, figuresTook, OffsetDateTime.now(clock));
    return new DunningRuns.Outcome(run, true);
  }

  /**
   * Writes down that the try of {@code date} started at {@code startedAt} failed, for {@code why};
   * a date another node completed meanwhile stays completed.
   */
  public void recordFailure(LocalDate date, String by, OffsetDateTime startedAt, String why) {
    OffsetDateTime at = OffsetDateTime.now(clock);
    DunningRun run = em.find(DunningRun.class, date, LockModeType.PESSIMISTIC_WRITE);
    if (run == null) {
      em.persist(DunningRun.failed(date, by, startedAt, at, why));
    } else if (run.isFailed()) {
      run.fail(by, startedAt, at, why);
    }
  }
}
