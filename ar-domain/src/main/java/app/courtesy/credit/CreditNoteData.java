package app.courtesy.credit;

import app.courtesy.invoice.InvoicePart;
import app.courtesy.shared.validation.CurrencyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A credit note as an ERP sends it, keyed by {@code externalId}.
 *
 * @param allocations which invoices it reduces and by how much; empty or {@code null} means oldest
 *     due first
 */
public record CreditNoteData(
    @NotBlank @Size(max = 100) String externalId,
    @NotBlank @Size(max = 40) String number,
    @NotBlank @Size(max = 40) String customerNumber,
    @NotNull LocalDate issueDate,
    @NotNull @CurrencyCode String currency,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @Size(max = 400) String reason,
    List<@Valid @NotNull InvoicePart> allocations) {

  List<InvoicePart> parts() {
    return allocations == null ? List.of() : allocations;
  }
}
