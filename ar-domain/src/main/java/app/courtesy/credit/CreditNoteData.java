package app.courtesy.credit;

import app.courtesy.invoice.InvoicePart;
import app.courtesy.shared.validation.AmountsInCurrency;
import app.courtesy.shared.validation.CurrencyCode;
import app.courtesy.shared.validation.DocumentNumber;
import app.courtesy.shared.validation.PlainText;
import app.courtesy.shared.validation.PlausibleDate;
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
@AmountsInCurrency
public record CreditNoteData(
    @NotBlank @Size(max = 100) @PlainText String externalId,
    @NotBlank @Size(max = 40) @DocumentNumber(spreadsheetSafe = true) String number,
    @NotBlank @Size(max = 40) @DocumentNumber String customerNumber,
    @NotNull @PlausibleDate LocalDate issueDate,
    @NotNull @CurrencyCode String currency,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @Size(max = 400) @PlainText(multiline = true) String reason,
    List<@Valid @NotNull InvoicePart> allocations) {

  List<InvoicePart> parts() {
    return allocations == null ? List.of() : allocations;
  }
}
