package app.courtesy.reply;

import app.courtesy.customer.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A message as it reached us, read from the mailbox or posted by the SMS gateway.
 *
 * @param key what makes it the same message however often it is read: the email's Message-ID, the
 *     gateway's id
 * @param sender the sender's email address or mobile number
 * @param recipients where it was sent (To, Cc, Delivered-To): a reply address names our email
 * @param refersTo the Message-IDs of In-Reply-To and References, nearest first
 * @param automatic whether a mail program sent it by itself (see {@link AutoReplies})
 * @param original the whole message as received, for the record
 */
public record Incoming(
    String key,
    Channel channel,
    String sender,
    String senderName,
    List<String> recipients,
    String subject,
    String text,
    List<String> refersTo,
    boolean automatic,
    List<Attachment> attachments,
    byte[] original) {

  /** A file attached to an email. */
  public record Attachment(String fileName, String mediaType, byte[] content) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Attachment that
          && Objects.equals(fileName, that.fileName)
          && Objects.equals(mediaType, that.mediaType)
          && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(fileName, mediaType) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
      return fileName + " (" + mediaType + ", " + content.length + " bytes)";
    }
  }

  /** An SMS: its text from a mobile number, keyed by the gateway's id. */
  public static Incoming sms(String gatewayId, String from, String text) {
    return new Incoming(
        "sms:" + gatewayId,
        Channel.SMS,
        from,
        null,
        List.of(),
        null,
        text,
        List.of(),
        false,
        List.of(),
        null);
  }

  /** Its own id followed by those it refers to: the References an answer carries, oldest first. */
  List<String> thread() {
    if (channel != Channel.EMAIL) {
      return List.of();
    }
    List<String> thread = new ArrayList<>(refersTo);
    Collections.reverse(thread);
    thread.add(key);
    return List.copyOf(new LinkedHashSet<>(thread));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Incoming that && key.equals(that.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return channel + " " + key + " from " + sender;
  }
}
