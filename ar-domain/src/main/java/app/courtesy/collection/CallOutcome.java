package app.courtesy.collection;

/** How a call or visit went. */
public enum CallOutcome {
  REACHED("Reached"),
  VOICEMAIL("Left a voicemail"),
  NO_ANSWER("No answer"),
  WRONG_NUMBER("Wrong number");

  private final String label;

  CallOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
