package app.courtesy.web.api;

import app.courtesy.credit.CreditNote;
import app.courtesy.invoice.InvoiceAllocation;
import app.courtesy.payment.Payment;
import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Payments and credit notes as they are read back: the fields an ERP writes, with the allocations
 * as they stand now (what was applied to which invoice), and what is left unapplied.
 */
final class LedgerViews {

  private LedgerViews() {}

  /** A part applied to one invoice, as an ERP writes it. */
  @Schema(description = "An amount applied to one invoice.")
  public record Part(
      @Schema(example = "INV-2026-0088") String invoiceNumber,
      @Schema(example = "200.00") BigDecimal amount) {

    static List<Part> of(List<? extends InvoiceAllocation> allocations) {
      return allocations.stream()
          .map(a -> new Part(a.getInvoice().getNumber(), a.getAmount().amount()))
          .toList();
    }
  }

  /** A payment: the fields an ERP writes with {@code POST /payments}, applied as it stands now. */
  @Schema(description = "A payment: the fields an ERP writes, and what it is applied to now.")
  public record PaymentView(
      @Schema(example = "BANK-2026-7781") String externalId,
      @Schema(example = "C-10042") String customerNumber,
      LocalDate paymentDate,
      @Schema(example = "GBP") String currency,
      @Schema(example = "200.00") BigDecimal amount,
      @Schema(nullable = true) String method,
      @Schema(nullable = true) String reference,
      List<Part> allocations,
      @Schema(description = "What of it is applied to no invoice") Money unapplied) {

    static PaymentView of(Payment payment) {
      return new PaymentView(
          payment.getExternalId(),
          payment.getCustomer().getNumber(),
          payment.getPaymentDate(),
          payment.getAmount().currency().getCurrencyCode(),
          payment.getAmount().amount(),
          payment.getMethod(),
          payment.getReference(),
          Part.of(payment.getAllocations()),
          payment.unapplied());
    }
  }

  /** A credit note: the fields an ERP writes with {@code POST /credit-notes}, applied as now. */
  @Schema(description = "A credit note: the fields an ERP writes, and what it is applied to now.")
  public record CreditNoteView(
      @Schema(example = "ERP-CN-12") String externalId,
      @Schema(example = "CN-2026-0012") String number,
      @Schema(example = "C-10042") String customerNumber,
      LocalDate issueDate,
      @Schema(example = "GBP") String currency,
      @Schema(example = "50.00") BigDecimal amount,
      @Schema(nullable = true) String reason,
      List<Part> allocations,
      @Schema(description = "What of it is applied to no invoice") Money unapplied) {

    static CreditNoteView of(CreditNote note) {
      return new CreditNoteView(
          note.getExternalId(),
          note.getNumber(),
          note.getCustomer().getNumber(),
          note.getIssueDate(),
          note.getAmount().currency().getCurrencyCode(),
          note.getAmount().amount(),
          note.getReason(),
          Part.of(note.getAllocations()),
          note.unapplied());
    }
  }
}
