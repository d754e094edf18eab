package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The collector's side of a reply, in the browser: the customer's words on the case with what they
 * suggest, the suggestion taken up in one click, the answer threaded under their email; and a
 * message that matched no one assigned from the Unmatched replies list.
 */
class ReplyPageIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void theCollectorSeesTheReplyTakesUpItsPromiseAndAnswersIt() throws Exception {
    PortalCustomer uma = new PortalCustomer(MAIL, "Uma Stone", tag);
    MimeMessage ours = Mailbox.await(MAIL, uma.email, "Your invoices " + tag);
    LocalDate payDay = LocalDate.now(LONDON).plusDays(9);
    String theirId = "<uma." + tag + "@mail.example.org>";
    deliver(
        "From: Uma Stone <"
            + uma.email
            + ">\r\nTo: accounts@courtesy.example\r\nSubject: Re: "
            + ours.getSubject()
            + "\r\nMessage-ID: "
            + theirId
            + "\r\nIn-Reply-To: "
            + ours.getMessageID()
            + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\n\r\nsorry for the delay:"
            + " we will pay on "
            + payDay.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))
            + ".\r\n\r\nUma\r\n\r\nOn Monday, Courtesy wrote:\r\n> Dear Uma Stone\r\n");
    api.postJson("/api/v1/bounces/mailbox", "", "admin", Courtesy.ADMIN_PASSWORD);

    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + uma.caseId);

      // Her words are at the top of the case, without what they quote, with the suggestion.
      assertThat(collector.text("#case-why")).contains("customer replied on", "not answered yet");
      assertThat(collector.text("#replies"))
          .contains("To answer", "sorry for the delay: we will pay on", "Promises to pay on")
          .doesNotContain("> Dear Uma Stone");
      collector.screenshot("reply-on-case", "#replies");

      // The email as she sent it downloads from the case, headers and all.
      String replies =
          api.get(
                  "/api/v1/replies?customer=" + uma.number(),
                  "collector",
                  Courtesy.COLLECTOR_PASSWORD)
              .body();
      Matcher replyId = Pattern.compile("\"id\":(\\d+),\"matchedBy\"").matcher(replies);
      assertThat(replyId.find()).as(replies).isTrue();
      collector.clickCss(".reply-eml");
      assertThat(Files.readString(collector.downloaded("reply-" + replyId.group(1) + ".eml")))
          .contains("Message-ID: " + theirId, "we will pay on");

      // One click opens the promise, filled in with her date.
      collector.pressCss(".suggestion-accept");
      collector.await("#promise-form\\:promise-date", Duration.ofSeconds(5));
      assertThat(collector.value("promise-form:promise-date")).isEqualTo(payDay.toString());
      assertThat(collector.value("promise-form:promise-note")).contains("we will pay on");
      collector.screenshot("reply-promise-prefilled");
      collector.press("promise-form:save");
      collector.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
      assertThat(collector.text("#replies")).contains("taken up by collector");

      // She gets an answer, threaded under her email; the reply is answered.
      collector.pressCss(".reply-answer");
      collector.await("#email-form\\:email-body", Duration.ofSeconds(5));
      assertThat(collector.value("email-form:email-subject")).isEqualTo("Re: Your invoices " + tag);
      assertThat(collector.value("email-form:email-body"))
          .contains("thank you for your message of", "> Hello,");
      collector.screenshot("reply-answer-dialog");
      collector.press("email-form:save");
      collector.await("#page-messages .ui-messages-info", Duration.ofSeconds(10));
      assertThat(collector.text("#replies")).contains("Answered by collector");
      collector.screenshot("reply-answered", "#replies");
    }
    MimeMessage answer = Mailbox.await(MAIL, uma.email, "Re: Your invoices " + tag);
    assertThat(answer.getHeader("In-Reply-To")).containsExactly(theirId);
    assertThat(answer.getHeader("References")[0]).endsWith(theirId).contains(ours.getMessageID());
  }

  @Test
  void aCollectorAssignsAMessageThatMatchedNoOne() throws Exception {
    LondonCustomer vera =
        new LondonCustomer(
                "RV-" + tag, "Vera Works " + tag, "Vera Lee", "vera." + tag + "@example.org")
            .invoice("IRV-" + tag, LocalDate.now(LONDON).minusDays(25), "310.00");
    deliver(
        "From: Vera at home <vera.home."
            + tag
            + "@example.net>\r\nTo: accounts@courtesy.example\r\nSubject: Invoice IRV-"
            + tag
            + "\r\nMessage-ID: <home."
            + tag
            + "@example.net>\r\n\r\nWe have a new address for invoices, could you resend IRV-"
            + tag
            + "?\r\n");
    api.postJson("/api/v1/bounces/mailbox", "", "admin", Courtesy.ADMIN_PASSWORD);

    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.follow("#nav-unmatched", "Unmatched replies");
      assertThat(collector.text("#unmatched-form")).contains("vera.home." + tag + "@example.net");
      collector.screenshot("unmatched-replies");
      String id =
          collector.idOf(
              "article[data-sender='vera.home." + tag + "@example.net'] input[id$=':customer']");
      collector.type(id, vera.number());
      collector.press(id.replace(":customer", ":assign"));
      assertThat(collector.text("#unmatched-form"))
          .contains("is on customer " + vera.number() + "'s history")
          .doesNotContain("vera.home." + tag + "@example.net ·");
      collector.screenshot("unmatched-assigned");
    }
    assertThat(
            api.get(
                    "/api/v1/replies?customer=" + vera.number(),
                    "collector",
                    Courtesy.COLLECTOR_PASSWORD)
                .body())
        .contains("\"matchedBy\":\"COLLECTOR\"", "could you resend IRV-" + tag);
  }

  private static void deliver(String text) throws Exception {
    MAIL.setUser("accounts@courtesy.example", Mailbox.BOUNCE_USER, Mailbox.BOUNCE_PASSWORD)
        .deliver(
            new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }
}
