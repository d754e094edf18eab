package app.courtesy.shared;

/** Texts cut to fit the columns that keep them. */
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
}
