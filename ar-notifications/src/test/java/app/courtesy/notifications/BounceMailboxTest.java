package app.courtesy.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.dispatch.Bounce;
import app.courtesy.dispatch.BounceIntake.MailboxRead;
import app.courtesy.dispatch.Bounces;
import app.courtesy.dispatch.MailboxUnavailableException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bounce mailbox read over IMAP (GreenMail on 127.0.0.1): reports are recorded and removed, a
 * customer's reply is left for a person, and nothing is lost when recording fails.
 */
class BounceMailboxTest {

  private GreenMail server;
  private GreenMailUser bounces;
  private BounceMailbox.Settings mailbox;
  private final List<Bounce> recorded = new ArrayList<>();

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
  void aReportIsRecordedAndRemovedAndAReplyIsLeftReadForAPerson() throws Exception {
    MailboxRead first = BounceMailbox.read(mailbox, recorder());
    MailboxRead second = BounceMailbox.read(mailbox, recorder());

    assertThat(first).isEqualTo(new MailboxRead(1, 1, 0, 1));
    assertThat(recorded)
        .extracting(Bounce::messageId, Bounce::address)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("<outbox-42@courtesy>", "ap@weber.example"));
    assertThat(second).isEqualTo(new MailboxRead(0, 0, 0, 0));
    assertThat(server.getReceivedMessages())
        .extracting(MimeMessage::getSubject)
        .containsExactly("Re: Eine freundliche Erinnerung");
  }

  @Test
  void aReportThatCouldNotBeRecordedStaysForTheNextRead() {
    Function<MimeMessage, List<Bounces.Result>> databaseDown =
        email -> {
          throw new IllegalStateException("The database is not reachable");
        };

    assertThatThrownBy(() -> BounceMailbox.read(mailbox, databaseDown))
        .hasMessage("The database is not reachable");
    MailboxRead next = BounceMailbox.read(mailbox, recorder());

    assertThat(next).isEqualTo(new MailboxRead(1, 1, 0, 1));
  }

  @Test
  void aMailboxThatCannotBeReachedSaysWhere() throws Exception {
    server.stop();

    assertThatThrownBy(() -> BounceMailbox.read(mailbox, recorder()))
        .isInstanceOf(MailboxUnavailableException.class)
        .hasMessageContaining("The bounce mailbox INBOX at 127.0.0.1:" + mailbox.port());
  }

  private Function<MimeMessage, List<Bounces.Result>> recorder() {
    return email ->
        DeliveryReport.bounces(email).stream()
            .peek(recorded::add)
            .map(b -> Bounces.Result.RECORDED)
            .toList();
  }
}
