package app.courtesy.customer;

import app.courtesy.shared.validation.CurrencyCode;
import app.courtesy.shared.validation.DocumentNumber;
import app.courtesy.shared.validation.PlainText;
import app.courtesy.shared.validation.TimeZoneId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer as an ERP sends it; {@code externalId} is the ERP's key, so sending it again updates
 * rather than duplicates.
 *
 * @param collector username of the assigned collector, or {@code null}
 * @param reminderPolicy the name of the customer's own reminder policy, or {@code null} for the
 *     default policy
 */
public record CustomerData(
    @NotBlank @Size(max = 100) @PlainText String externalId,
    @NotBlank @Size(max = 40) @DocumentNumber String number,
    @NotBlank @Size(max = 200) @PlainText String name,
    @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code such as DE")
        String country,
    @NotNull @TimeZoneId String timeZone,
    @NotNull
        @Pattern(
            regexp = "[a-z]{2,3}(-[A-Z]{2})?",
            message = "must be a language tag such as de-DE or en")
        String locale,
    @NotNull @CurrencyCode String currency,
    @Size(max = 64) @PlainText String collector,
    @Size(max = 4000) @PlainText(multiline = true) String notes,
    @Size(max = 80) @PlainText String reminderPolicy) {}
