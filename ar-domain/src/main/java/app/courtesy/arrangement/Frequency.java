package app.courtesy.arrangement;

import java.time.LocalDate;

/** How often the instalments of a generated plan fall due. */
public enum Frequency {
  WEEKLY("weekly"),
  FORTNIGHTLY("every two weeks"),
  MONTHLY("monthly");

  private final String label;

  Frequency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The date of instalment {@code index} (0 for the first) of a plan starting on {@code first}.
   * Months are counted from the first date, so a plan starting on the 31st falls on the last day of
   * shorter months and back on the 31st after them.
   */
  public LocalDate nth(LocalDate first, int index) {
    return switch (this) {
      case WEEKLY -> first.plusWeeks(index);
      case FORTNIGHTLY -> first.plusWeeks(2L * index);
      case MONTHLY -> first.plusMonths(index);
    };
  }
}
