package app.courtesy.web.api;

import app.courtesy.web.api.Problem.FieldError;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query and path parameters of the API: dates (ISO, 2026-11-23), whole numbers and enum constants.
 * A query parameter that cannot be read is a {@code 400} naming it and what it takes ({@code limit
 * must be a whole number}, {@code status must be one of OPEN, CLOSED}); a path parameter that
 * cannot be read is a {@code 404} naming it, since nothing can be at such a path.
 */
@Provider
public class Parameters implements ParamConverterProvider {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(Class<T> type, Type generic, Annotation[] annotations) {
    Name name = name(annotations);
    if (name == null) {
      return null;
    }
    if (type == LocalDate.class) {
      return (ParamConverter<T>)
          new Converter<>(name, "must be a date written like 2026-11-23", LocalDate::parse);
    }
    if (type == Integer.class || (type == int.class && name.inPath())) {
      return (ParamConverter<T>)
          new Converter<>(name, "must be a whole number", v -> Integer.valueOf(v.strip()));
    }
    if (type == Long.class || (type == long.class && name.inPath())) {
      return (ParamConverter<T>)
          new Converter<>(name, "must be a whole number", v -> Long.valueOf(v.strip()));
    }
    if (type.isEnum()) {
      List<String> names =
          Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
      return (ParamConverter<T>)
          new Converter<>(
              name,
              "must be one of " + names.stream().collect(Collectors.joining(", ")),
              v -> Enum.valueOf((Class) type, v.strip()));
    }
    return null;
  }

  /** The name of a parameter and whether it is part of the path. */
  record Name(String value, boolean inPath) {}

  private static Name name(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof QueryParam query) {
        return new Name(query.value(), false);
      }
      if (annotation instanceof PathParam path) {
        return new Name(path.value(), true);
      }
      if (annotation instanceof HeaderParam header) {
        return new Name(header.value(), false);
      }
      if (annotation instanceof FormParam form) {
        return new Name(form.value(), false);
      }
      if (annotation instanceof MatrixParam matrix) {
        return new Name(matrix.value(), false);
      }
      if (annotation instanceof CookieParam cookie) {
        return new Name(cookie.value(), false);
      }
    }
    return null;
  }

  /** The answer to a parameter that cannot be read: 400 for a query, 404 for a path. */
  static WebApplicationException unreadable(
      String name, boolean inPath, String rule, String value) {
    String said = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    if (inPath) {
      return new WebApplicationException(
          ApiErrors.response(
              new Problem(
                  404,
                  "Not Found",
                  "There is nothing at this path: " + name + " " + rule + ", not '" + said + "'.",
                  List.of(new FieldError(name, rule)))));
    }
    return new WebApplicationException(
        ApiErrors.response(
            new Problem(
                400,
                "Bad Request",
                "The parameter " + name + " " + rule + ", not '" + said + "'.",
                List.of(new FieldError(name, rule)))));
  }

  private static final class Converter<V> implements ParamConverter<V> {

    private final Name name;
    private final String rule;
    private final Function<String, V> parse;

    Converter(Name name, String rule, Function<String, V> parse) {
      this.name = name;
      this.rule = rule;
      this.parse = parse;
    }

    @Override
    public V fromString(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw unreadable(name.value(), name.inPath(), rule, value);
      }
    }

    @Override
    public String toString(V value) {
      return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
    }
  }
}
