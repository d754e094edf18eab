package app.courtesy.payment;

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
 * A payment as an ERP or a bank feed sends it, keyed by {@code externalId}.
 *
 * @param allocations which invoices it pays and how much of each; empty or {@code null} means
 *     oldest due first
 */
@AmountsInCurrency
public record PaymentData(
    @NotBlank @Size(max = 100) @PlainText String externalId,
    @NotBlank @Size(max = 40) @DocumentNumber String customerNumber,
    @NotNull @PlausibleDate LocalDate paymentDate,
    @NotNull @CurrencyCode String currency,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @Size(max = 30) @PlainText String method,
    @Size(max = 100) @PlainText String reference,
    List<@Valid @NotNull InvoicePart> allocations) {

  List<InvoicePart> parts() {
    return allocations == null ? List.of() : allocations;
  }
}
