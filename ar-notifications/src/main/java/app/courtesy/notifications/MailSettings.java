package app.courtesy.notifications;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * How email leaves: through the SMTP server named by {@code AR_SMTP_HOST} (with {@code
 * AR_SMTP_PORT}, {@code AR_SMTP_USER}, {@code AR_SMTP_PASSWORD}, {@code AR_SMTP_STARTTLS}), or,
 * with none configured, into the pickup folder.
 *
 * @param subAddressing the sender's mailbox takes sub-addresses ({@code AR_MAIL_SUB_ADDRESSING}):
 *     each email's Reply-To is then {@code local+<token>@domain}, naming the email a reply answers
 */
public record MailSettings(
    Optional<String> host,
    int port,
    Optional<String> user,
    Optional<String> password,
    boolean startTls,
    String from,
    String fromName,
    Path pickup,
    boolean subAddressing) {

  /** Where replies to an email with reply token {@code token} go: the sender, sub-addressed. */
  String replyTo(String token) {
    int at = from.lastIndexOf('@');
    if (!subAddressing || token == null || at < 1) {
      return from;
    }
    return from.substring(0, at) + "+" + token + from.substring(at);
  }

  /** The Jakarta Mail session properties for the configured server. */
  Properties sessionProperties() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host.orElseThrow());
    properties.put("mail.smtp.port", Integer.toString(port));
    properties.put("mail.smtp.auth", Boolean.toString(user.isPresent()));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
    properties.put("mail.smtp.starttls.required", Boolean.toString(startTls));
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "30000");
    properties.put("mail.smtp.writetimeout", "30000");
    properties.put("mail.smtp.socketFactory", new NoDelaySockets());
    return properties;
  }
}
