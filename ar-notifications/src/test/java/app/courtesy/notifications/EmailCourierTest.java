package app.courtesy.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.DeliveryException;
import app.courtesy.dispatch.HandOverRefusedException;
import app.courtesy.dispatch.Outgoing;
import app.courtesy.notifications.FaultySmtpServer.Drop;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reminder emails over SMTP to a local server, and to the pickup folder when none is set up. */
class EmailCourierTest {

  private static final Outgoing REMINDER =
      new Outgoing(
          42,
          7,
          9,
          Channel.EMAIL,
          "Hannah Weber",
          "hannah.weber@weber.example",
          "Eine freundliche Erinnerung: CHF 1’250.00 offen",
          "Guten Tag Frau Weber, vielen Dank …",
          "<p>Guten Tag Frau Weber, vielen Dank …</p>",
          "https://pay.courtesy.example/pay/Tq3bX0c9VwzL2kYp8rN5sHdE1uJmA4gF/unsubscribe/email",
          "m42-0123456789abcdef",
          null,
          null,
          "reminders");

  @TempDir Path pickup;

  @Test
  void aServerThatIsDownFailsForNowAndTheSameMessageGoesThroughOnceItIsUp() throws Exception {
    int port = LocalPorts.free();
    EmailCourier courier = new EmailCourier(settings(Optional.of("127.0.0.1"), port));

    assertThatThrownBy(() -> courier.deliver(REMINDER, new HandOvers()))
        .isInstanceOfSatisfying(
            DeliveryException.class, down -> assertThat(down.isPermanent()).isFalse())
        .hasMessageContaining("not reachable");

    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    server.start();
    try {
      String receipt = courier.deliver(REMINDER, new HandOvers());

      assertThat(receipt).contains("<outbox-42@courtesy>");
      MimeMessage[] received = server.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(received[0].getSubject()).isEqualTo(REMINDER.subject());
      assertThat(received[0].getMessageID()).isEqualTo("<outbox-42@courtesy>");
      assertThat(received[0].getAllRecipients()[0].toString())
          .contains("hannah.weber@weber.example");
      assertThat(GreenMailUtil.getBody(received[0])).contains("text/plain", "text/html");
      assertThat(received[0].getHeader("List-Unsubscribe"))
          .as("RFC 8058: the mail program's unsubscribe posts to the customer's opt-out")
          .containsExactly("<" + REMINDER.unsubscribe() + ">");
      assertThat(received[0].getHeader("List-Unsubscribe-Post"))
          .containsExactly("List-Unsubscribe=One-Click");
      assertThat(received[0].getReplyTo()[0].toString())
          .as("a reply goes to the sender's mailbox, sub-addressed with the email's token")
          .contains("<accounts+m42-0123456789abcdef@courtesy.example>");
      assertThat(received[0].getHeader("In-Reply-To")).as("a reminder answers nothing").isNull();
    } finally {
      server.stop();
    }
  }

  @Test
  void anAnswerToTheCustomersEmailIsThreadedUnderIt() throws Exception {
    Outgoing answer =
        new Outgoing(
            43,
            7,
            9,
            Channel.EMAIL,
            "Hannah Weber",
            "hannah.weber@weber.example",
            "Re: Zahlung",
            "Vielen Dank für Ihre Nachricht …",
            "<p>Vielen Dank für Ihre Nachricht …</p>",
            REMINDER.unsubscribe(),
            "m43-0123456789abcdef",
            "<CAF=x1@mail.weber.example>",
            "<outbox-42@courtesy> <CAF=x1@mail.weber.example>",
            "reminders");
    int port = LocalPorts.free();
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    server.start();
    try {
      new EmailCourier(settings(Optional.of("127.0.0.1"), port)).deliver(answer, new HandOvers());

      MimeMessage received = server.getReceivedMessages()[0];
      assertThat(received.getHeader("In-Reply-To")).containsExactly("<CAF=x1@mail.weber.example>");
      assertThat(received.getHeader("References"))
          .containsExactly("<outbox-42@courtesy> <CAF=x1@mail.weber.example>");
    } finally {
      server.stop();
    }
  }

  @Test
  void eachBodyArrivesAsWrittenWhetherPlainAsciiAccentedOrInLongLines() throws Exception {
    String ascii = "Dear Mr Lee,\r\nthank you. Invoice 1 of USD 10.00 was due on 3 March.\r\n";
    String longLine = "Invoice " + "INV-12345, ".repeat(120) + "all paid, thank you.\r\n";
    String accented = "Guten Tag Frau Müller,\r\nCHF 1’250.00 (2 × 625,00 €) ist offen.\r\n";
    int port = LocalPorts.free();
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    server.start();
    try {
      EmailCourier courier = new EmailCourier(settings(Optional.of("127.0.0.1"), port));
      List<String> bodies = List.of(ascii, longLine, accented);
      for (int i = 0; i < bodies.size(); i++) {
        String body = bodies.get(i);
        courier.deliver(withBody(50 + i, body), new HandOvers());
      }
      MimeMessage[] received = server.getReceivedMessages();
      List<String> encodings = new ArrayList<>();
      for (int i = 0; i < bodies.size(); i++) {
        MimeMultipart parts = (MimeMultipart) received[i].getContent();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(bodies.get(i));
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>" + bodies.get(i) + "</p>");
        encodings.add(((MimeBodyPart) parts.getBodyPart(0)).getEncoding());
      }
      assertThat(encodings)
          .as(
              "to a server without 8BITMIME, plain ASCII goes as it is; accents and lines over 998"
                  + " characters are encoded")
          .containsExactly("7bit", "quoted-printable", "quoted-printable");
    } finally {
      server.stop();
    }
  }

  @Test
  void toAServerThatTakes8BitMimeAccentedBodiesGoAsTheyAreAndLongLinesEncoded() throws Exception {
    String accented = "Guten Tag Frau Müller,\r\nCHF 1’250.00 (2 × 625,00 €) ist offen.\r\n";
    String longAccented = "Rechnung " + "RE-12345 über 10,00 €, ".repeat(60) + "danke.\r\n";
    try (FaultySmtpServer server = new FaultySmtpServer(Drop.NEVER)) {
      EmailCourier courier = new EmailCourier(settings(Optional.of("127.0.0.1"), server.port()));
      courier.deliver(withBody(60, accented), new HandOvers());
      courier.deliver(withBody(61, longAccented), new HandOvers());

      List<String> encodings = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        MimeMessage received =
            new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(server.kept().get(i).getBytes(StandardCharsets.UTF_8)));
        MimeMultipart parts = (MimeMultipart) received.getContent();
        String body = i == 0 ? accented : longAccented;
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(body.replace("\r\n", "\n"));
        encodings.add(((MimeBodyPart) parts.getBodyPart(0)).getEncoding());
      }
      assertThat(encodings)
          .as("UTF-8 as it is in lines of up to 998 octets; a longer line is encoded")
          .containsExactly("8bit", "quoted-printable");
      assertThat(server.envelopes())
          .as("RFC 6152: an email in 8 bits says so in its envelope, one in 7 bits does not")
          .satisfiesExactly(
              eightBit -> assertThat(eightBit).endsWith(" BODY=8BITMIME"),
              sevenBit -> assertThat(sevenBit).doesNotContain("BODY="));
    }
  }

  @Test
  void aConnectionTheServerDroppedWhileItWaitedIsReplacedAndTheEmailGoesAtOnce() throws Exception {
    int port = LocalPorts.free();
    EmailCourier courier = new EmailCourier(settings(Optional.of("127.0.0.1"), port));
    GreenMail before = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    before.start();
    courier.deliver(REMINDER, new HandOvers());
    before.stop();

    GreenMail after = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    after.start();
    try {
      courier.deliver(REMINDER, new HandOvers());

      assertThat(after.getReceivedMessages()).hasSize(1);
    } finally {
      after.stop();
    }
  }

  @Test
  void theEmailIsHandedOverJustBeforeItsDataAndNotAtAllWhileTheServerIsDown() throws Exception {
    int port = LocalPorts.free();
    EmailCourier courier = new EmailCourier(settings(Optional.of("127.0.0.1"), port));
    HandOvers whileDown = new HandOvers();
    assertThatThrownBy(() -> courier.deliver(REMINDER, whileDown))
        .isInstanceOf(DeliveryException.class);
    assertThat(whileDown.servers()).as("nothing was handed over").isEmpty();

    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    server.start();
    try {
      List<Integer> receivedAtHandOver = new ArrayList<>();
      HandOvers handOvers =
          new HandOvers(() -> receivedAtHandOver.add(server.getReceivedMessages().length));
      courier.deliver(REMINDER, handOvers);

      assertThat(handOvers.servers()).containsExactly("127.0.0.1:" + port);
      assertThat(receivedAtHandOver).as("handed over before the server had it").containsExactly(0);
      assertThat(server.getReceivedMessages()).hasSize(1);
    } finally {
      server.stop();
    }
  }

  @Test
  void aHandOverRefusedSendsNothingAndTheNextEmailStillGoes() throws Exception {
    int port = LocalPorts.free();
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    server.start();
    try {
      EmailCourier courier = new EmailCourier(settings(Optional.of("127.0.0.1"), port));
      courier.deliver(REMINDER, new HandOvers());

      assertThatThrownBy(
              () ->
                  courier.deliver(
                      REMINDER,
                      new HandOvers(
                          () -> {
                            throw new HandOverRefusedException(42);
                          })))
          .isInstanceOf(HandOverRefusedException.class);
      assertThat(server.getReceivedMessages()).hasSize(1);

      courier.deliver(REMINDER, new HandOvers());
      assertThat(server.getReceivedMessages()).hasSize(2);
    } finally {
      server.stop();
    }
  }

  @Test
  void aServerThatHangsUpAfterTheWholeEmailLeavesItsFateUnknown() throws Exception {
    try (FaultySmtpServer server = new FaultySmtpServer(Drop.AFTER_THE_FINAL_DOT)) {
      EmailCourier courier = new EmailCourier(settings(Optional.of("127.0.0.1"), server.port()));
      HandOvers handOvers = new HandOvers();

      assertThatThrownBy(() -> courier.deliver(REMINDER, handOvers))
          .isInstanceOfSatisfying(
              DeliveryException.class,
              unknown -> {
                assertThat(unknown.isUnknown()).isTrue();
                assertThat(unknown.isPermanent()).isFalse();
              })
          .hasMessageContaining("did not answer after the whole email was sent");
      assertThat(handOvers.servers()).hasSize(1);
      assertThat(server.kept()).singleElement().asString().contains("<outbox-42@courtesy>");
    }
  }

  @Test
  void aServerThatHangsUpAtDataFailsForNowEvenThoughTheEmailWasHandedOver() throws Exception {
    try (FaultySmtpServer server = new FaultySmtpServer(Drop.AT_DATA)) {
      EmailCourier courier = new EmailCourier(settings(Optional.of("127.0.0.1"), server.port()));
      HandOvers handOvers = new HandOvers();

      assertThatThrownBy(() -> courier.deliver(REMINDER, handOvers))
          .isInstanceOfSatisfying(
              DeliveryException.class, failed -> assertThat(failed.isUnknown()).isFalse());
      assertThat(handOvers.servers()).hasSize(1);
      assertThat(server.kept()).isEmpty();
    }
  }

  @Test
  void withoutAServerTheEmailIsWrittenToThePickupFolder() throws IOException, DeliveryException {
    EmailCourier courier = new EmailCourier(settings(Optional.empty(), 25));

    String receipt = courier.deliver(REMINDER, new HandOvers());

    try (Stream<Path> files = Files.list(pickup.resolve("mail"))) {
      Path eml = files.findFirst().orElseThrow();
      assertThat(eml.getFileName().toString()).endsWith("-message-42.eml");
      assertThat(receipt).contains(eml.toString());
      assertThat(Files.readString(eml))
          .contains("Message-ID: <outbox-42@courtesy>", "To: Hannah Weber");
    }
  }

  @Test
  void thePickupFolderGetsAccentedBodiesIn7BitsForWhicheverServerTakesThemOn() throws Exception {
    EmailCourier courier = new EmailCourier(settings(Optional.empty(), 25));

    courier.deliver(
        withBody(64, "Grüezi Frau Müller, danke für 1’250.00 CHF.\r\n"), new HandOvers());

    try (Stream<Path> files = Files.list(pickup.resolve("mail"))) {
      String eml = Files.readString(files.findFirst().orElseThrow());
      assertThat(eml)
          .contains("Content-Transfer-Encoding: quoted-printable", "Gr=C3=BCezi")
          .doesNotContain("8bit", "Grüezi");
    }
  }

  /** A reminder, message {@code id}, whose plain text is {@code body} (and its HTML the same). */
  private static Outgoing withBody(long id, String body) {
    return new Outgoing(
        id,
        7,
        9,
        Channel.EMAIL,
        "Hannah Weber",
        "hannah.weber@weber.example",
        "Invoice",
        body,
        "<p>" + body + "</p>",
        REMINDER.unsubscribe(),
        "m" + id + "-0123456789abcdef",
        null,
        null,
        "reminders");
  }

  private MailSettings settings(Optional<String> host, int port) {
    return new MailSettings(
        host,
        port,
        Optional.empty(),
        Optional.empty(),
        false,
        "accounts@courtesy.example",
        "Courtesy Demo Ltd",
        pickup,
        true);
  }
}
