package app.courtesy.web.api;

import app.courtesy.shared.Money;
import app.courtesy.shared.validation.Plausible;
import app.courtesy.web.api.Problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a JSON value has the shape of the Java type it is bound to, every problem named by its
 * path ({@code dueDate}, {@code lines[2].amount}, {@code [3].dueDate}): objects for records, arrays
 * for lists, {@code true}/{@code false} for booleans (never {@code "yes"}), numbers that fit for
 * integers, ISO dates that exist ({@code 2026-02-30} does not), enum constants by name. Amounts
 * ({@link BigDecimal}) may be written as a number or as a decimal string ({@code "12.50"}).
 * Properties the type does not have are left alone, as JSON-B leaves them.
 */
final class JsonShapes {

  /**
   * Each record's components, asked of its class once: the class copies them on every asking, which
   * a batch of a thousand invoices would pay a thousand times.
   */
  private static final ClassValue<List<RecordComponent>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
          return List.of(type.getRecordComponents());
        }
      };

  private JsonShapes() {}

  /** Whether bodies of this type are read and checked here: the API's own types and lists. */
  static boolean isChecked(Class<?> type, Type genericType) {
    if (Collection.class.isAssignableFrom(type)) {
      return genericType instanceof ParameterizedType parameterized
          && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
          && isOwn(element);
    }
    return isOwn(type);
  }

  private static boolean isOwn(Class<?> type) {
    return type.getName().startsWith("app.courtesy.") && type.isRecord();
  }

  /** Every problem of {@code json} as a {@code type}, by path. */
  static List<FieldError> check(JsonValue json, Type type) {
    List<FieldError> errors = new ArrayList<>();
    check(json, type, "", errors, 0);
    return errors;
  }

  private static void check(
      JsonValue json, Type type, String path, List<FieldError> errors, int depth) {
    if (json == null || json.getValueType() == JsonValue.ValueType.NULL || depth > 32) {
      return;
    }
    Class<?> raw = raw(type);
    if (raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
      return;
    }
    if (json instanceof JsonString text) {
      Plausible.nul(text.getString())
          .ifPresent(problem -> errors.add(new FieldError(path, problem)));
    }
    if (raw == String.class) {
      expect(json instanceof JsonString, path, "must be text in quotes", errors);
    } else if (raw == Boolean.class || raw == boolean.class) {
      expect(
          json == JsonValue.TRUE || json == JsonValue.FALSE,
          path,
          "must be true or false (without quotes)",
          errors);
    } else if (raw == BigDecimal.class) {
      checkDecimal(json, path, errors);
    } else if (raw == Integer.class || raw == int.class) {
      checkWhole(json, path, errors, Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (raw == Long.class || raw == long.class) {
      checkWhole(json, path, errors, Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (raw == Short.class || raw == short.class) {
      checkWhole(json, path, errors, Short.MIN_VALUE, Short.MAX_VALUE);
    } else if (raw == Double.class || raw == double.class) {
      expect(
          json instanceof JsonNumber number && Double.isFinite(number.doubleValue()),
          path,
          "must be a number",
          errors);
    } else if (raw == LocalDate.class) {
      checkText(json, path, errors, "must be a date written like 2026-11-23", LocalDate::parse);
    } else if (raw == OffsetDateTime.class) {
      checkText(
          json,
          path,
          errors,
          "must be a time written like 2026-11-24T14:00:00Z",
          OffsetDateTime::parse);
    } else if (raw == Instant.class) {
      checkText(
          json, path, errors, "must be a time written like 2026-11-24T14:00:00Z", Instant::parse);
    } else if (raw.isEnum()) {
      checkEnum(json, raw, path, errors);
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (!(json instanceof JsonArray array)) {
        errors.add(new FieldError(path, "must be a list in [brackets]"));
        return;
      }
      Type element = typeArgument(type, 0);
      for (int i = 0; i < array.size(); i++) {
        check(array.get(i), element, path + "[" + i + "]", errors, depth + 1);
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (!(json instanceof JsonObject object)) {
        errors.add(new FieldError(path, "must be an object in {braces}"));
        return;
      }
      Type value = typeArgument(type, 1);
      object.forEach((key, item) -> check(item, value, join(path, key), errors, depth + 1));
    } else if (raw == Money.class) {
      if (!(json instanceof JsonObject object)) {
        errors.add(
            new FieldError(
                path, "must be an object such as {\"amount\": \"12.50\", \"currency\": \"EUR\"}"));
        return;
      }
      checkDecimal(object.get("amount"), join(path, "amount"), errors);
      check(object.get("currency"), String.class, join(path, "currency"), errors, depth + 1);
    } else if (raw.isRecord()) {
      if (!(json instanceof JsonObject object)) {
        errors.add(new FieldError(path, "must be an object in {braces}"));
        return;
      }
      for (RecordComponent component : COMPONENTS.get(raw)) {
        check(
            object.get(component.getName()),
            component.getGenericType(),
            join(path, component.getName()),
            errors,
            depth + 1);
      }
    } else if (raw.getName().startsWith("app.courtesy.")) {
      if (!(json instanceof JsonObject object)) {
        errors.add(new FieldError(path, "must be an object in {braces}"));
        return;
      }
      for (Field field : raw.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          check(
              object.get(field.getName()),
              field.getGenericType(),
              join(path, field.getName()),
              errors,
              depth + 1);
        }
      }
    }
  }

  private static void checkDecimal(JsonValue json, String path, List<FieldError> errors) {
    if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    if (json instanceof JsonNumber number) {
      if (Math.abs((long) number.bigDecimalValue().scale()) > 1000) {
        errors.add(new FieldError(path, "must be an amount such as \"12.50\""));
      }
      return;
    }
    if (json instanceof JsonString text) {
      try {
        BigDecimal value = new BigDecimal(text.getString().strip());
        if (Math.abs((long) value.scale()) > 1000) {
          errors.add(new FieldError(path, "must be an amount such as \"12.50\""));
        }
      } catch (NumberFormatException e) {
        errors.add(new FieldError(path, "must be an amount such as \"12.50\""));
      }
      return;
    }
    errors.add(new FieldError(path, "must be an amount such as \"12.50\""));
  }

  private static void checkWhole(
      JsonValue json, String path, List<FieldError> errors, long min, long max) {
    boolean fits = false;
    if (json instanceof JsonNumber number) {
      BigDecimal value = number.bigDecimalValue();
      // a whole number of at most 19 digits; 1e100000000 is refused without being written out
      if (value.precision() - value.scale() <= 19
          && (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0)) {
        try {
          BigInteger whole = value.toBigIntegerExact();
          fits =
              whole.compareTo(BigInteger.valueOf(min)) >= 0
                  && whole.compareTo(BigInteger.valueOf(max)) <= 0;
        } catch (ArithmeticException notWhole) {
          fits = false;
        }
      }
    }
    expect(fits, path, "must be a whole number from " + min + " to " + max, errors);
  }

  private static void checkText(
      JsonValue json,
      String path,
      List<FieldError> errors,
      String message,
      java.util.function.Function<String, ?> parse) {
    if (json instanceof JsonString text) {
      try {
        parse.apply(text.getString());
        return;
      } catch (DateTimeException e) {
        // reported below
      }
    }
    errors.add(new FieldError(path, message));
  }

  private static void checkEnum(
      JsonValue json, Class<?> type, String path, List<FieldError> errors) {
    List<String> names =
        Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    if (json instanceof JsonString text && names.contains(text.getString())) {
      return;
    }
    errors.add(
        new FieldError(path, "must be one of " + names.stream().collect(Collectors.joining(", "))));
  }

  private static void expect(boolean ok, String path, String message, List<FieldError> errors) {
    if (!ok) {
      errors.add(new FieldError(path, message));
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return raw(parameterized.getRawType());
    }
    if (type instanceof WildcardType wildcard && wildcard.getUpperBounds().length > 0) {
      return raw(wildcard.getUpperBounds()[0]);
    }
    return null;
  }

  private static Type typeArgument(Type type, int index) {
    return type instanceof ParameterizedType parameterized
            && parameterized.getActualTypeArguments().length > index
        ? parameterized.getActualTypeArguments()[index]
        : Object.class;
  }
}
