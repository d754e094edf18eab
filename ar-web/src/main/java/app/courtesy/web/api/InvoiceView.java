package app.courtesy.web.api;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.Delivery;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoicePages;
import app.courtesy.invoice.InvoiceState;
import app.courtesy.invoice.InvoiceStatus;
import app.courtesy.outbox.Suppression;
import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An invoice as it is read back: the fields an ERP writes with {@code POST /invoices}, then what
 * Courtesy derives — what is open, its status, the reminder step it reached, and what holds its
 * reminders today.
 */
@Schema(description = "An invoice: the fields an ERP writes, then what Courtesy derives.")
public record InvoiceView(
    @Schema(example = "ERP-INV-88") String externalId,
    @Schema(example = "INV-2026-0088") String number,
    @Schema(example = "C-10042") String customerNumber,
    LocalDate issueDate,
    LocalDate dueDate,
    @Schema(example = "GBP") String currency,
    @Schema(example = "720.00") BigDecimal amount,
    @Schema(nullable = true) String reference,
    InvoiceState state,
    boolean disputed,
    @Schema(nullable = true) Delivery delivery,
    @Schema(description = "Its amount less what payments and credit notes applied") Money open,
    InvoiceStatus status,
    @Schema(
            description = "The last reminder step it reached, counted from 1; null: not reminded",
            nullable = true)
        Integer reminderStep,
    @Schema(description = "When it was last reminded", nullable = true) LocalDate remindedOn,
    List<Hold> holds,
    @Schema(description = "Goes back in If-Match with a change of its chasing") long version) {

  /**
   * Something that holds the invoice's reminders, named as the outbox names why a message was held
   * back.
   *
   * @param until the last day it holds; null: until someone ends it
   */
  @Schema(description = "Something that holds the invoice's reminders.")
  public record Hold(
      @Schema(enumeration = {"DISPUTED", "STOPPED", "PAUSED", "HARDSHIP"}) Suppression kind,
      @Schema(nullable = true) String reason,
      @Schema(nullable = true) LocalDate until,
      @Schema(nullable = true) String by) {}

  static InvoiceView of(Invoice invoice, InvoicePages.Reminded reminded, LocalDate today) {
    Customer customer = invoice.getCustomer();
    Money open = invoice.getOpen();
    List<Hold> holds = new ArrayList<>();
    boolean chased = invoice.getState() == InvoiceState.ISSUED && open.isPositive();
    if (chased && invoice.isDisputed()) {
      holds.add(new Hold(Suppression.DISPUTED, null, null, null));
    }
    if (chased) {
      invoice
          .chasingStoppedOn(today)
          .ifPresent(
              reason ->
                  holds.add(
                      new Hold(
                          Suppression.STOPPED,
                          reason,
                          invoice.getChasingStoppedUntil().orElse(null),
                          invoice.getChasingStoppedBy().orElse(null))));
      customer
          .getRemindersPausedUntil()
          .filter(until -> !until.isBefore(today))
          .ifPresent(
              until ->
                  holds.add(
                      new Hold(
                          Suppression.PAUSED,
                          customer.getPauseReason(),
                          until,
                          customer.getPausedBy())));
      if (customer.isHardship()) {
        holds.add(
            new Hold(
                Suppression.HARDSHIP,
                customer.getHardshipReason(),
                null,
                customer.getHardshipBy()));
      }
    }
    return new InvoiceView(
        invoice.getExternalId(),
        invoice.getNumber(),
        customer.getNumber(),
        invoice.getIssueDate(),
        invoice.getDueDate(),
        invoice.getAmount().currency().getCurrencyCode(),
        invoice.getAmount().amount(),
        invoice.getReference(),
        invoice.getState(),
        invoice.isDisputed(),
        invoice.getDelivery(),
        open,
        invoice.getStatus(),
        reminded == null ? null : reminded.step(),
        reminded == null ? null : reminded.on(),
        holds,
        invoice.getVersion());
  }
}
