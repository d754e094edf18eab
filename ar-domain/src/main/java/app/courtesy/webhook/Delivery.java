package app.courtesy.webhook;

import java.time.Instant;

/**
 * One event for one subscription, and what became of it.
 *
 * @param eventId the event's id, the same on every delivery and attempt of it
 * @param body what is posted, the same bytes on every attempt
 * @param nextAttemptAt when it is tried next; null once delivered or given up
 * @param lastStatus the HTTP status of the last answer; null when none came
 * @param lastError why the last attempt failed; null when it did not
 */
public record Delivery(
    long id,
    long subscriptionId,
    String url,
    String eventId,
    String eventType,
    Instant occurredAt,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant deliveredAt,
    String resentBy,
    Instant resentAt,
    String body) {}
