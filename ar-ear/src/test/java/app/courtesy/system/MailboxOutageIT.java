package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sender's mailbox goes away for a while: the read says so, the Reminder runs page shows since
 * when, and what arrived meanwhile is read once the mailbox answers again.
 */
class MailboxOutageIT {

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aMailboxThatCannotBeReachedIsReportedAndReadOnceItAnswers() throws Exception {
    // No mail server listens on the mailbox's port.
    HttpResponse<String> down =
        api.postJson("/api/v1/bounces/mailbox", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
    assertThat(down.body()).contains("cannot be read");
    try (Browser admin = Browser.open()) {
      admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
      admin.go("/admin/reminders.xhtml");
      assertThat(admin.text("#mailbox-state"))
          .contains("The mailbox cannot be read since", "tried again every minute");
      admin.screenshot("reminder-runs-mailbox-down", "#outbox");
    }

    GreenMail server =
        new GreenMail(new ServerSetup(Integer.getInteger("imap.port", 20143), "127.0.0.1", "imap"));
    server.start();
    try {
      server
          .setUser("accounts@courtesy.example", Mailbox.BOUNCE_USER, Mailbox.BOUNCE_PASSWORD)
          .deliver(
              new MimeMessage(
                  Session.getInstance(new Properties()),
                  new ByteArrayInputStream(
                      ("From: someone."
                              + tag
                              + "@example.org\r\nSubject: While you were away\r\n"
                              + "Message-ID: <away."
                              + tag
                              + "@example.org>\r\n\r\nHello?\r\n")
                          .getBytes(StandardCharsets.UTF_8))));

      HttpResponse<String> back =
          api.postJson("/api/v1/bounces/mailbox", "", "admin", Courtesy.ADMIN_PASSWORD);

      assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
      assertThat(back.body()).contains("\"replies\":1", "\"failed\":0");
      try (Browser admin = Browser.open()) {
        admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
        admin.go("/admin/reminders.xhtml");
        assertThat(admin.text("#mailbox-state")).contains("The mailbox was last read at");
      }
    } finally {
      server.stop();
    }
  }
}
