package app.courtesy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

  private static final Instant TUESDAY_AFTERNOON = Instant.parse("2031-01-07T14:00:00Z");

  @Test
  void aProductionServerKeepsTheSystemsTime() {
    ClockProducer producer = new ClockProducer(false);

    assertThatThrownBy(() -> producer.moveTo(TUESDAY_AFTERNOON))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AR_CLOCK_ADJUSTABLE=true");
    assertThat(Duration.between(Instant.now(), producer.clock().instant()).abs())
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void anAdjustableClockMovesAndRunsOnFromThere() {
    ClockProducer producer = new ClockProducer(true);
    Clock clock = producer.clock();

    producer.moveTo(TUESDAY_AFTERNOON);

    assertThat(Duration.between(TUESDAY_AFTERNOON, clock.instant()))
        .isBetween(Duration.ZERO, Duration.ofMinutes(1));
    assertThat(Duration.between(TUESDAY_AFTERNOON, clock.withZone(ZoneOffset.UTC).instant()))
        .isBetween(Duration.ZERO, Duration.ofMinutes(1));
  }
}
