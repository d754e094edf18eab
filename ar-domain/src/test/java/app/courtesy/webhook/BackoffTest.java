package app.courtesy.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When a failed delivery is tried again, and when it is given up. */
class BackoffTest {

  private final Backoff backoff = new Backoff(30);

  @Test
  void theWaitDoublesFromAMinuteUpToAnHour() {
    assertThat(IntStream.rangeClosed(1, 9).mapToObj(backoff::after).map(Duration::toMinutes))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    assertThat(backoff.after(29)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theThirtiethFailedAttemptIsTheLast() {
    assertThat(backoff.givesUpAfter(29)).isFalse();
    assertThat(backoff.givesUpAfter(30)).isTrue();
  }

  @Test
  void thirtyAttemptsWaitForAReceiverAboutADay() {
    Duration total =
        IntStream.rangeClosed(1, 29).mapToObj(backoff::after).reduce(Duration.ZERO, Duration::plus);

    assertThat(total).isBetween(Duration.ofHours(23), Duration.ofHours(25));
  }
}
