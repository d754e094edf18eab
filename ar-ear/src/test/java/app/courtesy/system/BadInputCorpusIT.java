package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request of the bad-input corpus ({@code bad-input/corpus.tsv}: bad values, wrong shapes,
 * malformed JSON, bad parameters and media types, bad CSV lines) against the deployed EAR: none is
 * answered 5xx, every answer is a 4xx that names what to fix (a field, a parameter, a line and
 * column), and none of them writes anything — the test's own customer, invoices and mappings are
 * the same afterwards, and nothing it named into being exists.
 */
class BadInputCorpusIT {

  private static final String AS_OF = "2026-11-23";
  private static final Pattern ERRORS = Pattern.compile("\"errors\":\\[\\{\"field\"");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String customer = "BI-" + tag;
  private final String invoice = "R-" + tag + "-0";

  /** One line of the corpus. */
  private record Request(
      int line,
      String method,
      String path,
      String user,
      String contentType,
      String expect,
      List<String> names,
      String body) {}

  @BeforeEach
  void ownLedger() {
    assertThat(
            json(
                    "POST",
                    "/api/v1/customers",
                    "{\"externalId\":\"E-"
                        + customer
                        + "\",\"number\":\""
                        + customer
                        + "\",\"name\":\"Corpus Supplies Ltd\",\"country\":\"GB\","
                        + "\"timeZone\":\"Europe/London\",\"locale\":\"en-GB\",\"currency\":\"GBP\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            json(
                    "POST",
                    "/api/v1/invoices",
                    "{\"externalId\":\"I-"
                        + invoice
                        + "\",\"number\":\""
                        + invoice
                        + "\",\"customerNumber\":\""
                        + customer
                        + "\",\"issueDate\":\"2026-10-01\",\"dueDate\":\"2026-10-31\","
                        + "\"currency\":\"GBP\",\"amount\":\"250.00\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            json(
                    "PUT",
                    "/api/v1/imports/mappings/corpus-" + tag,
                    "{\"invoiceNumber\":\"number\",\"customerNumber\":\"customer\","
                        + "\"issueDate\":\"issued\",\"dueDate\":\"due\",\"amount\":\"amount\","
                        + "\"currency\":\"currency\",\"datePattern\":\"M/d/yyyy\","
                        + "\"decimalComma\":false}")
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void everyBadRequestIsRefusedWithWhatToFixAndWritesNothing() {
    List<Request> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
    String before = ledger();

    List<String> failures = new ArrayList<>();
    for (Request request : corpus) {
      HttpResponse<String> answer = send(request);
      String problem = judge(request, answer);
      if (problem != null) {
        failures.add(
            "line "
                + request.line()
                + ": "
                + request.method()
                + " "
                + request.path()
                + " → "
                + answer.statusCode()
                + " "
                + problem
                + "\n    "
                + answer.body());
      }
    }

    assertThat(failures).as("requests answered without naming what to fix").isEmpty();
    assertThat(ledger()).as("what the refused requests would have written").isEqualTo(before);
  }

  @Test
  void aJsonBodyOverTheLimitIsRefusedBeforeItIsRead() {
    String before = ledger();
    byte[] item =
        ("{\"externalId\":\"I-"
                + tag
                + "-big\",\"number\":\"R-"
                + tag
                + "-big\",\"customerNumber\":\""
                + customer
                + "\",\"issueDate\":\"2026-10-01\",\"dueDate\":\"2026-10-31\","
                + "\"currency\":\"GBP\",\"amount\":\"1.00\"},")
            .getBytes(StandardCharsets.UTF_8);
    int copies = 9 * 1024 * 1024 / item.length + 1;

    // with its length declared, and sent in chunks without one
    HttpResponse<String> declared = postInvoices(BodyPublishers.ofByteArray(batchOf(item, copies)));
    HttpResponse<String> chunked =
        postInvoices(
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(batchOf(item, copies))));

    for (HttpResponse<String> answer : List.of(declared, chunked)) {
      assertThat(answer.statusCode()).isEqualTo(413);
      assertThat(answer.body()).contains("8 MiB");
    }
    assertThat(ledger()).isEqualTo(before);
  }

  @Test
  void anAnswerNobodyCanReadIsRefusedNamingWhatThePathAnswers() {
    HttpResponse<String> answer =
        api.exchange(
            "GET",
            "/api/v1/cases",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            "",
            BodyPublishers.noBody(),
            "Accept",
            "image/png");

    assertThat(answer.statusCode()).isEqualTo(406);
    assertThat(answer.body()).contains("application/json", "Accept");
  }

  @Test
  void aPageAskedForWithAnIdThatCannotBeOneIsNotFound() {
    Courtesy collector = Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD);
    Courtesy approver = Courtesy.signedIn("approver", Courtesy.APPROVER_PASSWORD);

    for (String page :
        List.of(
            "/cases/view.xhtml?id=abc",
            "/cases/view.xhtml?id=1.5",
            "/cases/view.xhtml?id=99999999999999999999",
            "/cases/view.xhtml",
            "/customers/view.xhtml?number=%2F..%2F",
            "/customers/view.xhtml",
            "/invoices/view.xhtml?number=%2F%3F",
            "/invoices/view.xhtml")) {
      assertThat(collector.get(page).statusCode()).as(page).isEqualTo(404);
    }
    for (String page : List.of("/approvals/view.xhtml?id=abc", "/approvals/view.xhtml")) {
      assertThat(approver.get(page).statusCode()).as(page).isEqualTo(404);
    }
  }

  @Test
  void aSignInFormPostedAfterItsSessionEndedShowsTheExpiredPage() {
    Courtesy yesterday = Courtesy.signedOut();
    String viewState = Courtesy.viewState(yesterday.get("/login.xhtml").body());
    // another client: the session the form belonged to is gone
    Courtesy today = Courtesy.signedOut();

    HttpResponse<String> posted =
        today.postForm(
            "/login.xhtml",
            "login=login&login%3Ausername=collector&login%3Apassword="
                + Courtesy.COLLECTOR_PASSWORD
                + "&login%3Asign-in=&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState, StandardCharsets.UTF_8));

    assertThat(posted.statusCode()).isIn(200, 302);
    if (posted.statusCode() == 302) {
      assertThat(posted.headers().firstValue("Location"))
          .hasValueSatisfying(location -> assertThat(location).contains("/errors/expired.xhtml"));
      assertThat(today.get("/errors/expired.xhtml").body()).contains("Your session has ended");
    } else {
      assertThat(posted.body()).contains("Your session has ended");
    }
  }

  @Test
  void anUploadOverTheLimitIsRefusedWithItsOwnMessage() {
    Courtesy admin = Courtesy.signedIn("admin", Courtesy.ADMIN_PASSWORD);
    String viewState = Courtesy.viewState(admin.get("/imports/invoices.xhtml").body());
    String boundary = "----courtesy" + tag;
    String head =
        part(boundary, "upload", "upload")
            + part(boundary, "jakarta.faces.ViewState", viewState)
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"upload:file\"; filename=\"big.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n";
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + 51 * 1024 * 1024 + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    Arrays.fill(body, start.length, body.length - end.length, (byte) 'a');
    System.arraycopy(end, 0, body, body.length - end.length, end.length);

    HttpResponse<String> answer = admin.postMultipart("/imports/invoices.xhtml", boundary, body);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("larger than 50 MiB");
  }

  private static String part(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  /** The state a refused request must leave alone, as the API shows it. */
  private String ledger() {
    StringBuilder state = new StringBuilder();
    state
        .append(get("/api/v1/customers/" + customer + "/balance?asOf=" + AS_OF).body())
        .append('\n');
    for (String unborn : List.of(tag + "-new", tag + "-new0", tag + "-new1", "C/1")) {
      state
          .append(unborn)
          .append(' ')
          .append(
              get("/api/v1/customers/"
                      + URLEncoder.encode(unborn, StandardCharsets.UTF_8)
                      + "/balance")
                  .statusCode())
          .append('\n');
    }
    state.append(get("/api/v1/imports/mappings").body().contains("bad-" + tag)).append('\n');
    state
        .append(api.get("/api/v1/users/u-" + tag, "admin", Courtesy.ADMIN_PASSWORD).statusCode())
        .append('\n');
    return state.toString();
  }

  /** What is wrong with the answer, or {@code null} when it refuses as it should. */
  private static String judge(Request request, HttpResponse<String> answer) {
    int status = answer.statusCode();
    if (status >= 500) {
      return "is a server error";
    }
    if (status < 400) {
      return "was not refused";
    }
    if (!request.expect().equals("4xx") && !request.expect().equals(String.valueOf(status))) {
      return "instead of " + request.expect();
    }
    if (!answer.body().startsWith("{")) {
      return "is not a JSON problem";
    }
    boolean fieldsNamed = ERRORS.matcher(answer.body()).find();
    boolean reportNamesLines =
        answer.body().contains("\"rejected\":[{") && answer.body().contains("\"line\":");
    boolean detailSays = answer.body().contains("\"detail\":\"");
    if (!fieldsNamed && !reportNamesLines && !detailSays) {
      return "names no field, line or reason";
    }
    for (String name : request.names()) {
      if (!answer.body().contains(name)) {
        return "does not name " + name;
      }
    }
    return null;
  }

  private HttpResponse<String> send(Request request) {
    String password =
        Map.of(
                "integration", Courtesy.INTEGRATION_PASSWORD,
                "admin", Courtesy.ADMIN_PASSWORD,
                "collector", Courtesy.COLLECTOR_PASSWORD,
                "approver", Courtesy.APPROVER_PASSWORD)
            .get(request.user());
    HttpRequest.BodyPublisher body =
        request.body().isEmpty() && request.contentType().isEmpty()
            ? BodyPublishers.noBody()
            : BodyPublishers.ofString(request.body());
    return api.exchange(
        request.method(), request.path(), request.user(), password, request.contentType(), body);
  }

  private HttpResponse<String> json(String method, String path, String body) {
    return api.exchange(
        method,
        path,
        "integration",
        Courtesy.INTEGRATION_PASSWORD,
        "application/json",
        BodyPublishers.ofString(body));
  }

  private HttpResponse<String> postInvoices(HttpRequest.BodyPublisher batch, String... headers) {
    return api.exchange(
        "POST",
        "/api/v1/invoices/batch",
        "integration",
        Courtesy.INTEGRATION_PASSWORD,
        "application/json",
        batch,
        headers);
  }

  private HttpResponse<String> get(String path) {
    return api.get(path, "integration", Courtesy.INTEGRATION_PASSWORD);
  }

  private List<Request> corpus() {
    List<Request> requests = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/bad-input/corpus.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank() || lines[i].startsWith("#")) {
          continue;
        }
        String[] cells = lines[i].split("\t", -1);
        requests.add(
            new Request(
                i + 1,
                cells[0],
                ours(cells[1]),
                cells[2],
                cells[3],
                cells[4],
                cells[5].isEmpty() ? List.of() : Arrays.asList(ours(cells[5]).split("\\|")),
                ours(unescape(cells[6]))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableList(requests);
  }

  /** The corpus's placeholders filled with this test's own customer, invoice and case. */
  private String ours(String text) {
    return text.replace("{customer}", customer)
        .replace("{invoice}", invoice)
        .replace("{case}", "1")
        .replace("{tag}", tag);
  }

  /** The body as written in the corpus: {@code \n \r \t \\ \\uXXXX} escaped. */
  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Matcher escape = Pattern.compile("\\\\(u[0-9A-Fa-f]{4}|n|r|t|\\\\)").matcher(text);
    int at = 0;
    while (escape.find()) {
      out.append(text, at, escape.start());
      String code = escape.group(1);
      out.append(
          switch (code) {
            case "n" -> "\n";
            case "r" -> "\r";
            case "t" -> "\t";
            case "\\" -> "\\";
            default -> String.valueOf((char) Integer.parseInt(code.substring(1), 16));
          });
      at = escape.end();
    }
    return out.append(text.substring(at)).toString();
  }

  private static byte[] batchOf(byte[] item, int copies) {
    byte[] body = new byte[item.length * copies + 4];
    body[0] = '[';
    for (int i = 0; i < copies; i++) {
      System.arraycopy(item, 0, body, 1 + i * item.length, item.length);
    }
    body[body.length - 3] = '{';
    body[body.length - 2] = '}';
    body[body.length - 1] = ']';
    return body;
  }
}
