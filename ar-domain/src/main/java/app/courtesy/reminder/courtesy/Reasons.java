package app.courtesy.reminder.courtesy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Why a finding matters and what to write instead, from {@code courtesy/reasons.properties}: {@code
 * <reason>.why} in the staff's words, {@code <reason>.suggest.<language>} a courteous wording in
 * the message's language. A reason is a lexicon line's reason or a {@link Rule}'s name.
 */
final class Reasons {

  private static final Properties REASONS = new Properties();

  static {
    try (InputStream in = Reasons.class.getResourceAsStream("/courtesy/reasons.properties")) {
      REASONS.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Reasons() {}

  static String why(String reason) {
    return get(reason + ".why");
  }

  static String suggestion(String reason, Language language) {
    return get(reason + ".suggest." + language.code());
  }

  /** Whether the reason is explained, with a suggestion in every language. */
  static boolean explains(String reason) {
    if (!REASONS.containsKey(reason + ".why")) {
      return false;
    }
    for (Language language : Language.values()) {
      if (!REASONS.containsKey(reason + ".suggest." + language.code())) {
        return false;
      }
    }
    return true;
  }

  private static String get(String key) {
    String value = REASONS.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("courtesy/reasons.properties has no " + key);
    }
    return value;
  }
}
