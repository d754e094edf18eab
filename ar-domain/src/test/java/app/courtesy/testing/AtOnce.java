package app.courtesy.testing;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs actions at the same moment, each on a thread and in a transaction of its own, as two nodes
 * or two people would: what each one came to.
 */
public final class AtOnce {

  /** What one action came to: nothing when it went through, else what it threw. */
  public record Outcome(Throwable failure) {
    public boolean succeeded() {
      return failure == null;
    }
  }

  private AtOnce() {}

  public static List<Outcome> run(ManagedExecutorService executor, Runnable... actions)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Outcome>> running = new ArrayList<>();
    for (Runnable action : actions) {
      running.add(
          executor.submit(
              () -> {
                start.await();
                try {
                  action.run();
                  return new Outcome(null);
                } catch (RuntimeException e) {
                  return new Outcome(e);
                }
              }));
    }
    start.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> outcome : running) {
      try {
        outcomes.add(outcome.get(60, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        outcomes.add(new Outcome(e.getCause()));
      } catch (TimeoutException e) {
        outcomes.add(new Outcome(e));
      }
    }
    return outcomes;
  }
}
