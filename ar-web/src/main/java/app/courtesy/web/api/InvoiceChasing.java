package app.courtesy.web.api;

import app.courtesy.invoice.Instalment;
import app.courtesy.invoice.Invoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How one invoice is chased, as {@code GET /invoices/{number}/chasing} shows it: its instalments
 * with what is open on each, whether chasing is stopped (why, by whom, until when), and the policy
 * it follows instead of its customer's. {@code version} goes back in {@code If-Match} with a
 * change.
 */
public record InvoiceChasing(
    String number,
    long version,
    String currency,
    List<InstalmentView> instalments,
    Stop stopped,
    Long policyId) {

  /** One instalment: its number, due date, amount and what is open on it now. */
  public record InstalmentView(int number, LocalDate dueDate, BigDecimal amount, BigDecimal open) {}

  /** Why chasing is stopped, by whom and since when; {@code until} null: until resumed. */
  public record Stop(String reason, LocalDate until, String by, OffsetDateTime at) {}

  /** What a collector sends to stop chasing: why, and the last day (none: until resumed). */
  public record StopRequest(String reason, LocalDate until) {}

  /** The policy the invoice follows from now on; null: its customer's again. */
  public record PolicyRequest(Long policyId) {}

  static InvoiceChasing of(Invoice invoice, LocalDate today) {
    return new InvoiceChasing(
        invoice.getNumber(),
        invoice.getVersion(),
        invoice.getAmount().currency().getCurrencyCode(),
        invoice.getInstalments().stream().map(i -> view(invoice, i)).toList(),
        invoice
            .chasingStoppedOn(today)
            .map(
                reason ->
                    new Stop(
                        reason,
                        invoice.getChasingStoppedUntil().orElse(null),
                        invoice.getChasingStoppedBy().orElse(null),
                        invoice.getChasingStoppedAt().orElse(null)))
            .orElse(null),
        invoice.getReminderPolicyId().orElse(null));
  }

  private static InstalmentView view(Invoice invoice, Instalment instalment) {
    return new InstalmentView(
        instalment.getNumber(),
        instalment.getDueDate(),
        instalment.getAmount(),
        invoice.openOn(instalment).amount());
  }
}
