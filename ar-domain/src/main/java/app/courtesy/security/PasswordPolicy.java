package app.courtesy.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What a password a person chooses must be (OWASP ASVS 2.1): {@value #MIN_LENGTH} to {@value
 * #MAX_LENGTH} characters, any characters and no composition rules, not only spaces, not the
 * person's own username or name, and not easy to guess. "Easy to guess" is nbvcxz's estimate with
 * its own dictionaries of breached and common passwords, words, names, keyboard patterns, dates and
 * repeats: below its minimum entropy the password is refused with nbvcxz's own advice.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  /** Loads the dictionaries once, on first use; an estimate keeps no state between calls. */
  private static final class Estimator {
    private static final Nbvcxz NBVCXZ = new Nbvcxz();
  }

  private PasswordPolicy() {}

  /**
   * What is wrong with {@code password}, in words that follow the field's name, or empty when it
   * may be used.
   *
   * @param personal the person's username and name: no part of four or more letters may appear
   */
  public static Optional<String> problem(String password, String... personal) {
    if (password == null) {
      return Optional.of("must not be empty");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return Optional.of(
          "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long");
    }
    if (password.isBlank()) {
      return Optional.of("must not be only spaces");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    boolean personalWord =
        Arrays.stream(personal)
            .filter(word -> word != null)
            .flatMap(word -> Arrays.stream(word.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
            .anyMatch(part -> part.length() >= 4 && lower.contains(part));
    if (personalWord) {
      return Optional.of("must not contain your username or name");
    }
    Result estimate = Estimator.NBVCXZ.estimate(password);
    if (estimate.isMinimumEntropyMet()) {
      return Optional.empty();
    }
    Feedback feedback = estimate.getFeedback();
    StringBuilder advice = new StringBuilder("is too easy to guess");
    if (feedback.getWarning() != null) {
      advice.append(": ").append(feedback.getWarning());
    } else {
      advice.append('.');
    }
    feedback.getSuggestion().stream().limit(2).forEach(s -> advice.append(' ').append(s));
    advice.append(" A few unrelated words make a good password.");
    return Optional.of(advice.toString());
  }
}
