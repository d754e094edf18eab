package app.courtesy.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployed application, as a client on 127.0.0.1 sees it. The build starts Payara Server with
 * the EAR and the demo book before the system tests, and passes its URL as {@code courtesy.url}.
 */
final class Courtesy {

  static final String URL = System.getProperty("courtesy.url", "http://127.0.0.1:20080");

  /** The demo sign-ins (see DemoBook). */
  static final String COLLECTOR_PASSWORD = "collect-politely";

  static final String APPROVER_PASSWORD = "approve-fairly";
  static final String ADMIN_PASSWORD = "admin-carefully";
  static final String INTEGRATION_PASSWORD = "integrate-safely";

  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final HttpClient http;

  private Courtesy(HttpClient http) {
    this.http = http;
  }

  /**
   * Creates an account of the test's own through the API, as the demo administrator, and fails the
   * test if it is refused.
   */
  static void createAccount(String username, String displayName, String password, String... roles) {
    HttpResponse<String> created =
        anonymous()
            .postJson(
                "/api/v1/users",
                "{\"username\":\""
                    + username
                    + "\",\"displayName\":\""
                    + displayName
                    + "\",\"password\":\""
                    + password
                    + "\",\"roles\":[\""
                    + String.join("\",\"", roles)
                    + "\"]}",
                "admin",
                ADMIN_PASSWORD);
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "Creating " + username + " answered " + created.statusCode() + ": " + created.body());
    }
  }

  /** A client without cookies: every call stands alone, as an integration's would. */
  static Courtesy anonymous() {
    return new Courtesy(HttpClient.newBuilder().build());
  }

  /** A browser-like client that keeps its session cookie but has not signed in. */
  static Courtesy signedOut() {
    return new Courtesy(HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
  }

  /** A browser-like client that signed in through the login form and keeps its session cookie. */
  static Courtesy signedIn(String username, String password) {
    Courtesy client =
        new Courtesy(HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    HttpResponse<String> form = client.get("/login.xhtml");
    Matcher viewState = VIEW_STATE.matcher(form.body());
    if (!viewState.find()) {
      throw new IllegalStateException("The login page has no form state:\n" + form.body());
    }
    String body =
        "login=login&login%3Ausername="
            + username
            + "&login%3Apassword="
            + password
            + "&login%3Asign-in=&jakarta.faces.ViewState="
            + java.net.URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signIn =
        client.send(
            request("/login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (signIn.statusCode() != 302) {
      throw new IllegalStateException(
          "Signing in as " + username + " answered " + signIn.statusCode());
    }
    return client;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> get(String path, String username, String password) {
    return send(request(path).header("Authorization", basic(username, password)).GET());
  }

  /** A GET that asks for one media type, e.g. {@code application/pdf}. */
  HttpResponse<String> get(String path, String accept, String username, String password) {
    return send(
        request(path)
            .header("Authorization", basic(username, password))
            .header("Accept", accept)
            .GET());
  }

  /** A GET with headers of its own, e.g. those a proxy in front adds. */
  HttpResponse<String> get(String path, java.util.Map<String, String> headers) {
    HttpRequest.Builder request = request(path);
    headers.forEach(request::header);
    return send(request.GET());
  }

  /** A POST of JSON without signing in, with headers of its own (a webhook's secret). */
  HttpResponse<String> postJson(String path, String json, java.util.Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return send(request);
  }

  HttpResponse<String> postJson(String path, String json, String username, String password) {
    return send(jsonPost(path, json, username, password));
  }

  /** A POST of {@code body} as {@code contentType}. */
  HttpResponse<String> post(
      String path, String contentType, String body, String username, String password) {
    return send(
        request(path)
            .header("Authorization", basic(username, password))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> postJson(
      String path, String json, String username, String password, String idempotencyKey) {
    return send(jsonPost(path, json, username, password).header("Idempotency-Key", idempotencyKey));
  }

  /** A POST with the version of what it changes, as read, in {@code If-Match}. */
  HttpResponse<String> postJsonIfMatch(
      String path, String json, String username, String password, String version) {
    return send(jsonPost(path, json, username, password).header("If-Match", version));
  }

  HttpResponse<String> putJson(String path, String json, String username, String password) {
    return send(
        request(path)
            .header("Authorization", basic(username, password))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A PUT with the version of what it changes, as read, in {@code If-Match}. */
  HttpResponse<String> putJsonIfMatch(
      String path, String json, String username, String password, String version) {
    return send(
        request(path)
            .header("Authorization", basic(username, password))
            .header("Content-Type", "application/json")
            .header("If-Match", version)
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The version of what {@code path} reads, as an {@code If-Match} for its next change. */
  String version(String path, String username, String password) {
    HttpResponse<String> read = get(path, username, password);
    Matcher version = VERSION.matcher(read.body());
    if (read.statusCode() != 200 || !version.find()) {
      throw new IllegalStateException(
          path + " answered " + read.statusCode() + " without a version: " + read.body());
    }
    return version.group(1);
  }

  /**
   * Any request: {@code method} on {@code path} as {@code username}, with a body of {@code
   * contentType} (none when {@code contentType} is empty) and extra headers as name, value pairs.
   */
  HttpResponse<String> exchange(
      String method,
      String path,
      String username,
      String password,
      String contentType,
      HttpRequest.BodyPublisher body,
      String... headers) {
    HttpRequest.Builder request = request(path).header("Authorization", basic(username, password));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("Expect")) {
        request.expectContinue(true); // the client sets the header itself
      } else {
        request.header(headers[i], headers[i + 1]);
      }
    }
    // HTTP/1.1 throughout: a large body must not wait on an upgrade to HTTP/2 the server refuses
    return send(request.version(HttpClient.Version.HTTP_1_1).method(method, body));
  }

  /** A POST of a form to a page, as the browser sends it, without following redirects. */
  HttpResponse<String> postForm(String path, String form) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A POST of a multipart form (an upload) to a page, as the browser sends it. */
  HttpResponse<String> postMultipart(String path, String boundary, byte[] body) {
    return send(
        request(path)
            .version(HttpClient.Version.HTTP_1_1)
            .expectContinue(true)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** The form state of a page this client read, for posting one of its forms. */
  static String viewState(String page) {
    Matcher viewState = VIEW_STATE.matcher(page);
    if (!viewState.find()) {
      throw new IllegalStateException("The page has no form state:\n" + page);
    }
    return viewState.group(1);
  }

  HttpResponse<String> delete(String path, String username, String password) {
    return send(request(path).header("Authorization", basic(username, password)).DELETE());
  }

  private static HttpRequest.Builder jsonPost(
      String path, String json, String username, String password) {
    return request(path)
        .header("Authorization", basic(username, password))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(URL + path));
  }

  /** Sends the request; a call to the API is held to its OpenAPI document (see ApiContract). */
  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpRequest built = request.build();
      HttpResponse<String> response = http.send(built, BodyHandlers.ofString());
      ApiContract.check(built, response);
      return response;
    } catch (IOException e) {
      throw new IllegalStateException("Courtesy at " + URL + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
