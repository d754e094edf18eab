package app.courtesy.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date from 1900 to ten years after today (see {@link Plausible#date}), today on the validator's
 * clock. {@code null} is valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = PlausibleDate.Validator.class)
public @interface PlausibleDate {

  String message() default "must be a plausible date";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlausibleDate, LocalDate> {

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      LocalDate today = LocalDate.now(context.getClockProvider().getClock());
      return Violations.report(Plausible.date(value, today), context);
    }
  }
}
