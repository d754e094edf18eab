package app.courtesy.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One address may look up only so many pages a minute; other addresses are not held back. */
class PortalThrottleTest {

  @Test
  void anAddressThatTriesTokensByTheDozenIsHeldBackAndNoOtherIs() throws Exception {
    PortalThrottle throttle = new PortalThrottle();
    Field perMinute = PortalThrottle.class.getDeclaredField("perMinute");
    perMinute.setAccessible(true);
    perMinute.setInt(throttle, 20);

    long allowed = IntStream.range(0, 100).filter(i -> throttle.allow("203.0.113.9")).count();

    assertThat(allowed).as("the first twenty, then none within the minute").isEqualTo(20);
    assertThat(throttle.allow("198.51.100.4")).as("someone else opening their page").isTrue();
  }
}
