package app.courtesy.shared.validation;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Turns a problem found by {@link Plausible} into the violation a constraint reports. */
final class Violations {

  private Violations() {}

  /** {@code true} when there is no problem; otherwise the problem replaces the default message. */
  static boolean report(Optional<String> problem, ConstraintValidatorContext context) {
    if (problem.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(escaped(problem.get())).addConstraintViolation();
    return false;
  }

  /** The message as a literal: no parameter or expression in it is interpolated. */
  static String escaped(String message) {
    return message
        .replace("\\", "\\\\")
        .replace("{", "\\{")
        .replace("}", "\\}")
        .replace("$", "\\$");
  }
}
