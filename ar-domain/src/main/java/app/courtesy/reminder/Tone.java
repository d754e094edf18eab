package app.courtesy.reminder;

import java.util.Arrays;
import java.util.List;

/** How a reminder sounds; each step of a policy picks one. */
public enum Tone {
  /** A courteous heads-up, before the due date or just after. */
  FRIENDLY("friendly", "friendly"),
  /** Clearer about what is overdue, still warm. */
  FIRM("firm", "firm"),
  /** The last reminder of a series: serious, courteous, asking to talk. */
  FINAL_COURTEOUS("final", "final courteous"),
  /**
   * For a customer in hardship: no request, only what is open and the help on offer. Collectors'
   * messages switch to it; policy steps never use it, since hardship stops automated reminders.
   */
  GENTLE("gentle", "gentle");

  private final String fileName;
  private final String label;

  Tone(String fileName, String label) {
    this.fileName = fileName;
    this.label = label;
  }

  /** The tones a policy step can take: all but {@link #GENTLE}. */
  public static List<Tone> forSteps() {
    return Arrays.stream(values()).filter(tone -> tone != GENTLE).toList();
  }

  /** How people call it: "friendly", "firm", "final courteous". */
  public String label() {
    return label;
  }

  /** The name of the shipped templates of this tone, e.g. {@code friendly_de.txt}. */
  String fileName() {
    return fileName;
  }
}
