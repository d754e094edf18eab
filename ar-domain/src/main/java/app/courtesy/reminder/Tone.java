package app.courtesy.reminder;

/** How a reminder sounds; each step of a policy picks one. */
public enum Tone {
  /** A courteous heads-up, before the due date or just after. */
  FRIENDLY("friendly", "friendly"),
  /** Clearer about what is overdue, still warm. */
  FIRM("firm", "firm"),
  /** The last reminder of a series: serious, courteous, asking to talk. */
  FINAL_COURTEOUS("final", "final courteous");

  private final String fileName;
  private final String label;

  Tone(String fileName, String label) {
    this.fileName = fileName;
    this.label = label;
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
