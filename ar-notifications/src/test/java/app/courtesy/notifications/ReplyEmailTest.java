package app.courtesy.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.customer.Channel;
import app.courtesy.reply.Incoming;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Customers' emails as Courtesy keeps them: where they came from and what they answer, their words
 * whichever part carries them, their attachments, and whether a person wrote them.
 */
class ReplyEmailTest {

  @Test
  void aReplyFromAMailProgramKeepsItsThreadItsTextAndItsAttachment() throws Exception {
    Incoming reply = ReplyEmail.read(resource("gmail-with-attachment.eml"));

    assertThat(reply.key()).isEqualTo("<CAF+x1Qq9@mail.weber.example>");
    assertThat(reply.channel()).isEqualTo(Channel.EMAIL);
    assertThat(reply.sender()).isEqualTo("ap@weber.example");
    assertThat(reply.senderName()).isEqualTo("Hannah Weber");
    assertThat(reply.subject()).isEqualTo("Re: Eine freundliche Erinnerung – CHF 1’250.00");
    assertThat(reply.refersTo())
        .as("In-Reply-To first, then References from the newest back")
        .containsExactly("<outbox-42@courtesy>", "<outbox-17@courtesy>");
    assertThat(reply.recipients()).contains("accounts+m42-0123456789abcdef@courtesy.example");
    assertThat(reply.text())
        .as("the plain part, as written, quoted history included (cut only for display)")
        .contains("am 1.12.2026 überwiesen, Referenz ZA-88231", "Freundliche Grüße")
        .contains("> Guten Tag Frau Weber");
    assertThat(reply.automatic()).isFalse();
    assertThat(reply.attachments())
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.fileName()).isEqualTo("Zahlungsbestätigung.pdf");
              assertThat(file.mediaType()).startsWith("application/pdf");
              assertThat(new String(file.content(), StandardCharsets.US_ASCII))
                  .startsWith("%PDF-1.4");
            });
    assertThat(new String(reply.original(), StandardCharsets.UTF_8))
        .as("the whole message is kept as received")
        .contains(
            "Message-ID: <CAF+x1Qq9@mail.weber.example>", "Content-Transfer-Encoding: base64");
  }

  @Test
  void anOutOfOfficeWrittenInHtmlIsReadAsTextAndMarkedAutomatic() throws Exception {
    Incoming reply = ReplyEmail.read(resource("out-of-office-fr.eml"));

    assertThat(reply.automatic()).isTrue();
    assertThat(reply.subject()).startsWith("Réponse automatique");
    assertThat(reply.text())
        .as("the text a reader sees, without the style sheet")
        .contains("Je suis absent du bureau et serai de retour le 7 janvier 2027.")
        .doesNotContain("margin");
    assertThat(reply.refersTo()).containsExactly("<outbox-51@courtesy>");
  }

  @Test
  void anEmailWithoutMessageIdIsKeyedByItsContentSoReadingItAgainFindsTheSameKey()
      throws Exception {
    Incoming first = ReplyEmail.read(resource("no-message-id.eml"));
    Incoming again = ReplyEmail.read(resource("no-message-id.eml"));

    assertThat(first.key()).matches("<[0-9a-f]{64}@no-message-id>").isEqualTo(again.key());
    assertThat(first.senderName()).isNull();
    assertThat(first.refersTo()).isEmpty();
    assertThat(first.text()).contains("Paid today.");
  }

  private static MimeMessage resource(String name) throws Exception {
    try (InputStream in = ReplyEmailTest.class.getResourceAsStream("/replies/" + name)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }
}
