package app.courtesy.shared.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * On a record with a {@code currency} component (an ISO code): its {@code amount}, and the {@code
 * amount} of each item of its {@code allocations}, have no more decimals than the currency (see
 * {@link Plausible#decimals}). Each violation names its field: {@code amount}, {@code
 * allocations[2].amount}.
 *
 * <pre>
 * &#64;AmountsInCurrency
 * public record PaymentData(..., String currency, BigDecimal amount, List&lt;InvoicePart&gt; allocations)
 * </pre>
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = AmountsInCurrency.Validator.class)
public @interface AmountsInCurrency {

  String message() default "has more decimals than its currency";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<AmountsInCurrency, Record> {

    @Override
    public boolean isValid(Record value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      Object currency = component(value, "currency");
      if (!(currency instanceof String code)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      Optional<String> problem = decimals(component(value, "amount"), code);
      if (problem.isPresent()) {
        valid = false;
        context
            .buildConstraintViolationWithTemplate(Violations.escaped(problem.get()))
            .addPropertyNode("amount")
            .addConstraintViolation();
      }
      if (component(value, "allocations") instanceof List<?> parts) {
        for (int i = 0; i < parts.size(); i++) {
          Optional<String> partProblem =
              parts.get(i) instanceof Record part
                  ? decimals(component(part, "amount"), code)
                  : Optional.empty();
          if (partProblem.isPresent()) {
            valid = false;
            context
                .buildConstraintViolationWithTemplate(Violations.escaped(partProblem.get()))
                .addPropertyNode("allocations")
                .addPropertyNode("amount")
                .inIterable()
                .atIndex(i)
                .addConstraintViolation();
          }
        }
      }
      return valid;
    }

    private static Optional<String> decimals(Object amount, String currency) {
      return amount instanceof BigDecimal decimal
          ? Plausible.decimals(decimal, currency)
          : Optional.empty();
    }

    /**
     * Each record class's component accessors by name, looked up once: asking a class for its
     * record components copies them every time, which over a file of 100,000 rows cost more than
     * the checks themselves.
     */
    private static final ClassValue<Map<String, Method>> ACCESSORS =
        new ClassValue<>() {
          @Override
          protected Map<String, Method> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                .collect(
                    Collectors.toUnmodifiableMap(RecordComponent::getName, c -> c.getAccessor()));
          }
        };

    private static Object component(Record record, String name) {
      Method accessor = ACCESSORS.get(record.getClass()).get(name);
      if (accessor == null) {
        return null;
      }
      try {
        return accessor.invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + record, e);
      }
    }
  }
}
