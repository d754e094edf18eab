package app.courtesy.shared;

/** The name to keep for a file someone outside sent us. */
public final class FileNames {

  private FileNames() {}

  /**
   * The last part of {@code sent} (a browser or mail program may send a whole path), without
   * control characters, quotes or angle brackets, at most 200 characters; {@code fallback} when
   * nothing is left.
   */
  public static String safe(String sent, String fallback) {
    String name = sent == null ? "" : sent.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
    if (name.isEmpty()) {
      return fallback;
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
