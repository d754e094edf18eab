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

/**
 * Text without control characters or bidirectional overrides (see {@link Plausible#text}); one line
 * unless {@code multiline}. {@code null} is valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

  /** Whether line breaks and tabs are allowed (notes, reasons). */
  boolean multiline() default false;

  String message() default "must be plain text";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, String> {

    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
      multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return Violations.report(
          multiline ? Plausible.multilineText(value) : Plausible.text(value), context);
    }
  }
}
