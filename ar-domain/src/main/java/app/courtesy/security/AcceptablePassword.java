package app.courtesy.security;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A new account's password follows the {@link PasswordPolicy}; the violation names "password". It
 * belongs to the {@link Chosen} group: checked where a person chooses the password, not for the
 * demo book's published sign-ins.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Check.class)
public @interface AcceptablePassword {

  String message() default "is not an acceptable password";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The validation group of passwords a person chooses. */
  interface Chosen {}

  /** Checks a {@link NewUser}. */
  class Check implements ConstraintValidator<AcceptablePassword, NewUser> {

    @Override
    public boolean isValid(NewUser user, ConstraintValidatorContext context) {
      if (user == null || user.password() == null) {
        return true;
      }
      return PasswordPolicy.problem(user.password(), user.username(), user.displayName())
          .map(
              problem -> {
                context.disableDefaultConstraintViolation();
                context
                    .buildConstraintViolationWithTemplate(escaped(problem))
                    .addPropertyNode("password")
                    .addConstraintViolation();
                return false;
              })
          .orElse(true);
    }

    /** The words as a message template that interpolates nothing. */
    private static String escaped(String words) {
      return words
          .replace("\\", "\\\\")
          .replace("{", "\\{")
          .replace("}", "\\}")
          .replace("$", "\\$");
    }
  }
}
