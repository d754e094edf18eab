package app.courtesy.reminder;

/** How a reminder sounds; each step of a policy picks one. */
public enum Tone {
  /** A courteous heads-up, before the due date or just after. */
  FRIENDLY("friendly"),
  /** Clearer about what is overdue, still warm. */
  FIRM("firm"),
  /** The last reminder of a series: serious, courteous, asking to talk. */
  FINAL_COURTEOUS("final");

  private final String fileName;

  Tone(String fileName) {
    this.fileName = fileName;
  }

  /** The name of the shipped templates of this tone, e.g. {@code friendly_de.txt}. */
  String fileName() {
    return fileName;
  }
}
