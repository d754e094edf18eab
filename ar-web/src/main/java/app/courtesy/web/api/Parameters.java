package app.courtesy.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query and path parameters of type {@link LocalDate}, written as ISO dates (2026-11-23). */
@Provider
public class DateParameters implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(Class<T> type, Type generic, Annotation[] annotations) {
    if (type != LocalDate.class) {
      return null;
    }
    return (ParamConverter<T>)
        new ParamConverter<LocalDate>() {
          @Override
          public LocalDate fromString(String value) {
            if (value == null || value.isBlank()) {
              return null;
            }
            try {
              return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
              throw new WebApplicationException(
                  ApiErrors.response(
                      Problem.of(
                          400, "Bad Request", "Dates are written like 2026-11-23, not " + value)));
            }
          }

          @Override
          public String toString(LocalDate value) {
            return value.toString();
          }
        };
  }
}
