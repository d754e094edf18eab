package app.courtesy.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The running application over HTTP: REST calls with HTTP Basic, and pages in a signed-in session
 * the way a browser drives them (a page, then its ajax requests). Every answer carries the time the
 * client waited and the time the server reported in its {@code Server-Timing} header.
 */
final class Application {

  /** An answer and how long it took, in milliseconds. */
  record Answer(int status, String body, double clientMillis, double serverMillis) {

    Answer requireStatus(int expected, String what) {
      if (status != expected) {
        throw new IllegalStateException(
            what + " answered " + status + " instead of " + expected + ":\n" + abbreviated());
      }
      return this;
    }

    private String abbreviated() {
      return body.length() > 2000 ? body.substring(0, 2000) + " …" : body;
    }
  }

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern PARTIAL_VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");

  /** The page's script nonce (PrimeFaces' CSP mode), which its ajax requests send back. */
  private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  private static final Pattern PARTIAL_NONCE = Pattern.compile("csp\\.init\\('([^']+)'\\)");
  private static final Pattern SERVER_TIMING = Pattern.compile("app;dur=([0-9.]+)");

  private final String url;
  private final String authorization;
  private final HttpClient http;
  private String viewState;
  private String nonce;

  private Application(String url, String user, String password, HttpClient http) {
    this.url = url;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.http = http;
  }

  /**
   * A client for the REST API: no session, credentials on every request, HTTP/1.1 as integrations
   * speak it (an upgraded HTTP/2 connection is closed under a request that runs for minutes).
   */
  static Application api(Settings settings) {
    return api(settings, settings.user(), settings.password());
  }

  /** A client for the REST API as {@code user}. */
  static Application api(Settings settings, String user, String password) {
    return api(settings.url(), user, password);
  }

  /** A client for the REST API of the application at {@code url} as {@code user}. */
  static Application api(String url, String user, String password) {
    return new Application(
        url, user, password, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
  }

  /** A browser of no one: a customer opening the link in a message, no session, no credentials. */
  static Application anonymous(Settings settings) {
    return new Application(settings.url(), "", "", HttpClient.newBuilder().build());
  }

  /** A browser-like client signed in through the login form as the benchmark's administrator. */
  static Application signedIn(Settings settings) {
    return signedIn(settings, settings.user(), settings.password());
  }

  /** A browser-like client signed in through the login form as {@code user}. */
  static Application signedIn(Settings settings, String user, String password) {
    Application app =
        new Application(
            settings.url(),
            user,
            password,
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    app.page("/login.xhtml");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:username", user);
    form.put("login:password", password);
    form.put("login:sign-in", "");
    form.put("jakarta.faces.ViewState", app.viewState);
    app.send(app.formPost("/login.xhtml", form), "Signing in").requireStatus(302, "Signing in");
    return app;
  }

  Answer postJson(String path, String json) {
    return send(jsonRequest(path).POST(BodyPublishers.ofString(json)), path);
  }

  /** Creates a user with one role through the API, unless they exist from an earlier run. */
  void createUser(String username, String displayName, String password, String role) {
    Answer created =
        postJson(
            "/api/v1/users",
            "{\"username\":\""
                + username
                + "\",\"displayName\":\""
                + displayName
                + "\",\"password\":\""
                + password
                + "\",\"roles\":[\""
                + role
                + "\"]}");
    if (created.status() != 409) {
      created.requireStatus(201, "Creating " + username);
    }
  }

  /** A change to something read at {@code version}, which the request names in If-Match. */
  Answer postJson(String path, String json, long version) {
    return send(
        jsonRequest(path)
            .header("If-Match", "\"" + version + "\"")
            .POST(BodyPublishers.ofString(json)),
        path);
  }

  Answer putJson(String path, String json) {
    return send(jsonRequest(path).PUT(BodyPublishers.ofString(json)), path);
  }

  Answer postCsv(String path, byte[] file) {
    return send(
        request(path)
            .header("Authorization", authorization)
            .header("Content-Type", "text/csv")
            .POST(BodyPublishers.ofByteArray(file)),
        path);
  }

  /** Opens a page that is not a form of the staff's (the customer's page): a GET, nothing kept. */
  Answer open(String path) {
    return send(request(path).GET(), path).requireStatus(200, path);
  }

  /** Opens a page in the session and keeps its view state for the ajax requests that follow. */
  Answer page(String path) {
    Answer answer = send(request(path).GET(), path).requireStatus(200, path);
    Matcher state = VIEW_STATE.matcher(answer.body());
    if (!state.find()) {
      throw new IllegalStateException(path + " has no view state:\n" + answer.body());
    }
    viewState = state.group(1);
    Matcher pageNonce = NONCE.matcher(answer.body());
    nonce = pageNonce.find() ? pageNonce.group(1) : null;
    return answer;
  }

  /**
   * Sends an ajax request of the page opened last, as PrimeFaces does: {@code parameters} are the
   * component's own (e.g. a data table's {@code _first}).
   */
  Answer ajax(String path, String form, String source, String event, Map<String, String> params) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("jakarta.faces.partial.ajax", "true");
    body.put("jakarta.faces.source", source);
    body.put("jakarta.faces.partial.execute", source);
    body.put("jakarta.faces.partial.render", source);
    body.put("jakarta.faces.behavior.event", event);
    body.put("jakarta.faces.partial.event", event);
    body.put(form, form);
    body.putAll(params);
    body.put("jakarta.faces.ViewState", viewState);
    if (nonce != null) {
      body.put("primefaces.nonce", nonce);
    }
    Answer answer =
        send(formPost(path, body).header("Faces-Request", "partial/ajax"), path + " " + event)
            .requireStatus(200, path + " " + event);
    if (answer.body().contains("<error>")) {
      throw new IllegalStateException(path + " " + event + " failed:\n" + answer.body());
    }
    Matcher state = PARTIAL_VIEW_STATE.matcher(answer.body());
    if (state.find()) {
      viewState = state.group(1);
    }
    Matcher partialNonce = PARTIAL_NONCE.matcher(answer.body());
    if (partialNonce.find()) {
      nonce = partialNonce.group(1);
    }
    return answer;
  }

  private HttpRequest.Builder formPost(String path, Map<String, String> fields) {
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(formBody(fields));
  }

  private HttpRequest.Builder jsonRequest(String path) {
    return request(path)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url + path));
  }

  private Answer send(HttpRequest.Builder request, String what) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
      double client = (System.nanoTime() - started) / 1e6;
      double server =
          response
              .headers()
              .firstValue("Server-Timing")
              .map(SERVER_TIMING::matcher)
              .filter(Matcher::find)
              .map(m -> Double.parseDouble(m.group(1)))
              .orElse(Double.NaN);
      return new Answer(response.statusCode(), response.body(), client, server);
    } catch (IOException e) {
      throw new IllegalStateException(what + ": Courtesy at " + url + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher formBody(Map<String, String> fields) {
    return BodyPublishers.ofString(
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
  }
}
