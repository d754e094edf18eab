package app.courtesy.web.health;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A question a health check asks of something that may hang (a database that does not answer), on
 * another thread, waiting at most so long for the answer. While an earlier asking is still
 * unanswered, the next one waits for it rather than asking again, so a hanging answer holds one
 * thread, not one per check.
 *
 * <pre>{@code
 * TimedQuestion<SchemaStatus> schemaStatus =
 *     new TimedQuestion<>(executor, schema::status, Duration.ofSeconds(3));
 * SchemaStatus status = schemaStatus.ask(); // or TimeoutException after 3 s
 * }</pre>
 */
final class TimedQuestion<T> {

  private final ExecutorService executor;
  private final Callable<T> question;
  private final Duration within;

  private Future<T> asked;

  TimedQuestion(ExecutorService executor, Callable<T> question, Duration within) {
    this.executor = executor;
    this.question = question;
    this.within = within;
  }

  /**
   * The answer, waiting at most the given time for it.
   *
   * @throws TimeoutException when no answer came in time
   * @throws ExecutionException when the question failed, with why as its cause
   */
  T ask() throws TimeoutException, ExecutionException, InterruptedException {
    return pending().get(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  Duration within() {
    return within;
  }

  private synchronized Future<T> pending() {
    if (asked == null || asked.isDone()) {
      asked = executor.submit(question);
    }
    return asked;
  }
}
