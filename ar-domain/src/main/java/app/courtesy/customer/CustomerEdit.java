package app.courtesy.customer;

import app.courtesy.shared.validation.TimeZoneId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person may change about a customer on its page.
 *
 * @param reminderPolicy the name of the customer's own reminder policy, blank for the default
 */
public record CustomerEdit(
    @NotBlank @Size(max = 200) String name,
    @NotNull @TimeZoneId String timeZone,
    @NotNull
        @Pattern(
            regexp = "[a-z]{2,3}(-[A-Z]{2})?",
            message = "must be a language tag such as de-DE or en")
        String locale,
    @Size(max = 64) String collector,
    @Size(max = 4000) String notes,
    @Size(max = 80) String reminderPolicy) {}
