package app.courtesy.customer;

import app.courtesy.shared.validation.DocumentNumber;
import app.courtesy.shared.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person at a customer, as an ERP or CRM sends it, keyed by {@code externalId}.
 *
 * @param salutation how to greet them: Ms, Mr, Dr, Frau, Madame …
 * @param role what they do for the customer, e.g. Accounts payable
 */
public record ContactData(
    @NotBlank @Size(max = 100) @PlainText String externalId,
    @NotBlank @Size(max = 40) @DocumentNumber String customerNumber,
    @NotBlank @Size(max = 200) @PlainText String name,
    @Size(max = 40) @PlainText String salutation,
    @Size(max = 100) @PlainText String role,
    @Email @Size(max = 254) String email,
    @Pattern(regexp = "\\+?[0-9 ()./-]{5,40}", message = "must be a phone number") String phone,
    @Pattern(regexp = "\\+?[0-9 ()./-]{5,40}", message = "must be a phone number") String mobile,
    @NotNull Channel preferredChannel,
    boolean emailOptOut,
    boolean smsOptOut) {}
