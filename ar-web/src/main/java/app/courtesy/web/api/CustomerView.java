package app.courtesy.web.api;

import app.courtesy.customer.Customer;
import app.courtesy.security.UserAccount;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer as {@code GET /customers/{number}} reads it back: the fields an ERP writes with {@code
 * POST /customers}, then what Courtesy keeps about it — its version, who changed it last, and what
 * holds its reminders (hardship, a pause).
 */
@Schema(description = "A customer: the fields an ERP writes, then what Courtesy keeps about it.")
public record CustomerView(
    @Schema(example = "ERP-10042") String externalId,
    @Schema(example = "C-10042") String number,
    @Schema(example = "Quillfeather Ltd") String name,
    @Schema(example = "GB") String country,
    @Schema(example = "Europe/London") String timeZone,
    @Schema(example = "en-GB") String locale,
    @Schema(example = "GBP") String currency,
    @Schema(description = "The assigned collector's username", nullable = true) String collector,
    @Schema(nullable = true) String notes,
    @Schema(description = "Its own reminder policy; null: the default", nullable = true)
        String reminderPolicy,
    @Schema(description = "Goes back in If-Match with a change") long version,
    @Schema(description = "In hardship: automated reminders stop until an approver lifts it")
        boolean hardship,
    @Schema(nullable = true) String hardshipReason,
    @Schema(description = "Reminders paused up to and including this day", nullable = true)
        LocalDate remindersPausedUntil,
    @Schema(nullable = true) String pauseReason,
    OffsetDateTime createdAt,
    @Schema(nullable = true) OffsetDateTime updatedAt,
    @Schema(nullable = true) String updatedBy) {

  /**
   * @param policyNames reminder policies' names by id
   */
  static CustomerView of(Customer customer, Map<Long, String> policyNames) {
    return new CustomerView(
        customer.getExternalId(),
        customer.getNumber(),
        customer.getName(),
        customer.getCountry(),
        customer.getTimeZone().getId(),
        customer.getLocale().toLanguageTag(),
        customer.getCurrency().getCurrencyCode(),
        customer.getCollector().map(UserAccount::getUsername).orElse(null),
        customer.getNotes(),
        customer.getReminderPolicyId().map(policyNames::get).orElse(null),
        customer.getVersion(),
        customer.isHardship(),
        customer.getHardshipReason(),
        customer.getRemindersPausedUntil().orElse(null),
        customer.getPauseReason(),
        customer.getCreatedAt(),
        customer.getUpdatedAt(),
        customer.getUpdatedBy());
  }
}
