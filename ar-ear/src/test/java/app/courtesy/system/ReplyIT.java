package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customer writes back. Their reply lands in the sender's mailbox (GreenMail's IMAP), the
 * server reads it, finds whose it is, logs it, and holds that customer's reminders until a
 * collector deals with it; an out-of-office changes nothing; what matches no one waits for a
 * collector; an SMS "STOP" opts the number out at once.
 */
class ReplyIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter SPOKEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void clockBack() {
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void aReplyIsThreadedToItsCustomerHoldsTheirRemindersAndLetsThemGoOnceHandled() throws Exception {
    PortalCustomer olive = new PortalCustomer(MAIL, "Olive Reed", tag);
    MimeMessage ours = Mailbox.await(MAIL, olive.email, "Your invoices " + tag);
    LocalDate payDay = LocalDate.now(LONDON).plusDays(10);

    // Olive answers from her mail program, under our email, saying when she will pay.
    deliver(
        email(
            olive.email,
            "Olive Reed",
            "<olive-1." + tag + "@mail.example.org>",
            ours.getMessageID(),
            "Re: " + ours.getSubject(),
            "Hello,\r\n\r\nwe will pay on "
                + payDay.format(SPOKEN)
                + ". Sorry for the wait.\r\n\r\nOlive\r\n\r\nOn Wed, Courtesy wrote:\r\n> "
                + "Dear Olive Reed, thank you for your business.\r\n"));
    assertThat(readMailbox()).contains("\"replies\":1");

    String replies = replies(olive.number());
    assertThat(replies)
        .contains(
            "\"state\":\"TO_ANSWER\"",
            "\"matchedBy\":\"THREAD\"",
            "\"text\":\"Hello,\\n\\nwe will pay on " + payDay.format(SPOKEN));
    assertThat(replies)
        .as("the suggestion: a promise for the date she gave")
        .containsPattern(
            "\"date\":\""
                + payDay
                + "\",\"evidence\":\"[^\"]*\",\"id\":\\d+,\"kind\":\"WILL_PAY\"");
    assertThat(field(replies, "text")).doesNotContain("Dear Olive Reed");
    assertThat(timeline(olive.number()))
        .contains("\"outcome\":\"RECEIVED\"", "found by its thread", "Customer: Olive Reed");
    assertThat(
            api.get(
                    "/api/v1/cases?repliesToAnswer=true&limit=500",
                    "collector",
                    Courtesy.COLLECTOR_PASSWORD)
                .body())
        .contains("\"id\":" + olive.caseId + ",");

    // The next run would hold her reminder back, and says why.
    LocalDate next = ServerDays.unrunDate();
    assertThat(preview(next)).containsPattern(heldForReply(olive.number()));

    // The collector reads it and marks it handled: the reminders go on.
    long replyId = replyId(replies);
    HttpResponse<String> handled =
        api.postJsonIfMatch(
            "/api/v1/replies/" + replyId + "/handled",
            "",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            api.version("/api/v1/replies/" + replyId, "collector", Courtesy.COLLECTOR_PASSWORD));
    assertThat(handled.statusCode()).as(handled.body()).isEqualTo(200);
    assertThat(handled.body()).contains("\"state\":\"HANDLED\"", "\"decidedBy\":\"collector\"");
    String after = preview(next);
    assertThat(after).contains("\"customerNumber\":\"" + olive.number() + "\"");
    assertThat(after).doesNotContainPattern(heldForReply(olive.number()));
  }

  @Test
  void anOutOfOfficeIsLoggedWithItsReturnDateAndHoldsNothing() throws Exception {
    PortalCustomer piet = new PortalCustomer(MAIL, "Piet Vos", tag);
    MimeMessage ours = Mailbox.await(MAIL, piet.email, "Your invoices " + tag);
    LocalDate back = LocalDate.now(LONDON).plusDays(12);

    deliver(
        "From: Piet Vos <"
            + piet.email
            + ">\r\nTo: accounts@courtesy.example\r\nSubject: Automatic reply: "
            + ours.getSubject()
            + "\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <ooo."
            + tag
            + "@mail.example.org>\r\nIn-Reply-To: "
            + ours.getMessageID()
            + "\r\n\r\nThank you for your email. I am out of the office and back on "
            + back.format(SPOKEN)
            + ".\r\n");
    readMailbox();

    assertThat(replies(piet.number()))
        .contains("\"state\":\"AUTOMATIC\"", "\"automatic\":true", "\"backOn\":\"" + back + "\"")
        .doesNotContain("\"suggestions\":[{");
    assertThat(timeline(piet.number()))
        .contains("\"outcome\":\"AUTOMATIC\"", "reminders go on as planned");
    assertThat(preview(ServerDays.unrunDate()))
        .contains("\"customerNumber\":\"" + piet.number() + "\"")
        .doesNotContainPattern(heldForReply(piet.number()));
  }

  @Test
  void aReplyFromAnAddressTwoCustomersShareWaitsUnmatchedUntilACollectorAssignsIt()
      throws Exception {
    String shared = "accounts." + tag + "@shared.example";
    LondonCustomer first =
        new LondonCustomer("RA-" + tag, "Ash Holdings " + tag, "Ash Team", shared)
            .invoice("IRA-" + tag, LocalDate.now(LONDON).minusDays(30), "180.00");
    new LondonCustomer("RB-" + tag, "Birch Holdings " + tag, "Birch Team", shared)
        .invoice("IRB-" + tag, LocalDate.now(LONDON).minusDays(30), "95.00");

    deliver(
        email(
            shared,
            null,
            "<shared." + tag + "@shared.example>",
            null,
            "Invoice IRA-" + tag,
            "We sent the money for IRA-" + tag + " yesterday.\r\n"));
    deliver(
        email(
            "news." + tag + "@newsletter.example",
            "Weekly News",
            "<news." + tag + "@newsletter.example>",
            null,
            "This week's offers",
            "Save 20% on printer paper.\r\n"));
    assertThat(readMailbox()).contains("\"unmatched\":2");

    String unmatched = api.get("/api/v1/replies", "collector", Courtesy.COLLECTOR_PASSWORD).body();
    long sharedId = idOf(unmatched, shared);
    long newsId = idOf(unmatched, "news." + tag + "@newsletter.example");
    assertThat(replies(first.number())).isEqualTo("[]");

    HttpResponse<String> assigned =
        api.postJsonIfMatch(
            "/api/v1/replies/" + sharedId + "/assign",
            "{\"customer\":\"" + first.number() + "\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            api.version("/api/v1/replies/" + sharedId, "collector", Courtesy.COLLECTOR_PASSWORD));
    HttpResponse<String> noReason =
        api.postJsonIfMatch(
            "/api/v1/replies/" + newsId + "/discard",
            "{\"reason\":\" \"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            "0");
    HttpResponse<String> discarded =
        api.postJsonIfMatch(
            "/api/v1/replies/" + newsId + "/discard",
            "{\"reason\":\"A supplier's newsletter\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            api.version("/api/v1/replies/" + newsId, "collector", Courtesy.COLLECTOR_PASSWORD));

    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
    assertThat(assigned.body())
        .contains("\"customer\":\"" + first.number() + "\"", "\"matchedBy\":\"COLLECTOR\"");
    assertThat(timeline(first.number()))
        .contains("assigned by a collector", "\"subject\":\"Invoice IRA-" + tag + "\"");
    assertThat(replies(first.number())).contains("We sent the money for IRA-" + tag);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(discarded.body())
        .contains("\"state\":\"DISCARDED\"", "\"decisionNote\":\"A supplier's newsletter\"");
    assertThat(api.get("/api/v1/replies", "collector", Courtesy.COLLECTOR_PASSWORD).body())
        .doesNotContain(shared, "news." + tag);
  }

  @Test
  void attachmentsAreKeptUpToTheLimitAndServedOnlyAsDownloads() throws Exception {
    PortalCustomer rosa = new PortalCustomer(MAIL, "Rosa Lind", tag);
    MimeMessage ours = Mailbox.await(MAIL, rosa.email, "Your invoices " + tag);
    byte[] pdf = "%PDF-1.4\n%remittance\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
    byte[] huge = new byte[1_500_000];

    deliver(
        "From: Rosa Lind <"
            + rosa.email
            + ">\r\nTo: accounts@courtesy.example\r\nSubject: Re: "
            + ours.getSubject()
            + "\r\nMessage-ID: <files."
            + tag
            + "@mail.example.org>\r\nIn-Reply-To: "
            + ours.getMessageID()
            + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nThe remittance advice is attached.\r\n"
            + part("remittance.pdf", "application/pdf", pdf)
            + part("statement.html", "text/html", page)
            + part("scan.tiff", "image/tiff", huge)
            + "--b--\r\n");
    readMailbox();

    String replies = replies(rosa.number());
    assertThat(replies)
        .contains("\"fileName\":\"remittance.pdf\"", "\"fileName\":\"statement.html\"")
        .doesNotContain("scan.tiff\",");
    assertThat(timeline(rosa.number()))
        .contains("Not kept: scan.tiff (1.4 MB, over the 1 MB limit)");
    long replyId = replyId(replies);
    long htmlId = fileId(replies, "statement.html");
    HttpResponse<String> html =
        api.get(
            "/api/v1/replies/" + replyId + "/files/" + htmlId,
            "collector",
            Courtesy.COLLECTOR_PASSWORD);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(html.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment; filename=\"statement.html\"");
    assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    HttpResponse<String> original =
        api.get(
            "/api/v1/replies/" + replyId + "/original", "collector", Courtesy.COLLECTOR_PASSWORD);
    assertThat(original.headers().firstValue("Content-Type")).hasValue("message/rfc822");
    assertThat(original.body())
        .as("the email as received, for the dossier or a mail program")
        .contains("Message-ID: <files." + tag + "@mail.example.org>", "name=\"scan.tiff\"");
    assertThat(
            api.get(
                    "/api/v1/customers/" + rosa.number() + "/files",
                    "collector",
                    Courtesy.COLLECTOR_PASSWORD)
                .body())
        .as("the attachments join the files the customer sent")
        .contains("remittance.pdf", "statement.html");
  }

  @Test
  void aReplyReadTwiceIsKeptOnceAndOneWithoutItsThreadIsFoundByTheReplyAddress() throws Exception {
    PortalCustomer tom = new PortalCustomer(MAIL, "Tom Hale", tag);
    MimeMessage ours = Mailbox.await(MAIL, tom.email, "Your invoices " + tag);
    String replyTo = ((InternetAddress) ours.getReplyTo()[0]).getAddress();
    assertThat(replyTo).matches("accounts\\+m\\d+-[0-9a-f]{16}@courtesy\\.example");

    // A colleague answers from another address, in a program that drops the thread's headers.
    String reply =
        email(
            "payables." + tag + "@hale.example",
            "Hale Payables",
            "<twice." + tag + "@hale.example>",
            null,
            "Your invoices",
            "Could you send us a copy of the invoice, please?\r\n");
    deliver(reply.replace("To: accounts@courtesy.example", "To: " + replyTo));
    readMailbox();
    deliver(reply.replace("To: accounts@courtesy.example", "To: " + replyTo));
    readMailbox();

    String replies = replies(tom.number());
    assertThat(replies)
        .containsOnlyOnce("\"sender\":\"payables." + tag + "@hale.example\"")
        .contains("\"matchedBy\":\"ADDRESS\"", "\"kind\":\"INVOICE_COPY\"");
    assertThat(timeline(tom.number())).containsOnlyOnce("\"actor\":\"Customer: Hale Payables\"");
  }

  @Test
  void anSmsStopOptsTheNumberOutAtOnceAndOtherWordsWaitForAnAnswer() {
    String number = "SM-" + tag;
    String mobile = "+44 7700 9" + tag.replaceAll("[^0-9]", "0").substring(0, 5);
    new LondonCustomer(number, "Sorrel Mews " + tag, "Sam Sorrel", "sam." + tag + "@example.org");
    HttpResponse<String> contact =
        api.postJson(
            "/api/v1/contacts",
            "{\"externalId\":\"P-"
                + number
                + "\",\"customerNumber\":\""
                + number
                + "\",\"name\":\"Sam Sorrel\",\"email\":\"sam."
                + tag
                + "@example.org\",\"mobile\":\""
                + mobile
                + "\",\"preferredChannel\":\"SMS\"}",
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(contact.statusCode()).as(contact.body()).isIn(200, 201);
    String compact = mobile.replace(" ", "");

    HttpResponse<String> noSecret =
        api.postJson(
            "/api/v1/inbound/sms",
            sms("SM1-" + tag, compact, "Words without the secret"),
            Map.of("X-Gateway-Secret", "guess"));
    HttpResponse<String> words =
        api.postJson(
            "/api/v1/inbound/sms",
            sms("SM2-" + tag, compact, "Can we pay next month?"),
            Map.of("X-Gateway-Secret", "gateway-secret-for-tests"));
    HttpResponse<String> stop =
        api.postJson(
            "/api/v1/inbound/sms",
            sms("SM3-" + tag, compact, "Stop"),
            Map.of("X-Gateway-Secret", "gateway-secret-for-tests"));
    HttpResponse<String> again =
        api.postJson(
            "/api/v1/inbound/sms",
            sms("SM3-" + tag, compact, "Stop"),
            Map.of("X-Gateway-Secret", "gateway-secret-for-tests"));

    assertThat(noSecret.statusCode()).isEqualTo(401);
    assertThat(words.body()).contains("\"result\":\"IMPORTED\"", "\"state\":\"TO_ANSWER\"");
    assertThat(stop.body()).contains("\"result\":\"IMPORTED\"", "\"state\":\"HANDLED\"");
    assertThat(again.body()).contains("\"result\":\"ALREADY_IMPORTED\"");
    assertThat(replies(number))
        .contains("\"matchedBy\":\"PHONE\"", "Can we pay next month?")
        .doesNotContain("Words without the secret");
    assertThat(timeline(number)).containsOnlyOnce("answered STOP by SMS: no more reminders by SMS");
  }

  /** The reminder the plan holds back for this customer because their reply waits. */
  private static Pattern heldForReply(String customerNumber) {
    // the preview's keys come in alphabetical order
    return Pattern.compile(
        "\"customerNumber\":\""
            + Pattern.quote(customerNumber)
            + "\",\"date\":\"[^\"]*\",\"instalment\":\\d+,\"invoices\":\\[[^\\]]*\\],"
            + "\"kind\":\"REMINDER\",\"reason\":\"REPLY_WAITING\"");
  }

  private String preview(LocalDate date) {
    HttpResponse<String> preview =
        api.get(
            "/api/v1/reminders/preview?from=" + date + "&to=" + date + "&limit=5000",
            "admin",
            Courtesy.ADMIN_PASSWORD);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    return preview.body();
  }

  private String readMailbox() {
    HttpResponse<String> read =
        api.postJson("/api/v1/bounces/mailbox", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    return read.body();
  }

  private String replies(String customerNumber) {
    HttpResponse<String> replies =
        api.get(
            "/api/v1/replies?customer=" + customerNumber, "collector", Courtesy.COLLECTOR_PASSWORD);
    assertThat(replies.statusCode()).as(replies.body()).isEqualTo(200);
    return replies.body();
  }

  private String timeline(String customerNumber) {
    return api.get(
            "/api/v1/customers/" + customerNumber + "/timeline?limit=100",
            "collector",
            Courtesy.COLLECTOR_PASSWORD)
        .body();
  }

  /** Delivers {@code text} into the sender's mailbox, as the customer's mail server would. */
  private static void deliver(String text) throws Exception {
    GreenMailUser mailbox =
        MAIL.setUser("accounts@courtesy.example", Mailbox.BOUNCE_USER, Mailbox.BOUNCE_PASSWORD);
    mailbox.deliver(
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }

  /** A plain-text email to our address; {@code inReplyTo} null for one that answers nothing. */
  private static String email(
      String from, String name, String messageId, String inReplyTo, String subject, String body) {
    return "From: "
        + (name == null ? from : name + " <" + from + ">")
        + "\r\nTo: accounts@courtesy.example\r\nSubject: "
        + subject
        + "\r\nMessage-ID: "
        + messageId
        + (inReplyTo == null
            ? ""
            : "\r\nIn-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo)
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + body;
  }

  private static String part(String name, String type, byte[] content) {
    return "--b\r\nContent-Type: "
        + type
        + "; name=\""
        + name
        + "\"\r\nContent-Disposition: attachment; filename=\""
        + name
        + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(content)
        + "\r\n";
  }

  private static String sms(String id, String from, String text) {
    return "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"text\":\"" + text + "\"}";
  }

  /** The first value of {@code name} in a JSON text, unquoted. */
  private static String field(String json, String name) {
    Matcher found =
        Pattern.compile("\"" + name + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\]]+)").matcher(json);
    assertThat(found.find()).as(name + " in " + json).isTrue();
    return found.group(2) != null ? found.group(2) : found.group(1);
  }

  /** The id of the first reply in a JSON text (its keys come in alphabetical order). */
  private static long replyId(String json) {
    Matcher found = Pattern.compile("\"id\":(\\d+),\"(?:matchedBy|receivedAt)\"").matcher(json);
    assertThat(found.find()).as("a reply in " + json).isTrue();
    return Long.parseLong(found.group(1));
  }

  /** The id of the reply in a JSON list whose sender is {@code sender}. */
  private static long idOf(String json, String sender) {
    Matcher found =
        Pattern.compile(
                "\"id\":(\\d+),(?:\"matchedBy\":\"[A-Z]+\",)?\"receivedAt\":\"[^\"]*\",\"sender\":\""
                    + Pattern.quote(sender)
                    + "\"")
            .matcher(json);
    assertThat(found.find()).as(sender + " in " + json).isTrue();
    return Long.parseLong(found.group(1));
  }

  /** The id of the file named {@code name} in a JSON text. */
  private static long fileId(String json, String name) {
    Matcher found =
        Pattern.compile("\"fileName\":\"" + Pattern.quote(name) + "\",\"id\":(\\d+)").matcher(json);
    assertThat(found.find()).as(name + " in " + json).isTrue();
    return Long.parseLong(found.group(1));
  }
}
