package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customer's page behind the link in a message, as the customer, a mail scanner and a stranger
 * meet it: reading never writes, a link opens one customer's page only, a link that no longer works
 * looks like one that never did, and what the customer tells us reaches the case.
 */
class SelfServiceIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private final Courtesy api = Courtesy.anonymous();
  private final Courtesy browser = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void theServerKeepsTheSystemsTimeAgain() {
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void theLinkOpensTheCustomersPageWithWhatIsOpenAndNothingOfAnyoneElse() {
    PortalCustomer amber = new PortalCustomer(MAIL, "Amber Fields", tag);
    PortalCustomer basil = new PortalCustomer(MAIL, "Basil Grant", tag);

    HttpResponse<String> page = browser.get(amber.link);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Hello Amber Fields", amber.number(), amber.overdue, amber.notYetDue)
        .contains("£240.00", "£75.50", "£315.50")
        .doesNotContain(basil.number(), basil.overdue, "Basil");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("X-Robots-Tag"))
        .hasValueSatisfying(v -> assertThat(v).contains("noindex"));
    assertThat(page.headers().allValues("Set-Cookie")).as("no session, no cookie").isEmpty();

    // Amber's link cannot act on Basil's invoice, nor fetch its copy.
    String form = PortalCustomer.form(page.body());
    HttpResponse<String> foreign =
        browser.postForm(
            amber.link + "/dispute?lang=en",
            "form=" + enc(form) + "&invoice=" + basil.overdue + "&reason=PRICING");
    assertThat(foreign.statusCode()).isEqualTo(422);
    assertThat(foreign.body()).contains("is not open any more");
    assertThat(browser.get(amber.link + "/invoice/" + basil.overdue + ".pdf").statusCode())
        .isEqualTo(404);
    assertThat(timeline(basil)).doesNotContain("Disputed", "SELF_SERVICE");
  }

  @Test
  void openingEveryAddressOfThePageByGetWritesNothing() {
    PortalCustomer cedar = new PortalCustomer(MAIL, "Cedar Hughes", tag);
    String before = state(cedar);

    for (String path :
        List.of(
            "",
            "?lang=de",
            "/statement.pdf",
            "/invoice/" + cedar.overdue + ".pdf",
            "/paid",
            "/promise",
            "/time",
            "/dispute",
            "/contact",
            "/unsubscribe/email",
            "/unsubscribe/sms",
            "/fresh-link")) {
      HttpResponse<String> read = browser.get(cedar.link + path);
      assertThat(read.statusCode()).as(path).isIn(200, 303);
    }

    assertThat(state(cedar)).as("the case, the log and the contact as they were").isEqualTo(before);
    HttpResponse<String> pdf = browser.get(cedar.link + "/statement.pdf");
    assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF-");
  }

  @Test
  void unknownForgedExpiredAndRevokedLinksAllGetTheSamePoliteAnswer() {
    // Revoked: by the collector, or because the ERP moved the contact to a new address.
    PortalCustomer dahlia = new PortalCustomer(MAIL, "Dahlia Price", tag);
    PortalCustomer elm = new PortalCustomer(MAIL, "Elm Porter", tag);
    String token = dahlia.link.substring("/pay/".length());
    char last = token.charAt(token.length() - 1);
    String forged = "/pay/" + token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    HttpResponse<String> unknown = browser.get("/pay/" + "x".repeat(32));
    HttpResponse<String> garbage = browser.get("/pay/not-a-token");
    HttpResponse<String> forgery = browser.get(forged);
    HttpResponse<String> revoked = revokedPage(elm);
    PortalCustomer gale = new PortalCustomer(MAIL, "Gale Foster", tag);
    HttpResponse<String> moved =
        api.postJson(
            "/api/v1/contacts",
            "{\"externalId\":\"P-"
                + gale.number()
                + "\",\"customerNumber\":\""
                + gale.number()
                + "\",\"name\":\"Gale Foster\",\"email\":\"gale.new."
                + tag
                + "@example.org\",\"preferredChannel\":\"EMAIL\"}",
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    HttpResponse<String> addressChanged = browser.get(gale.link);
    ServerDays.moveClock(Instant.now().plus(61, ChronoUnit.DAYS));
    HttpResponse<String> expired = browser.get(dahlia.link);

    for (HttpResponse<String> answer :
        List.of(unknown, garbage, forgery, revoked, addressChanged, expired)) {
      assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
      assertThat(withoutTokens(answer.body()))
          .as(answer.uri().toString())
          .isEqualTo(withoutTokens(unknown.body()))
          .contains("This link no longer opens your page");
    }
  }

  @Test
  void aCustomerWhoseLinkExpiredIsEmailedAFreshOneAtTheAddressOnFile() {
    PortalCustomer fern = new PortalCustomer(MAIL, "Fern Wallace", tag);
    ServerDays.moveClock(Instant.now().plus(61, ChronoUnit.DAYS));
    HttpResponse<String> expired = browser.get(fern.link);
    String form = PortalCustomer.form(expired.body());

    HttpResponse<String> asked =
        browser.postForm(
            fern.link + "/fresh-link", "form=" + enc(form) + "&email=someone@else.example");

    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body())
        .contains("a fresh one is on its way to the email address we have on file");
    String text = Mailbox.text(Mailbox.await(MAIL, fern.email, "Your new link to your invoices"));
    assertThat(text).contains("Dear Fern Wallace").containsPattern("/pay/[A-Za-z0-9_-]{32}");
    assertThat(Mailbox.count(MAIL, "someone@else.example", "")).isZero();
  }

  @Test
  void whatTheCustomerTellsUsReachesTheirCase() {
    PortalCustomer hazel = new PortalCustomer(MAIL, "Hazel Ortiz", tag);
    String form = PortalCustomer.form(browser.get(hazel.link).body());
    LocalDate promised = LocalDate.now().plusDays(10);

    HttpResponse<String> promise =
        browser.postForm(
            hazel.link + "/promise?lang=en",
            "form=" + enc(form) + "&invoice=" + hazel.overdue + "&date=" + promised);
    assertThat(promise.statusCode()).isEqualTo(303);
    assertThat(promise.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("done=promise"));
    assertThat(browser.get(hazel.link + "?done=promise").body())
        .contains("We have noted the date", "Payment promised");

    String caseView =
        api.get("/api/v1/cases/" + hazel.caseId, "collector", Courtesy.COLLECTOR_PASSWORD).body();
    assertThat(caseView)
        .contains("\"status\":\"PROMISED\"")
        .contains("\"customerRequest\":\"Customer promised to pay on " + promised + "\"");
    assertThat(
            api.get(
                    "/api/v1/cases?customerRequests=true&limit=500",
                    "collector",
                    Courtesy.COLLECTOR_PASSWORD)
                .body())
        .contains(hazel.number());
    assertThat(timeline(hazel))
        .contains(
            "\"channel\":\"SELF_SERVICE\"",
            "\"actor\":\"Customer: Hazel Ortiz\"",
            "promised to pay 240.00 GBP");

    // A dispute of the invoice not yet due stops its chasing at once.
    HttpResponse<String> dispute =
        browser.postForm(
            hazel.link + "/dispute?lang=en",
            "form="
                + enc(form)
                + "&invoice="
                + hazel.notYetDue
                + "&reason=NOT_RECEIVED&note=Never+arrived");
    assertThat(dispute.statusCode()).isEqualTo(303);
    assertThat(browser.get(hazel.link).body()).contains("We are looking into it");
  }

  @Test
  void aRequestForAPlanWaitsForAnApproverWithTheCustomerAsProposer() {
    PortalCustomer iris = new PortalCustomer(MAIL, "Iris Moreau", tag);
    String form = PortalCustomer.form(browser.get(iris.link).body());

    HttpResponse<String> plan =
        browser.postForm(
            iris.link + "/time?lang=en",
            "form="
                + enc(form)
                + "&invoice="
                + iris.overdue
                + "&kind=plan&instalments=3&firstDate="
                + LocalDate.now().plusDays(14)
                + "&note=Cash+is+tight+this+quarter");

    assertThat(plan.statusCode()).isEqualTo(303);
    String arrangements =
        api.get(
                "/api/v1/arrangements?status=PENDING&limit=500",
                "approver",
                Courtesy.APPROVER_PASSWORD)
            .body();
    assertThat(arrangements).contains(iris.number()).contains("Customer: Iris Moreau");
    assertThat(browser.get(iris.link).body())
        .contains("A payment plan in 3 instalments", "Your request is with our team");

    // The approver cannot agree to it: Iris hears why, with an offer to find another way.
    long id = idOf(arrangements, iris.number());
    HttpResponse<String> rejected =
        api.postJsonIfMatch(
            "/api/v1/arrangements/" + id + "/reject",
            "{\"note\":\"Three months is longer than we can offer for this amount; two would be"
                + " possible.\"}",
            "approver",
            Courtesy.APPROVER_PASSWORD,
            api.version("/api/v1/arrangements/" + id, "approver", Courtesy.APPROVER_PASSWORD));
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    ServerDays.dispatch();
    String answer = Mailbox.text(Mailbox.await(MAIL, iris.email, "Your request about invoices"));
    assertThat(answer)
        .contains("Dear Iris Moreau", iris.overdue, "two would be possible")
        .containsPattern("/pay/[A-Za-z0-9_-]{32}");
    assertThat(browser.get(iris.link).body()).doesNotContain("Your request is with our team");
  }

  /** The id of the customer's arrangement in a list of them. */
  private static long idOf(String arrangements, String customerNumber) {
    int at = arrangements.indexOf("\"customerNumber\":\"" + customerNumber + "\"");
    assertThat(at).as(arrangements).isNotNegative();
    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile("\"id\":(\\d+)")
            .matcher(arrangements.substring(arrangements.lastIndexOf('{', at)));
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  @Test
  void aFileTooLargeOrOfTheWrongKindIsRefusedWithAMessageAndNothingIsRecorded() {
    PortalCustomer juniper = new PortalCustomer(MAIL, "Juniper Lowe", tag);
    String form = PortalCustomer.form(browser.get(juniper.link).body());
    String before = state(juniper);

    HttpResponse<String> tooLarge =
        browser.postMultipart(
            juniper.link + "/paid?lang=en",
            "b0undary",
            multipart(form, juniper.overdue, "remittance.pdf", pdfOf(6 * 1024 * 1024)));
    HttpResponse<String> wrongKind =
        browser.postMultipart(
            juniper.link + "/paid?lang=en",
            "b0undary",
            multipart(
                form,
                juniper.overdue,
                "remittance.pdf",
                "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)));

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("The file is larger than 5 MB");
    assertThat(wrongKind.statusCode()).isEqualTo(422);
    assertThat(wrongKind.body()).contains("The file is not a PDF, PNG or JPEG");
    assertThat(state(juniper)).isEqualTo(before);

    HttpResponse<String> fine =
        browser.postMultipart(
            juniper.link + "/paid?lang=en",
            "b0undary",
            multipart(form, juniper.overdue, "remittance.pdf", pdfOf(2048)));
    assertThat(fine.statusCode()).isEqualTo(303);
    assertThat(timeline(juniper))
        .contains("reported a payment of 240.00 GBP", "remittance advice attached");
    String files =
        api.get(
                "/api/v1/customers/" + juniper.number() + "/files",
                "collector",
                Courtesy.COLLECTOR_PASSWORD)
            .body();
    assertThat(files)
        .contains("\"fileName\":\"remittance.pdf\"", "\"mediaType\":\"application/pdf\"");
    java.util.regex.Matcher fileId =
        java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(files);
    assertThat(fileId.find()).isTrue();
    HttpResponse<String> file =
        api.get(
            "/api/v1/customers/" + juniper.number() + "/files/" + fileId.group(1),
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).startsWith("%PDF-1.4");

    // The reminders ahead hold the invoice back, and say why.
    LocalDate next = ServerDays.unrunDate();
    String preview =
        api.get(
                "/api/v1/reminders/preview?from=" + next + "&to=" + next + "&limit=5000",
                "admin",
                Courtesy.ADMIN_PASSWORD)
            .body();
    assertThat(preview)
        .containsPattern(
            "\"invoiceNumber\":\""
                + juniper.overdue
                + "\",\"open\":\\{[^}]*\\},\"reason\":\"REPORTED_PAID\"");
  }

  @Test
  void aFormWithoutItsValueOrFromAnotherSiteChangesNothing() {
    PortalCustomer kit = new PortalCustomer(MAIL, "Kit Turner", tag);
    String before = state(kit);

    HttpResponse<String> noValue =
        browser.postForm(kit.link + "/dispute", "invoice=" + kit.overdue + "&reason=PRICING");
    HttpResponse<String> otherSite =
        browser.exchange(
            "POST",
            kit.link + "/dispute",
            "",
            "",
            "application/x-www-form-urlencoded",
            java.net.http.HttpRequest.BodyPublishers.ofString(
                "form="
                    + enc(PortalCustomer.form(browser.get(kit.link).body()))
                    + "&invoice="
                    + kit.overdue
                    + "&reason=PRICING"),
            "Sec-Fetch-Site",
            "cross-site");

    assertThat(noValue.statusCode()).isEqualTo(403);
    assertThat(otherSite.statusCode()).isEqualTo(403);
    assertThat(state(kit)).isEqualTo(before);
  }

  @Test
  void aContactCorrectsTheirDetailsAndTheirOtherLinksStopWorking() {
    PortalCustomer moss = new PortalCustomer(MAIL, "Moss Reyes", tag);
    String older = moss.link;
    String newer = moss.sendAnotherLink(MAIL, "A second note " + tag);
    String form = PortalCustomer.form(browser.get(newer).body());

    HttpResponse<String> wrong =
        browser.postForm(
            newer + "/contact?lang=en",
            "form=" + enc(form) + "&email=not-an-address&preferred=EMAIL");
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("Please check: the email address.");

    HttpResponse<String> corrected =
        browser.postForm(
            newer + "/contact?lang=en",
            "form="
                + enc(form)
                + "&email=moss.accounts."
                + tag
                + "%40example.org&phone=%2B44+20+7946+0101&mobile=%2B44+7700+900123&preferred=SMS");
    assertThat(corrected.statusCode()).isEqualTo(303);
    assertThat(timeline(moss))
        .contains("Moss Reyes changed their details: email address to moss.accounts." + tag)
        .contains("phone number to +44 20 7946 0101", "mobile number to +44 7700 900123")
        .contains("preferred channel to sms");
    assertThat(browser.get(newer).statusCode()).as("the link in use").isEqualTo(200);
    assertThat(browser.get(older).statusCode()).as("the link sent before").isEqualTo(404);
  }

  @Test
  void oneClickUnsubscribeStopsRemindersByEmail() {
    PortalCustomer lark = new PortalCustomer(MAIL, "Lark Bennett", tag);

    HttpResponse<String> unsubscribed =
        browser.postForm(lark.link + "/unsubscribe/email", "List-Unsubscribe=One-Click");

    assertThat(unsubscribed.statusCode()).isEqualTo(200);
    assertThat(browser.get(lark.link).body())
        .contains("No more reminders by email</label>")
        .contains("name=\"emailOptOut\" checked");
    assertThat(timeline(lark)).contains("asked for no more reminders by email");
  }

  /** Elm's link, once his collector revoked every link to his page. */
  private HttpResponse<String> revokedPage(PortalCustomer elm) {
    HttpResponse<String> revoke =
        api.postJson(
            "/api/v1/customers/" + elm.number() + "/links/revoke",
            "",
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
    assertThat(revoke.body()).contains("\"links\":1");
    return browser.get(elm.link);
  }

  /** What a GET must never change: the case (its version), the log, the contact's opt-outs. */
  private String state(PortalCustomer who) {
    return api.get("/api/v1/cases/" + who.caseId, "collector", Courtesy.COLLECTOR_PASSWORD).body()
        + timeline(who)
        + browser.get(who.link).body().replaceAll("name=\"form\" value=\"[^\"]+\"", "");
  }

  private String timeline(PortalCustomer who) {
    return api.get(
            "/api/v1/customers/" + who.number() + "/timeline?limit=100",
            "collector",
            Courtesy.COLLECTOR_PASSWORD)
        .body();
  }

  /** The page with whatever token it was reached by taken out. */
  private static String withoutTokens(String page) {
    return page.replaceAll("/pay/[^/\"]*", "/pay/…")
        .replaceAll("value=\"[A-Za-z0-9_-]{43}\"", "value=\"…\"");
  }

  private static byte[] pdfOf(int size) {
    byte[] pdf = new byte[size];
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, pdf, 0, head.length);
    return pdf;
  }

  private static byte[] multipart(String form, String invoice, String fileName, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String fields =
        field("form", form)
            + field("invoice", invoice)
            + field("paidOn", LocalDate.now().minusDays(1).toString())
            + field("amount", "240.00")
            + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/pdf\r\n\r\n";
    body.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private static String field(String name, String value) {
    return "--b0undary\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
