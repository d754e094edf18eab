package app.courtesy.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.shared.ClockProducer;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.assertj.core.data.TemporalUnitWithinOffset;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing a password gets slower with every failure and then stops for a while, per account and
 * per address; the right password waits like any other; a lock ends by itself or by an
 * administrator, and every failure and lock is on record.
 */
@ExtendWith(ArquillianExtension.class)
class SignInThrottleIT {

  /** The clock runs on while the test works: instants are compared to within this. */
  private static final TemporalUnitWithinOffset CLOCK_DRIFT =
      new TemporalUnitWithinOffset(500, ChronoUnit.MILLIS);

  @Inject private SignInThrottle throttle;
  @Inject private SecurityEvents events;
  @Inject private ClockProducer clocks;
  @Inject private Clock clock;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String username = "guessed-" + tag;

  /** An address of the test's own, so no other test's failures count here. */
  private final String address = "192.0.2." + (Math.abs(tag.hashCode()) % 250 + 1) + "-" + tag;

  @BeforeEach
  void stopTheClock() {
    clocks.moveTo(Instant.now().plus(Duration.ofDays(400)));
  }

  @AfterEach
  void putTheClockBack() {
    clocks.moveTo(Instant.now());
  }

  @Test
  void threeFailuresAreFreeThenEachTryWaitsTwiceAsLongAndTheTenthLocksForAQuarterHour() {
    Instant failedAt = null;
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.check(username, address).allowed()).isTrue();
      failedAt = fail();
    }
    SignInThrottle.Verdict waiting = throttle.check(username, address);
    assertThat(waiting.allowed()).isFalse();
    assertThat(waiting.retryAt()).isCloseTo(failedAt.plusSeconds(1), CLOCK_DRIFT);
    assertThat(waiting.reason()).contains("Too many failed sign-ins for this account");

    long[] waits = {1, 2, 4, 8, 16, 32, 64};
    for (long wait : waits) {
      assertThat(throttle.check(username, address).retryAt())
          .isCloseTo(failedAt.plusSeconds(wait), CLOCK_DRIFT);
      move(Duration.ofSeconds(wait).plusMillis(100));
      assertThat(throttle.check(username, address).allowed()).isTrue();
      failedAt = fail();
    }

    SignInThrottle.Verdict locked = throttle.check(username, address);
    assertThat(locked.retryAt()).isCloseTo(failedAt.plus(Duration.ofMinutes(15)), CLOCK_DRIFT);
    assertThat(locked.reason()).contains("locked after 10 failed sign-ins");
    move(Duration.ofMinutes(14));
    assertThat(throttle.check(username, address).allowed()).isFalse();
    move(Duration.ofMinutes(1).plusMillis(100));
    assertThat(throttle.check(username, address).allowed())
        .as("a lock ends by itself: nobody is locked out for good")
        .isTrue();

    assertThat(events.latest(SecurityEventKind.SIGN_IN_FAILED, username, 20)).hasSize(10);
    assertThat(events.latest(SecurityEventKind.ACCOUNT_LOCKED, username, 5))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getAddress()).isEqualTo(address);
              assertThat(e.getDetail()).startsWith("after 10 failed sign-ins, until");
            });
  }

  @Test
  void anAdministratorLiftsALockAndTheAccountSignsInAtOnce() {
    for (int i = 0; i < 10; i++) {
      move(SignInThrottle.MAX_DELAY);
      throttle.failed(username, address, "wrong password");
    }
    assertThat(throttle.check(username, address).allowed()).isFalse();
    assertThat(throttle.throttled())
        .extracting(SignInFailures::getKey)
        .contains("account:" + username);

    assertThat(throttle.lift("account:" + username, "admin")).isTrue();

    assertThat(throttle.check(username, address).allowed()).isTrue();
    assertThat(throttle.throttled())
        .extracting(SignInFailures::getKey)
        .doesNotContain("account:" + username);
    assertThat(events.latest(SecurityEventKind.LOCK_LIFTED, username, 5))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getDetail()).isEqualTo("lifted by admin after 10 failed sign-ins"));
  }

  @Test
  void aSuccessForgetsTheAccountsFailuresAndSoDoesADayWithoutOne() {
    for (int i = 0; i < 3; i++) {
      throttle.failed(username, address, "wrong password");
    }
    throttle.succeeded(username);
    throttle.failed(username, address, "wrong password");
    assertThat(throttle.check(username, address).allowed()).isTrue();

    throttle.failed(username, address, "wrong password");
    throttle.failed(username, address, "wrong password");
    assertThat(throttle.check(username, address).allowed()).isFalse();
    move(Duration.ofHours(24).plusMillis(100));
    throttle.failed(username, address, "wrong password");
    assertThat(throttle.check(username, address).allowed())
        .as("failures a day old are forgotten: this is the first again")
        .isTrue();
  }

  @Test
  void oneAddressGuessingManyAccountsWaitsAfterThirtyFailures() {
    for (int i = 0; i < 30; i++) {
      throttle.failed("sprayed-" + i + "-" + tag, address, "no such account");
    }
    SignInThrottle.Verdict verdict = throttle.check("anyone-" + tag, address);
    assertThat(verdict.allowed()).isFalse();
    assertThat(verdict.reason()).contains("your network address");
    assertThat(throttle.check("anyone-" + tag, "198.51.100.7-" + tag).allowed())
        .as("another address is not slowed down")
        .isTrue();
    assertThat(events.latest(SecurityEventKind.ADDRESS_THROTTLED, null, 50))
        .anySatisfy(e -> assertThat(e.getAddress()).isEqualTo(address));

    move(Duration.ofMinutes(15).plusMillis(100));
    assertThat(throttle.check("anyone-" + tag, address).allowed()).isTrue();
  }

  @Test
  void failuresWrittenByAClockThatWasPutBackDoNotCount() {
    for (int i = 0; i < 10; i++) {
      throttle.failed(username, address, "wrong password");
    }
    assertThat(throttle.check(username, address).allowed()).isFalse();

    move(Duration.ofHours(-2));

    assertThat(throttle.check(username, address).allowed()).isTrue();
  }

  @Test
  void whatIsRecordedCannotForgeALogLine() {
    throttle.failed("evil\r\nsecurity event SIGN_IN user=admin" + tag, address, "wrong password");

    assertThat(events.latest(SecurityEventKind.SIGN_IN_FAILED, null, 50))
        .anySatisfy(
            e ->
                assertThat(e.getUsername())
                    .isEqualTo("evil??security event SIGN_IN user=admin" + tag));
  }

  /** A wrong password for the test's account; when, on the clock, right after. */
  private Instant fail() {
    throttle.failed(username, address, "wrong password");
    return clock.instant();
  }

  /** Moves the clock on by {@code by} from what it reads now (it ran on while the test worked). */
  private void move(Duration by) {
    clocks.moveTo(clock.instant().plus(by));
  }
}
