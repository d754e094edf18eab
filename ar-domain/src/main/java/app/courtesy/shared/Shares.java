package app.courtesy.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work done in shares at the same time: the calling thread does the first, the executor's threads
 * the others. A share no thread of the executor had begun when the caller finished its own is done
 * by the caller, as is one the executor would not take, so the work never waits for a thread the
 * executor has not got free.
 */
public final class Shares {

  private Shares() {}

  /**
   * What each share gave, in their order, once every share is done.
   *
   * @throws RuntimeException the first share's failure, after the others are done
   */
  public static <R> List<R> run(ExecutorService executor, List<Supplier<R>> shares) {
    List<Share<R>> others = new ArrayList<>();
    for (Supplier<R> share : shares.subList(Math.min(1, shares.size()), shares.size())) {
      others.add(new Share<>(executor, share));
    }
    List<R> done = new ArrayList<>();
    RuntimeException failure = null;
    if (!shares.isEmpty()) {
      try {
        done.add(shares.get(0).get());
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    for (Share<R> share : others) {
      try {
        done.add(share.join());
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return done;
  }

  /** A share sent to the executor, done by whichever thread begins it first. */
  private static final class Share<R> {

    private final Supplier<R> work;
    private final AtomicBoolean begun = new AtomicBoolean();
    private final Future<R> future;

    Share(ExecutorService executor, Supplier<R> work) {
      this.work = work;
      Future<R> submitted;
      try {
        submitted = executor.submit(() -> begun.compareAndSet(false, true) ? work.get() : null);
      } catch (RejectedExecutionException full) {
        // The executor takes nothing now (its queue is full, or the server is stopping): the
        // caller does this share after its own.
        submitted = null;
      }
      this.future = submitted;
    }

    R join() {
      if (begun.compareAndSet(false, true)) {
        return work.get();
      }
      return awaited(future, "a share");
    }
  }

  /**
   * What {@code future} gave, once it is done; its failure as the caller's own (a runtime exception
   * as it was thrown, anything else wrapped).
   *
   * @param what what the future does, for the message when the wait is interrupted
   */
  public static <R> R awaited(Future<R> future, String what) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + what, e);
    }
  }
}
