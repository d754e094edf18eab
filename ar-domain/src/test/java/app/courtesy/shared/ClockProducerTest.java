package app.courtesy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

  private static final Instant TUESDAY_AFTERNOON = Instant.parse("2031-01-07T14:00:00Z");

  // 23:30 in London is already Wednesday morning in Auckland and still Tuesday in Los Angeles
  private static final Instant TUESDAY_LATE_IN_LONDON = Instant.parse("2031-01-07T23:30:00Z");

  @Test
  void aProductionServerKeepsTheSystemsTime() {
    ClockProducer producer = new ClockProducer(false, "UTC");

    assertThatThrownBy(() -> producer.moveTo(TUESDAY_AFTERNOON))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AR_CLOCK_ADJUSTABLE=true");
    assertThat(Duration.between(Instant.now(), producer.clock().instant()).abs())
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void anAdjustableClockMovesAndRunsOnFromThere() {
    ClockProducer producer = new ClockProducer(true, "UTC");
    Clock clock = producer.clock();

    producer.moveTo(TUESDAY_AFTERNOON);

    assertThat(Duration.between(TUESDAY_AFTERNOON, clock.instant()))
        .isBetween(Duration.ZERO, Duration.ofMinutes(1));
    assertThat(Duration.between(TUESDAY_AFTERNOON, clock.withZone(ZoneOffset.UTC).instant()))
        .isBetween(Duration.ZERO, Duration.ofMinutes(1));
  }

  @Test
  void aReplayedDayIsTheReplayingThreadsOwnAndEndsWithItsWork() throws Exception {
    ClockProducer producer = new ClockProducer(false, "UTC");
    Clock clock = producer.clock();
    Duration[] elsewhere = new Duration[1];

    Instant during =
        producer.replaying(
            TUESDAY_AFTERNOON,
            () -> {
              Thread other =
                  new Thread(
                      () -> elsewhere[0] = Duration.between(Instant.now(), clock.instant()).abs());
              other.start();
              try {
                other.join();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return clock.withZone(ZoneOffset.UTC).instant();
            });

    assertThat(Duration.between(TUESDAY_AFTERNOON, during))
        .isBetween(Duration.ZERO, Duration.ofMinutes(1));
    // Another thread, meanwhile, and this one afterwards, keep the server's time.
    assertThat(elsewhere[0]).isLessThan(Duration.ofMinutes(1));
    assertThat(Duration.between(Instant.now(), clock.instant()).abs())
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void businessDatesAreDatesOnTheOrganisationsClockWhateverTheServersZone() {
    TimeZone servers = TimeZone.getDefault();
    try {
      // A node whose operating system says Kiritimati (UTC+14), a day ahead of most of the world
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      ClockProducer auckland = new ClockProducer(true, "Pacific/Auckland");
      ClockProducer losAngeles = new ClockProducer(false, " America/Los_Angeles ");
      ClockProducer unset = new ClockProducer(true, ClockProducer.DEFAULT_ZONE);
      auckland.moveTo(TUESDAY_LATE_IN_LONDON);
      unset.moveTo(TUESDAY_LATE_IN_LONDON);

      assertThat(auckland.zone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
      assertThat(auckland.clock().getZone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
      assertThat(LocalDate.now(auckland.clock())).isEqualTo(LocalDate.of(2031, 1, 8));
      assertThat(losAngeles.clock().getZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
      assertThat(unset.zone()).isEqualTo(ZoneId.of("UTC"));
      assertThat(LocalDate.now(unset.clock())).isEqualTo(LocalDate.of(2031, 1, 7));
    } finally {
      TimeZone.setDefault(servers);
    }
  }

  @Test
  void aZoneThatDoesNotExistStopsTheServerNamingTheSetting() {
    assertThatThrownBy(() -> new ClockProducer(false, "Mars/Olympus_Mons"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AR_TIME_ZONE")
        .hasMessageContaining("\"Mars/Olympus_Mons\"")
        .hasMessageContaining("not a time zone");
    assertThatThrownBy(() -> new ClockProducer(true, " "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AR_TIME_ZONE");
  }
}
