package app.courtesy.web.api;

import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.communication.Outcome;
import app.courtesy.customer.Channel;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entry of the communication log as listed across customers: its id (newest first), the
 * customer, and the contact as the log keeps it (the body is in the customer's dossier).
 */
@Schema(description = "An entry of the communication log.")
public record LogEntryView(
    long id,
    @Schema(example = "C-10042") String customerNumber,
    @Schema(description = "Its place in the customer's chain, from 1") int seq,
    Instant occurredAt,
    Channel channel,
    @Schema(enumeration = {"OUT", "IN"}) String direction,
    @Schema(example = "collector") String actor,
    @Schema(nullable = true) String recipient,
    @Schema(nullable = true) String subject,
    Outcome outcome,
    @Schema(nullable = true) String detail,
    @Schema(description = "SHA-256 over the entry and the one before it") String hash) {

  static LogEntryView of(CommunicationLog.Listed listed) {
    Entry entry = listed.logged().entry();
    return new LogEntryView(
        listed.id(),
        listed.customerNumber(),
        listed.logged().seq(),
        entry.occurredAt(),
        entry.channel(),
        entry.outbound() ? "OUT" : "IN",
        entry.actor(),
        entry.recipient(),
        entry.subject(),
        entry.outcome(),
        entry.detail(),
        listed.logged().hash());
  }
}
