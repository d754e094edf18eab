package app.courtesy.notifications;

import app.courtesy.dispatch.Bounce;
import app.courtesy.dispatch.UnreadableReportException;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a delivery status notification (RFC 3464), the report a mail system sends back when it
 * gives up on an email: a {@code multipart/report} of report-type {@code delivery-status}, whose
 * {@code message/delivery-status} part holds a block of fields for the message and then one per
 * recipient (Final-Recipient, Action, Status, Diagnostic-Code), and whose last part returns the
 * email, or its headers, with the Message-ID that names it.
 *
 * <p>The parts are read from the raw MIME rather than through the mail provider's handlers for
 * these types, which not every provider registers.
 */
final class DeliveryReport {

  private DeliveryReport() {}

  /**
   * The recipients the report says delivery failed for; none when it reports a delay or a success.
   *
   * @throws UnreadableReportException when the email is not such a report or names no Message-ID
   */
  static List<Bounce> bounces(MimeMessage email) {
    try {
      ContentType type = new ContentType(email.getContentType());
      if (!type.match("multipart/report")
          || !"delivery-status".equalsIgnoreCase(type.getParameter("report-type"))) {
        throw new UnreadableReportException(
            "Not a delivery status notification: a bounce is a multipart/report of report-type"
                + " delivery-status (RFC 3464); this email is "
                + type.getBaseType()
                + ".");
      }
      MimeMultipart parts = new MimeMultipart(email.getDataHandler().getDataSource());
      List<InternetHeaders> status = List.of();
      Optional<String> messageId = Optional.empty();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType("message/delivery-status")) {
          status = blocks(part);
        } else if (part.isMimeType("message/rfc822")
            || part.isMimeType("text/rfc822-headers")
            || part.isMimeType("message/rfc822-headers")) {
          try (InputStream returned = part.getInputStream()) {
            messageId =
                Optional.ofNullable(new InternetHeaders(returned).getHeader("Message-ID", null));
          }
        }
      }
      List<InternetHeaders> fields = status;
      if (fields.isEmpty()) {
        throw new UnreadableReportException(
            "The report has no message/delivery-status part saying what happened.");
      }
      String id =
          messageId
              .or(() -> field(fields.get(0), "X-Original-Message-ID"))
              .map(MimeUtility::unfold)
              .orElseThrow(
                  () ->
                      new UnreadableReportException(
                          "The report does not return the email's headers, so it names no"
                              + " Message-ID to find the message by."));
      List<Bounce> failed = new ArrayList<>();
      for (InternetHeaders recipient : fields.subList(1, fields.size())) {
        if (field(recipient, "Action").filter("failed"::equalsIgnoreCase).isEmpty()) {
          continue;
        }
        String address =
            field(recipient, "Original-Recipient")
                .or(() -> field(recipient, "Final-Recipient"))
                .map(DeliveryReport::afterType)
                .orElse("");
        String code = field(recipient, "Status").map(s -> s.split("\\s+")[0]).orElse("5.0.0");
        failed.add(
            new Bounce(id.strip(), address, code, field(recipient, "Diagnostic-Code").orElse("")));
      }
      return failed;
    } catch (MessagingException | IOException e) {
      throw new UnreadableReportException("The report cannot be read as MIME: " + e.getMessage());
    }
  }

  /** The blocks of fields of a delivery-status part: the message's first, then each recipient's. */
  private static List<InternetHeaders> blocks(Part part) throws MessagingException, IOException {
    String text;
    try (InputStream in = part.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<InternetHeaders> blocks = new ArrayList<>();
    for (String block : text.replace("\r\n", "\n").strip().split("\n\\s*\n")) {
      blocks.add(
          new InternetHeaders(
              new ByteArrayInputStream((block + "\n\n").getBytes(StandardCharsets.UTF_8))));
    }
    return blocks;
  }

  private static Optional<String> field(InternetHeaders block, String name) {
    return Optional.ofNullable(block.getHeader(name, null))
        .map(v -> MimeUtility.unfold(v).replaceAll("\\s+", " ").strip())
        .filter(v -> !v.isEmpty());
  }

  /** {@code user@example.org} of {@code rfc822; user@example.org}. */
  private static String afterType(String recipient) {
    int semicolon = recipient.indexOf(';');
    return recipient.substring(semicolon + 1).strip();
  }
}
