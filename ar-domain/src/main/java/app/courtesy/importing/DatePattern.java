package app.courtesy.importing;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How a file writes its dates, e.g. {@code M/d/yyyy} or {@code dd.MM.yyyy}: a pattern of {@link
 * DateTimeFormatter} that writes a whole date (year, month and day) and reads it back. Dates are
 * read strictly: {@code 2/30/2026} is no date, not the last day of February. {@code null} is valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = DatePattern.Validator.class)
public @interface DatePattern {

  String message() default "must be a date pattern such as yyyy-MM-dd or M/d/yyyy";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<DatePattern, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      Optional<String> problem = DatePatterns.problem(value);
      if (problem.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "must be a date pattern such as yyyy-MM-dd or M/d/yyyy: "
                  + problem
                      .get()
                      .replace("\\", "\\\\")
                      .replace("{", "\\{")
                      .replace("}", "\\}")
                      .replace("$", "\\$"))
          .addConstraintViolation();
      return false;
    }
  }
}
