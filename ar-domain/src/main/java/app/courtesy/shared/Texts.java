package app.courtesy.shared;

/** Texts cut to fit the columns that keep them, and people's words made ready for the log. */
public final class Texts {

  private Texts() {}

  /**
   * {@code text} if it has at most {@code length} characters, else its start and "…"; null stays.
   */
  public static String clip(String text, int length) {
    if (text == null || text.length() <= length) {
      return text;
    }
    return text.substring(0, length - 1) + "…";
  }

  /** What a person typed, stripped; null when they typed nothing. */
  public static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** A person's words inside a sentence of the log: without their closing full stop. */
  public static String clause(String text) {
    return text.strip().replaceAll("[.\\s]+$", "");
  }
}
