package app.courtesy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.monitoring.Sending.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendingTest {

  private static final Duration THRESHOLD = Duration.ofMinutes(15);
  private static final Instant NINE = Instant.parse("2026-12-03T09:00:00Z");

  private final Sending sending = new Sending();

  @Test
  void okBeforeAnythingWasSent() {
    Sending.Look look = sending.look(NINE, THRESHOLD);

    assertThat(look.state()).isEqualTo(State.OK);
    assertThat(look.lastSent()).isEmpty();
    assertThat(look.failingSince()).isEmpty();
    assertThat(look.lastError()).isNull();
  }

  @Test
  void failuresDegradeSendingOnlyOnceTheyHaveLastedTheThreshold() {
    // 09:00: a reminder goes out.
    sending.delivered(NINE);
    // 09:01: the mail server stops answering.
    sending.failed(NINE.plusSeconds(60), "Connection refused");
    // 09:10: still failing, with another error.
    sending.failed(NINE.plusSeconds(600), "Read timed out");

    // 09:15: failing for 14 minutes: not yet degraded.
    assertThat(sending.look(NINE.plusSeconds(900), THRESHOLD).state()).isEqualTo(State.OK);

    // 09:16: failing for 15 minutes: degraded, since 09:01, with the last error.
    Sending.Look look = sending.look(NINE.plusSeconds(960), THRESHOLD);
    assertThat(look.state()).isEqualTo(State.DEGRADED);
    assertThat(look.failingSince()).contains(NINE.plusSeconds(60));
    assertThat(look.lastSent()).contains(NINE);
    assertThat(look.lastError()).isEqualTo("Read timed out");
  }

  @Test
  void aDeliveryEndsTheFailingSpell() {
    // 09:00–09:20: nothing gets through.
    sending.failed(NINE, "Connection refused");
    assertThat(sending.look(NINE.plusSeconds(1200), THRESHOLD).state()).isEqualTo(State.DEGRADED);

    // 09:21: the server is back and a message goes out.
    sending.delivered(NINE.plusSeconds(1260));

    Sending.Look look = sending.look(NINE.plusSeconds(1300), THRESHOLD);
    assertThat(look.state()).isEqualTo(State.OK);
    assertThat(look.failingSince()).isEmpty();
    assertThat(look.lastError()).isNull();

    // 09:22: one failure starts a new spell, counted from then.
    sending.failed(NINE.plusSeconds(1320), "Connection refused");
    assertThat(sending.look(NINE.plusSeconds(1320 + 899), THRESHOLD).state()).isEqualTo(State.OK);
  }
}
