package app.courtesy.web.api;

import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactData;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A contact as it is read back: the fields an ERP writes with {@code POST /contacts}, and whether
 * mail to it bounced.
 */
@Schema(description = "A contact: the fields an ERP writes, and whether mail to it bounced.")
public record ContactView(
    @Schema(example = "ERP-C-7") String externalId,
    @Schema(example = "C-10042") String customerNumber,
    @Schema(example = "Iris Penrose") String name,
    @Schema(example = "Ms", nullable = true) String salutation,
    @Schema(example = "Accounts payable", nullable = true) String role,
    @Schema(example = "iris@example.org", nullable = true) String email,
    @Schema(nullable = true) String phone,
    @Schema(nullable = true) String mobile,
    Channel preferredChannel,
    boolean emailOptOut,
    boolean smsOptOut,
    @Schema(description = "When mail to it last bounced", nullable = true)
        OffsetDateTime emailBouncedAt,
    @Schema(nullable = true) String bounceReason) {

  static ContactView of(Contact contact) {
    ContactData data = contact.toData();
    return new ContactView(
        data.externalId(),
        data.customerNumber(),
        data.name(),
        data.salutation(),
        data.role(),
        data.email(),
        data.phone(),
        data.mobile(),
        data.preferredChannel(),
        data.emailOptOut(),
        data.smsOptOut(),
        contact.getEmailBouncedAt().orElse(null),
        contact.getBounceReason());
  }
}
