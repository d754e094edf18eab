package app.courtesy.system;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Holds every call the system tests make to the API to the OpenAPI document the server serves
 * ({@code /openapi}): each response is checked against what the document says of its operation and
 * status, and the request too when the server took it (2xx) — tests that send bad input on purpose
 * still have their error answers checked. A call to a path or method the document does not have is
 * left alone: it probes what is not in the contract. A mismatch fails the test, naming the call.
 */
final class ApiContract {

  private static final String API = "/api/v1";

  private static String document;
  private static OpenApiInteractionValidator validator;

  private ApiContract() {}

  /** The document as the server serves it to a signed-in caller, read once. */
  static synchronized String servedDocument() {
    if (document == null) {
      HttpResponse<String> served =
          Courtesy.anonymous().get("/openapi", "integration", Courtesy.INTEGRATION_PASSWORD);
      if (served.statusCode() != 200) {
        throw new IllegalStateException(
            "/openapi answered " + served.statusCode() + ": " + served.body());
      }
      document = served.body();
    }
    return document;
  }

  private static synchronized OpenApiInteractionValidator validator() {
    if (validator == null) {
      validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(servedDocument())
              .withBasePathOverride(API)
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                      .withLevel(
                          "validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                      // a browser's session from the login page opens the API too (the
                      // reference page's "Try it out"); the document names Basic for clients
                      .withLevel(
                          "validation.request.security.missing", ValidationReport.Level.IGNORE)
                      // the API ignores fields it does not take, so a client may send back what
                      // it read (its version, when it was updated); answers stay strict
                      .withLevel(
                          "validation.request.body.schema.additionalProperties",
                          ValidationReport.Level.IGNORE)
                      .build())
              .build();
    }
    return validator;
  }

  /** Fails when {@code request} to the API, or its {@code response}, is not as documented. */
  static void check(HttpRequest request, HttpResponse<String> response) {
    URI uri = request.uri();
    if (!uri.getPath().startsWith(API + "/")) {
      return;
    }
    Request.Method method = Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT));
    SimpleResponse.Builder answer =
        SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
    response.headers().map().forEach(answer::withHeader);
    boolean taken = response.statusCode() >= 200 && response.statusCode() < 300;
    ValidationReport report;
    if (taken) {
      SimpleRequest.Builder sent = new SimpleRequest.Builder(method, uri.getPath());
      request.headers().map().forEach(sent::withHeader);
      String body = body(request);
      if (body != null && !body.isEmpty()) {
        sent.withBody(body);
      }
      if (uri.getRawQuery() != null) {
        for (String pair : uri.getRawQuery().split("&")) {
          int equals = pair.indexOf('=');
          String name = decode(equals < 0 ? pair : pair.substring(0, equals));
          String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
          sent.withQueryParam(name, value);
        }
      }
      report = validator().validate(sent.build(), answer.build());
    } else {
      report = validator().validateResponse(uri.getPath(), method, answer.build());
    }
    if (report.hasErrors()) {
      throw new AssertionError(
          request.method()
              + " "
              + uri
              + " answered "
              + response.statusCode()
              + ", which the OpenAPI document (/openapi) does not allow:\n"
              + report.getMessages().stream()
                  .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                  .map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                  .collect(Collectors.joining("\n"))
              + "\nResponse body: "
              + response.body());
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The body {@code request} sent, as text; null without one. */
  private static String body(HttpRequest request) {
    if (request.bodyPublisher().isEmpty()) {
      return null;
    }
    CompletableFuture<byte[]> read = new CompletableFuture<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    request
        .bodyPublisher()
        .get()
        .subscribe(
            new Flow.Subscriber<ByteBuffer>() {
              @Override
              public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer buffer) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
              }

              @Override
              public void onError(Throwable error) {
                read.completeExceptionally(error);
              }

              @Override
              public void onComplete() {
                read.complete(bytes.toByteArray());
              }
            });
    try {
      return new String(read.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The request's body could not be read again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
