package app.courtesy.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.dispatch.Bounce;
import app.courtesy.dispatch.BounceIntake.MailboxRead;
import app.courtesy.dispatch.Bounces;
import app.courtesy.dispatch.MailboxUnavailableException;
import app.courtesy.reply.Incoming;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's mailbox read over IMAP (GreenMail on 127.0.0.1): reports are recorded and removed, a
 * customer's reply is kept and left in the mailbox marked read, and nothing is lost when taking an
 * email in fails.
 */
class BounceMailboxTest {

  private GreenMail server;
  private GreenMailUser bounces;
  private BounceMailbox.Settings mailbox;
  private final List<Bounce> recorded = new ArrayList<>();
  private final List<Incoming> kept = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  @BeforeEach
  void aMailboxWithABounceAndAReply() throws Exception {
    int port = LocalPorts.free();
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", "imap"));
    server.start();
    bounces = server.setUser("receivables@courtesy.example", "receivables", "s3cret");
    bounces.deliver(DeliveryReportTest.resource("postfix-user-unknown.eml"));
    bounces.deliver(DeliveryReportTest.resource("reply.eml"));
    mailbox =
        new BounceMailbox.Settings(
            "127.0.0.1", port, Optional.of("receivables"), Optional.of("s3cret"), false, "INBOX");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aReportIsRecordedAndRemovedAndAReplyIsKeptAndLeftRead() throws Exception {
    MailboxRead first = BounceMailbox.read(mailbox, intake());
    MailboxRead second = BounceMailbox.read(mailbox, intake());

    assertThat(first).isEqualTo(new MailboxRead(1, 1, 0, 1, 0, 0));
    assertThat(recorded)
        .extracting(Bounce::messageId, Bounce::address)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("<outbox-42@courtesy>", "ap@weber.example"));
    assertThat(kept)
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply.sender()).isEqualTo("ap@weber.example");
              assertThat(reply.refersTo()).containsExactly("<outbox-42@courtesy>");
              assertThat(reply.text()).contains("die Zahlung ist unterwegs");
            });
    assertThat(second).isEqualTo(new MailboxRead(0, 0, 0, 0, 0, 0));
    assertThat(server.getReceivedMessages())
        .extracting(MimeMessage::getSubject)
        .containsExactly("Re: Eine freundliche Erinnerung");
  }

  @Test
  void emailsThatCouldNotBeTakenInStayForTheNextRead() {
    BounceMailbox.Intake databaseDown =
        new BounceMailbox.Intake(
            email -> {
              throw new IllegalStateException("The database is not reachable");
            },
            email -> {
              throw new IllegalStateException("The database is not reachable");
            },
            problems::add);

    MailboxRead failing = BounceMailbox.read(mailbox, databaseDown);
    MailboxRead next = BounceMailbox.read(mailbox, intake());

    assertThat(failing).isEqualTo(new MailboxRead(0, 0, 0, 0, 0, 2));
    assertThat(problems)
        .hasSize(2)
        .allSatisfy(p -> assertThat(p).contains("The database is not reachable"));
    assertThat(next).isEqualTo(new MailboxRead(1, 1, 0, 1, 0, 0));
  }

  @Test
  void aMailboxThatCannotBeReachedSaysWhere() throws Exception {
    server.stop();

    assertThatThrownBy(() -> BounceMailbox.read(mailbox, intake()))
        .isInstanceOf(MailboxUnavailableException.class)
        .hasMessageContaining("The mailbox INBOX at 127.0.0.1:" + mailbox.port());
  }

  private BounceMailbox.Intake intake() {
    return new BounceMailbox.Intake(
        email ->
            DeliveryReport.bounces(email).stream()
                .peek(recorded::add)
                .map(b -> Bounces.Result.RECORDED)
                .toList(),
        email -> kept.add(ReplyEmail.read(email)),
        problems::add);
  }
}
