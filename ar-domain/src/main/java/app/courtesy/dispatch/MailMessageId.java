package app.courtesy.dispatch;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Message-ID an email gets from its outbox message, so that the email is recognisable wherever
 * it turns up again: in a bounce, in a reply, in the pickup folder.
 */
public final class MailMessageId {

  private static final Pattern OURS = Pattern.compile("<outbox-(\\d{1,18})@courtesy>");

  private MailMessageId() {}

  /** The Message-ID of the email for outbox message {@code messageId}. */
  public static String of(long messageId) {
    return "<outbox-" + messageId + "@courtesy>";
  }

  /** The outbox message a Message-ID names, if it is one Courtesy wrote. */
  public static OptionalLong outboxId(String messageId) {
    Matcher ours = OURS.matcher(messageId.strip());
    return ours.matches() ? OptionalLong.of(Long.parseLong(ours.group(1))) : OptionalLong.empty();
  }
}
