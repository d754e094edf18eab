package app.courtesy.dunning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a recipient may be contacted: 08:00 to 21:00 on their own clock, on a business day of their
 * country (not a weekend, not one of its holidays). Local times are resolved in the recipient's
 * zone, so a daylight saving change moves the window with the clock on the wall.
 */
public final class SendWindow {

  public static final LocalTime OPENS = LocalTime.of(8, 0);
  public static final LocalTime CLOSES = LocalTime.of(21, 0);

  private final ZoneId zone;
  private final Set<LocalDate> holidays;

  public SendWindow(ZoneId zone, Set<LocalDate> holidays) {
    this.zone = zone;
    this.holidays = Set.copyOf(holidays);
  }

  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /** When the window opens on the first business day from {@code date} on. */
  public Instant opening(LocalDate date) {
    LocalDate day = date;
    while (!isBusinessDay(day)) {
      day = day.plusDays(1);
    }
    return ZonedDateTime.of(day, OPENS, zone).toInstant();
  }

  /** {@code at} itself when the window is open then, otherwise when it next opens. */
  public Instant earliest(Instant at) {
    LocalDate day = at.atZone(zone).toLocalDate();
    if (isBusinessDay(day)) {
      Instant opens = ZonedDateTime.of(day, OPENS, zone).toInstant();
      Instant closes = ZonedDateTime.of(day, CLOSES, zone).toInstant();
      if (at.isBefore(opens)) {
        return opens;
      }
      if (at.isBefore(closes)) {
        return at;
      }
    }
    return opening(day.plusDays(1));
  }
}
