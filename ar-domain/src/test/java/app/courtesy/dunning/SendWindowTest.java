package app.courtesy.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Nobody is contacted before 08:00 or after 21:00 on their own clock, at weekends or on holidays.
 */
class SendWindowTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void opensAtEightOnTheRecipientsClockWhereverTheyAre() {
    LocalDate tuesday = LocalDate.of(2027, 6, 15);

    assertThat(new SendWindow(BERLIN, Set.of()).opening(tuesday))
        .isEqualTo(Instant.parse("2027-06-15T06:00:00Z"));
    assertThat(new SendWindow(ZoneId.of("Australia/Sydney"), Set.of()).opening(tuesday))
        .isEqualTo(Instant.parse("2027-06-14T22:00:00Z"));
    assertThat(new SendWindow(ZoneId.of("America/New_York"), Set.of()).opening(tuesday))
        .isEqualTo(Instant.parse("2027-06-15T12:00:00Z"));
  }

  @Test
  void aWeekendAndAHolidayPushTheMessageToTheNextBusinessDay() {
    LocalDate saturday = LocalDate.of(2027, 5, 15);
    SendWindow whitMonday = new SendWindow(BERLIN, Set.of(LocalDate.of(2027, 5, 17)));

    assertThat(whitMonday.opening(saturday)).isEqualTo(Instant.parse("2027-05-18T06:00:00Z"));
  }

  @Test
  void afterNineInTheEveningWaitsForTheNextMorningAcrossTheClockChange() {
    SendWindow berlin = new SendWindow(BERLIN, Set.of());
    // Friday 26 March 2027, winter time (UTC+1); summer time starts on Sunday the 28th
    Instant fridayEvening = Instant.parse("2027-03-26T19:59:00Z");
    Instant fridayNine = Instant.parse("2027-03-26T20:00:00Z");

    assertThat(berlin.earliest(fridayEvening)).isEqualTo(fridayEvening);
    assertThat(berlin.earliest(fridayNine)).isEqualTo(Instant.parse("2027-03-29T06:00:00Z"));
    assertThat(berlin.earliest(Instant.parse("2027-03-29T05:59:00Z")))
        .isEqualTo(Instant.parse("2027-03-29T06:00:00Z"));
  }

  @Test
  void aRecipientAcrossTheDateLineIsWrittenToOnTheirOwnMonday() {
    SendWindow auckland = new SendWindow(ZoneId.of("Pacific/Auckland"), Set.of());
    // Sunday 20:00 UTC is Monday 08:00 in Auckland (winter, UTC+12)
    Instant sundayInLondon = Instant.parse("2027-07-04T19:00:00Z");

    assertThat(auckland.earliest(sundayInLondon)).isEqualTo(Instant.parse("2027-07-04T20:00:00Z"));
  }
}
