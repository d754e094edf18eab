package app.courtesy.web.api;

import app.courtesy.web.api.Problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads every JSON body of the API in two steps, so that whatever is wrong is named: first the text
 * is parsed (malformed JSON is refused with its line and column), then its shape is checked against
 * the type the resource takes ({@link JsonShapes}: a date that is no date, a string where a number
 * belongs, {@code "yes"} for a boolean, are refused with their path such as {@code dueDate}, {@code
 * lines[2].amount} or {@code [3].dueDate} in a batch), and only then is it bound with the API's
 * JSON-B configuration.
 */
public final class JsonBodies {

  private JsonBodies() {}

  /**
   * Bodies that are one record ({@code InvoiceData}, {@code ProposalRequest}, …). Declared for
   * {@link Record} rather than {@link Object}, so that it is closer to the body's type than the
   * runtime's own JSON-B reader and is chosen over it.
   */
  @Provider
  @Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
  public static class OneItem implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return JsonShapes.isChecked(type, genericType);
    }

    @Override
    public Record readFrom(
        Class<Record> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, String> headers,
        InputStream body) {
      return (Record) read(type, genericType, body);
    }
  }

  /** Bodies that are a list of records: a batch ({@code List<InvoiceData>}, …). */
  @Provider
  @Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
  public static class Batch implements MessageBodyReader<List<?>> {

    @Override
    public boolean isReadable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return List.class.isAssignableFrom(type) && JsonShapes.isChecked(type, genericType);
    }

    @Override
    public List<?> readFrom(
        Class<List<?>> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, String> headers,
        InputStream body) {
      return (List<?>) read(type, genericType, body);
    }
  }

  /** Parses, checks and binds a body of {@code type}; {@code null} for an empty body. */
  static Object read(Class<?> type, Type genericType, InputStream body) {
    JsonValue json = parse(body);
    if (json == null) {
      return null;
    }
    List<FieldError> errors = JsonShapes.check(json, genericType == null ? type : genericType);
    if (!errors.isEmpty()) {
      throw new WebApplicationException(
          ApiErrors.response(
              new Problem(
                  400,
                  "Bad Request",
                  "The request body has values of the wrong kind; each is named below.",
                  errors)));
    }
    try {
      return JsonConfiguration.JSONB.fromJson(json.toString(), genericType(type, genericType));
    } catch (JsonbException e) {
      throw unreadable("The request body does not fit what this path takes: " + rootMessage(e));
    }
  }

  /** The body as JSON, {@code null} when it is empty or blank. */
  private static JsonValue parse(InputStream body) {
    byte[] start = new byte[1];
    java.io.PushbackInputStream in = new java.io.PushbackInputStream(body, 1);
    try {
      int first = in.read(start);
      if (first <= 0) {
        return null;
      }
      in.unread(start, 0, first);
    } catch (IOException e) {
      throw unreadable("The request body could not be read.");
    }
    try (JsonParser parser =
        Json.createParser(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        parser.next();
        throw unreadable(
            "The request body is not valid JSON"
                + at(parser.getLocation())
                + ": there is more after the end of its value.");
      }
      return value;
    } catch (java.util.NoSuchElementException blank) {
      return null;
    } catch (JsonParsingException e) {
      throw unreadable(
          "The request body is not valid JSON" + at(e.getLocation()) + ": " + e.getMessage());
    } catch (JsonException e) {
      WebApplicationException tooLarge = ApiErrors.cause(e, WebApplicationException.class);
      if (tooLarge != null) {
        throw tooLarge;
      }
      throw unreadable("The request body is not valid JSON: " + rootMessage(e));
    }
  }

  private static String at(JsonLocation location) {
    return location == null
        ? ""
        : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  private static Type genericType(Class<?> type, Type genericType) {
    return genericType instanceof ParameterizedType || genericType instanceof Class<?>
        ? genericType
        : type;
  }

  private static WebApplicationException unreadable(String detail) {
    return new WebApplicationException(ApiErrors.response(Problem.of(400, "Bad Request", detail)));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }
}
