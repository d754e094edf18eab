package app.courtesy.web.api;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.OutboxQueries;
import app.courtesy.outbox.MessageKind;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.outbox.OutboxMessage;
import app.courtesy.outbox.Suppression;
import app.courtesy.reminder.Tone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A message in the outbox as the API lists it: for whom, what, when it is or was sent, what became
 * of it and why (a message held back names its reason), and how often sending was tried.
 */
@Schema(description = "A message in the outbox and what became of it.")
public record MessageView(
    long id,
    @Schema(example = "C-10042") String customerNumber,
    @Schema(example = "Quillfeather Ltd") String customerName,
    MessageKind kind,
    Channel channel,
    @Schema(nullable = true) Tone tone,
    @Schema(
            description = "The reminder step, counted from 1; null for other messages",
            nullable = true)
        Integer step,
    @Schema(description = "The business date it was planned for") LocalDate businessDate,
    @Schema(example = "GBP") String currency,
    @Schema(description = "The total of the invoices it lists", example = "720.00")
        BigDecimal total,
    int invoiceCount,
    @Schema(nullable = true) String subject,
    MessageStatus status,
    @Schema(description = "Why it was held back", nullable = true) Suppression reason,
    @Schema(description = "The reason in words", nullable = true) String reasonText,
    OffsetDateTime scheduledAt,
    @Schema(nullable = true) OffsetDateTime sentAt,
    @Schema(description = "How often sending was tried") int attempts,
    @Schema(description = "The last attempt's error", nullable = true) String lastError) {

  static MessageView of(OutboxQueries.Listed listed) {
    OutboxMessage m = listed.message();
    return new MessageView(
        m.getId(),
        listed.customerNumber(),
        listed.customerName(),
        m.getKind(),
        m.getChannel(),
        m.getTone(),
        m.getStep() == 0 ? null : m.getStep(),
        m.getBusinessDate(),
        m.getCurrency(),
        m.getTotal(),
        m.getInvoiceCount(),
        m.getSubject(),
        m.getStatus(),
        m.getReason().orElse(null),
        m.getReason().map(Suppression::description).orElse(null),
        m.getScheduledAt(),
        m.getSentAt(),
        m.getAttempts(),
        m.getLastError());
  }
}
