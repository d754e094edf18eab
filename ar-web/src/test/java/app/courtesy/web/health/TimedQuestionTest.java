package app.courtesy.web.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimedQuestionTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch answers = new CountDownLatch(1);
  private final AtomicInteger asked = new AtomicInteger();

  @AfterEach
  void stop() {
    answers.countDown();
    executor.shutdownNow();
  }

  @Test
  void anAnswerInTimeIsTheAnswer() throws Exception {
    TimedQuestion<String> question =
        new TimedQuestion<>(executor, () -> "030", Duration.ofSeconds(3));

    assertThat(question.ask()).isEqualTo("030");
  }

  @Test
  void noAnswerInTimeIsATimeoutAndTheNextCheckWaitsForTheSameQuestion() {
    TimedQuestion<String> hanging =
        new TimedQuestion<>(
            executor,
            () -> {
              asked.incrementAndGet();
              answers.await();
              return "030";
            },
            Duration.ofMillis(200));

    long started = System.nanoTime();
    assertThatThrownBy(hanging::ask).isInstanceOf(TimeoutException.class);
    assertThatThrownBy(hanging::ask).isInstanceOf(TimeoutException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(asked).hasValue(1);
  }

  @Test
  void aFailedQuestionSaysWhyAndIsAskedAgainNextTime() throws Exception {
    TimedQuestion<String> refused =
        new TimedQuestion<>(
            executor,
            () -> {
              if (asked.incrementAndGet() == 1) {
                throw new IllegalStateException("Connection refused");
              }
              return "030";
            },
            Duration.ofSeconds(3));

    assertThatThrownBy(refused::ask)
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("Connection refused");
    assertThat(refused.ask()).isEqualTo("030");
  }
}
