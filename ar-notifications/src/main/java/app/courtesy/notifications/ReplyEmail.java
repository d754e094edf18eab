package app.courtesy.notifications;

import app.courtesy.customer.Channel;
import app.courtesy.reminder.HtmlText;
import app.courtesy.reply.AutoReplies;
import app.courtesy.reply.Incoming;
import app.courtesy.shared.Sha256;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's email as Courtesy keeps it: who sent it, where to, which of our emails it answers
 * (In-Reply-To, References), its text (the plain part, or the HTML part's text), its attachments,
 * whether a mail program sent it by itself, and the whole of it as received.
 */
final class ReplyEmail {

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  /** Headers that carry the address a message was delivered to, besides To and Cc. */
  private static final List<String> DELIVERED_TO =
      List.of("Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To");

  private ReplyEmail() {}

  /** The email as a message from a customer. */
  static Incoming read(MimeMessage email) {
    try {
      byte[] original = original(email);
      String subject = Optional.ofNullable(email.getSubject()).orElse("");
      Optional<InternetAddress> from = sender(email);
      Parts parts = new Parts();
      parts.collect(email);
      String text =
          parts.plain != null ? parts.plain : parts.html != null ? HtmlText.of(parts.html) : "";
      return new Incoming(
          key(email, original),
          Channel.EMAIL,
          from.map(InternetAddress::getAddress).orElse("unknown sender"),
          from.map(InternetAddress::getPersonal).orElse(null),
          recipients(email),
          subject,
          text.replace("\r\n", "\n"),
          refersTo(email),
          AutoReplies.isAutomatic(name -> header(email, name), subject),
          List.copyOf(parts.attachments),
          original);
    } catch (MessagingException | IOException e) {
      throw new IllegalArgumentException("The email cannot be read as MIME: " + e.getMessage(), e);
    }
  }

  /** Its Message-ID; one made from its content when it has none, so it is still kept once. */
  private static String key(MimeMessage email, byte[] original) throws MessagingException {
    String id = email.getMessageID();
    if (id != null) {
      Matcher found = MESSAGE_ID.matcher(MimeUtility.unfold(id));
      if (found.find()) {
        return found.group();
      }
    }
    return "<" + Sha256.hex(original) + "@no-message-id>";
  }

  /** In-Reply-To's ids, then References' from the newest back. */
  private static List<String> refersTo(MimeMessage email) throws MessagingException {
    Set<String> ids = new LinkedHashSet<>(ids(header(email, "In-Reply-To")));
    List<String> references = new ArrayList<>(ids(header(email, "References")));
    Collections.reverse(references);
    ids.addAll(references);
    return List.copyOf(ids);
  }

  private static List<String> ids(String header) {
    if (header == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    Matcher found = MESSAGE_ID.matcher(MimeUtility.unfold(header));
    while (found.find()) {
      ids.add(found.group());
    }
    return ids;
  }

  private static Optional<InternetAddress> sender(MimeMessage email) throws MessagingException {
    Address[] from;
    try {
      from = email.getFrom();
    } catch (AddressException malformed) {
      from = InternetAddress.parseHeader(header(email, "From"), false);
    }
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
      return Optional.empty();
    }
    return Optional.of(address);
  }

  private static List<String> recipients(MimeMessage email) throws MessagingException {
    List<String> addresses = new ArrayList<>();
    for (Message.RecipientType type :
        new Message.RecipientType[] {Message.RecipientType.TO, Message.RecipientType.CC}) {
      String[] values = email.getHeader(type.toString());
      if (values == null) {
        continue;
      }
      for (String value : values) {
        for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
          addresses.add(address.getAddress());
        }
      }
    }
    for (String name : DELIVERED_TO) {
      String[] values = email.getHeader(name);
      if (values != null) {
        for (String value : values) {
          addresses.add(value.replaceAll("[<>]", "").strip());
        }
      }
    }
    return List.copyOf(addresses);
  }

  private static String header(MimeMessage email, String name) {
    try {
      String value = email.getHeader(name, ", ");
      return value == null ? null : MimeUtility.decodeText(MimeUtility.unfold(value));
    } catch (MessagingException | UnsupportedEncodingException e) {
      return null;
    }
  }

  private static byte[] original(MimeMessage email) throws MessagingException, IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    email.writeTo(bytes);
    return bytes.toByteArray();
  }

  /** The text parts and the attachments of a message, found depth first. */
  private static final class Parts {

    private String plain;
    private String html;
    private final List<Incoming.Attachment> attachments = new ArrayList<>();

    void collect(Part part) throws MessagingException, IOException {
      String fileName = fileName(part);
      boolean attached =
          Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
      if (part.isMimeType("multipart/*") && !attached) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child);
        }
      } else if (!attached && part.isMimeType("text/plain") && plain == null) {
        plain = String.valueOf(part.getContent());
      } else if (!attached && part.isMimeType("text/html") && html == null) {
        html = String.valueOf(part.getContent());
      } else if (attached || part.isMimeType("message/rfc822")) {
        try (InputStream in = part.getInputStream()) {
          attachments.add(
              new Incoming.Attachment(
                  fileName != null
                      ? fileName
                      : part.isMimeType("message/rfc822") ? "message.eml" : "attachment",
                  part.getContentType(),
                  in.readAllBytes()));
        }
      }
    }

    private static String fileName(Part part) throws MessagingException {
      String name = part.getFileName();
      if (name == null) {
        return null;
      }
      try {
        return MimeUtility.decodeText(name);
      } catch (UnsupportedEncodingException e) {
        return name;
      }
    }
  }
}
