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
 * The number of a customer, invoice, credit note or contact: one line of plain text without {@code
 * / \ ? #} (see {@link Plausible#number}); with {@code spreadsheetSafe}, also not starting like a
 * spreadsheet formula. {@code null} is valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = DocumentNumber.Validator.class)
public @interface DocumentNumber {

  /** Whether a leading {@code = + - @}, tab or carriage return is refused. */
  boolean spreadsheetSafe() default false;

  String message() default "must be a plain number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<DocumentNumber, String> {

    private boolean spreadsheetSafe;

    @Override
    public void initialize(DocumentNumber annotation) {
      spreadsheetSafe = annotation.spreadsheetSafe();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return Violations.report(
          Plausible.number(value)
              .or(
                  () ->
                      spreadsheetSafe
                          ? Plausible.spreadsheetSafe(value)
                          : java.util.Optional.empty()),
          context);
    }
  }
}
