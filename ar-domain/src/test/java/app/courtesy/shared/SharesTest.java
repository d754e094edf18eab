package app.courtesy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work in shares: every share done once, in its order, whatever threads the executor has free. */
class SharesTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private ExecutorService executor;

  @AfterEach
  void stop() {
    release.countDown();
    executor.shutdownNow();
  }

  @Test
  void eachShareIsDoneOnceAndTheResultsComeInTheSharesOrder() {
    executor = Executors.newFixedThreadPool(3);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    AtomicInteger done = new AtomicInteger();
    List<Supplier<Integer>> shares =
        List.of(1, 2, 3, 4).stream()
            .map(
                n ->
                    (Supplier<Integer>)
                        () -> {
                          threads.add(Thread.currentThread().getName());
                          done.incrementAndGet();
                          return n * 10;
                        })
            .toList();

    assertThat(Shares.run(executor, shares)).containsExactly(10, 20, 30, 40);
    assertThat(done).hasValue(4);
    assertThat(threads).contains(Thread.currentThread().getName());
  }

  @Test
  void sharesNoThreadIsFreeForAreDoneByTheCaller() {
    executor = Executors.newSingleThreadExecutor();
    executor.submit(this::awaitRelease);

    assertThat(Shares.run(executor, List.of(() -> "a", () -> "b", () -> "c")))
        .as("done here while the executor's only thread is busy, and nothing waits for it")
        .containsExactly("a", "b", "c");
  }

  @Test
  void sharesTheExecutorRefusesAreDoneByTheCaller() {
    executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
    executor.submit(this::awaitRelease);

    assertThat(Shares.run(executor, List.of(() -> 1, () -> 2))).containsExactly(1, 2);
  }

  @Test
  void aFailingShareFailsTheWholeOnceTheOthersAreDone() {
    executor = Executors.newFixedThreadPool(2);
    AtomicInteger done = new AtomicInteger();
    Supplier<Integer> fine = done::incrementAndGet;
    Supplier<Integer> failing =
        () -> {
          throw new IllegalStateException("share 2 failed");
        };

    assertThatThrownBy(() -> Shares.run(executor, List.of(fine, failing, fine)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("share 2 failed");
    assertThat(done).hasValue(2);
  }

  private boolean awaitRelease() throws InterruptedException {
    return release.await(1, TimeUnit.MINUTES);
  }
}
