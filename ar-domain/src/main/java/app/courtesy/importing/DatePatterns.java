package app.courtesy.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/** Date patterns of import mappings, read strictly: {@code 2/30/2026} is no date. */
public final class DatePatterns {

  private DatePatterns() {}

  /** A date every pattern must write and read back the same. */
  private static final LocalDate SAMPLE = LocalDate.of(2026, 1, 31);

  /**
   * The strict formatter of {@code pattern}. The year is read as a proleptic year ({@code yyyy}
   * means {@code uuuu}), as a strict formatter needs no era then.
   *
   * @throws IllegalArgumentException saying why the pattern is no date pattern
   */
  public static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatter format;
    try {
      format =
          DateTimeFormatter.ofPattern(properYear(pattern), Locale.ROOT)
              .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          pattern + " is not a date pattern (" + e.getMessage() + ")", e);
    }
    try {
      if (!LocalDate.parse(format.format(SAMPLE), format).equals(SAMPLE)) {
        throw new IllegalArgumentException(pattern + " does not read back the dates it writes");
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          pattern + " does not write a whole date: it needs a year, a month and a day", e);
    }
    return format;
  }

  /** What is wrong with {@code pattern}, if anything. */
  public static Optional<String> problem(String pattern) {
    if (pattern == null) {
      return Optional.empty();
    }
    try {
      formatter(pattern);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** {@code y} (year of era) becomes {@code u} (year) outside quoted text. */
  private static String properYear(String pattern) {
    StringBuilder proper = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      proper.append(!quoted && c == 'y' ? 'u' : c);
    }
    return proper.toString();
  }
}
