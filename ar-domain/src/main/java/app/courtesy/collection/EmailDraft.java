package app.courtesy.collection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An email a collector wrote to one of the customer's contacts.
 *
 * @param override why an approver sends it although the courtesy check found something it forbids;
 *     blank otherwise
 * @param answers the customer's reply it answers, if any: it goes out threaded under it
 */
public record EmailDraft(
    @NotNull Long contactId,
    @NotBlank @Size(max = 400) String subject,
    @NotBlank @Size(max = 20000) String body,
    @Size(max = 2000) String override,
    Long answers) {}
