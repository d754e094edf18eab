package app.courtesy.web.api;

import app.courtesy.web.api.Problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
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
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodies implements MessageBodyReader<Object> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return JsonShapes.isChecked(type, genericType);
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
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

  /** The body as JSON, {@code null} when it is empty. */
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
    try (JsonReader reader =
        Json.createReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      JsonLocation at = e.getLocation();
      throw unreadable(
          "The request body is not valid JSON"
              + (at == null
                  ? ""
                  : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber())
              + ": "
              + e.getMessage());
    } catch (JsonException e) {
      WebApplicationException tooLarge = ApiErrors.cause(e, WebApplicationException.class);
      if (tooLarge != null) {
        throw tooLarge;
      }
      throw unreadable("The request body is not valid JSON: " + rootMessage(e));
    }
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
