package app.courtesy.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which business dates may be run: tomorrow at the latest, none before the latest completed run.
 */
class RunnableDatesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate WEDNESDAY = LocalDate.of(2031, 1, 8);

  // Wednesday in Berlin; the latest completed run was Monday's
  private final RunnableDates dates =
      new RunnableDates(WEDNESDAY, BERLIN, Optional.of(WEDNESDAY.minusDays(2)));

  @Test
  void todayTomorrowAndTheDaysSinceTheLatestRunMayBeRun() {
    assertThatCode(() -> dates.check(WEDNESDAY.minusDays(2), false)).doesNotThrowAnyException();
    assertThatCode(() -> dates.check(WEDNESDAY.minusDays(1), false)).doesNotThrowAnyException();
    assertThatCode(() -> dates.check(WEDNESDAY, false)).doesNotThrowAnyException();
    assertThatCode(() -> dates.check(WEDNESDAY.plusDays(1), false)).doesNotThrowAnyException();
  }

  @Test
  void aDateAfterTomorrowIsRefusedNamingTomorrowAndTheZone() {
    assertThatThrownBy(() -> dates.check(WEDNESDAY.plusDays(2), false))
        .isInstanceOf(RunDateRefusedException.class)
        .hasMessageStartingWith("2031-01-10 is after tomorrow (2031-01-09)")
        .hasMessageContaining("organisation's clock (Europe/Berlin)")
        .hasMessageContaining("at most one day ahead");
    assertThatThrownBy(() -> dates.check(LocalDate.of(9999, 12, 31), false))
        .isInstanceOf(RunDateRefusedException.class)
        .hasMessageStartingWith("9999-12-31 is after tomorrow");
    // a failed date is no exception: it cannot be run ahead either
    assertThatThrownBy(() -> dates.check(WEDNESDAY.plusDays(2), true))
        .isInstanceOf(RunDateRefusedException.class);
  }

  @Test
  void aDateBeforeTheLatestCompletedRunIsRefusedUnlessItFailed() {
    assertThatThrownBy(() -> dates.check(WEDNESDAY.minusDays(3), false))
        .isInstanceOf(RunDateRefusedException.class)
        .hasMessageStartingWith("2031-01-05 is before the latest completed run (2031-01-06)")
        .hasMessageContaining("Only a date whose run failed can be run again");
    assertThatCode(() -> dates.check(WEDNESDAY.minusDays(3), true)).doesNotThrowAnyException();
    assertThatCode(() -> dates.check(WEDNESDAY.minusDays(300), true)).doesNotThrowAnyException();
  }

  @Test
  void beforeTheFirstRunAnyDateUpToTomorrowMayBeRun() {
    RunnableDates first = new RunnableDates(WEDNESDAY, BERLIN, Optional.empty());

    assertThatCode(() -> first.check(WEDNESDAY.minusYears(1), false)).doesNotThrowAnyException();
    assertThatThrownBy(() -> first.check(WEDNESDAY.plusDays(2), false))
        .isInstanceOf(RunDateRefusedException.class);
  }

  @Test
  void aDateUpToTheLatestCompletedRunNeedsNoRunOfItsOwn() {
    assertThat(dates.covers(WEDNESDAY.minusDays(3))).isTrue();
    assertThat(dates.covers(WEDNESDAY.minusDays(2))).isTrue();
    assertThat(dates.covers(WEDNESDAY)).isFalse();
    assertThat(new RunnableDates(WEDNESDAY, BERLIN, Optional.empty()).covers(WEDNESDAY)).isFalse();
  }
}
