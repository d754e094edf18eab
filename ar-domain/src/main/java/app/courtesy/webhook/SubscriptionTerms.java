package app.courtesy.webhook;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Where a subscription posts and what: an {@code http} or {@code https} URL (https wherever the
 * receiver is not on the same machine), one or more event types, and an optional description for
 * the people who read the list.
 */
public record SubscriptionTerms(
    @NotNull(message = "the URL to post events to, such as https://erp.example.com/courtesy")
        @Size(max = 2000)
        @Pattern(
            regexp = "\\s*https?://[^\\s/?#]+([/?#]\\S*)?\\s*",
            message = "an http or https URL, such as https://erp.example.com/courtesy")
        String url,
    @NotEmpty(message = "at least one event type") Set<@NotNull EventType> eventTypes,
    @Size(max = 200) String description) {}
