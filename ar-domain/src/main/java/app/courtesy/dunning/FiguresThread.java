package app.courtesy.dunning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Where a run's collections figures ({@link RunFigures}) are written once its plan has found the
 * invoices due: on a thread the module that runs the application's background work
 * (ar-notifications) lends when the application starts, so that they are written while the plan
 * writes the rest, on the core it leaves idle; until then, and where no such module runs, on the
 * run's own thread, before the plan goes on.
 *
 * <p>The thread must start the figures in an invocation of its own, as an asynchronous EJB method
 * does. A managed executor will not do: the task's invocation is a copy of the caller's that shares
 * its registry of entity managers opened outside a transaction, which Payara empties when the task
 * is submitted and closes when it ends, under the caller still using them; and one that clears the
 * caller's context leaves the task without the application's entity managers.
 */
@ApplicationScoped
public class FiguresThread {

  private final AtomicReference<Function<LocalDate, Future<Duration>>> lent =
      new AtomicReference<>();

  @Inject private RunFigures figures;

  /**
   * From now on, the figures are written by {@code writer}, which starts writing those of a date
   * and answers at once with what writing them will have taken; null: on the run's own thread.
   */
  public void lend(Function<LocalDate, Future<Duration>> writer) {
    lent.set(writer);
  }

  /** Starts writing the figures of {@code date}; the answer says when they are written. */
  public Future<Duration> start(LocalDate date) {
    Function<LocalDate, Future<Duration>> writer = lent.get();
    return writer != null
        ? writer.apply(date)
        : CompletableFuture.completedFuture(figures.write(date));
  }
}
