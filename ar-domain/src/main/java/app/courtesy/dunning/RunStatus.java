package app.courtesy.dunning;

/** How a business date's run ended. */
public enum RunStatus {
  /** Planned and committed: the date ran, and running it again adds nothing. */
  COMPLETED,
  /**
   * Went wrong and planned nothing; when, by whom and why are kept. The date may be run again, even
   * after later dates ran, and becomes {@link #COMPLETED} when it succeeds.
   */
  FAILED;

  /** The status in words: Completed, Failed. */
  public String label() {
    return this == COMPLETED ? "Completed" : "Failed";
  }
}
