package app.courtesy.invoice;

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
 * An invoice as an ERP sends it, keyed by {@code externalId}.
 *
 * @param customerNumber the number of an existing customer
 * @param state {@code null} means issued
 * @param disputed what the ERP says: {@code true} opens a dispute from the ERP, {@code false} ends
 *     the one the ERP opened (never a collector's), {@code null} changes nothing; only a change of
 *     what it says acts, so sending the same again does nothing
 * @param delivery how the invoice was delivered, or {@code null} if not known
 * @param schedule its payment terms in instalments (see {@link PaymentSchedule}); {@code null}
 *     changes nothing, an empty list means paid at once
 */
@AmountsInCurrency
public record InvoiceData(
    @NotBlank @Size(max = 100) @PlainText String externalId,
    @NotBlank @Size(max = 40) @DocumentNumber(spreadsheetSafe = true) String number,
    @NotBlank @Size(max = 40) @DocumentNumber String customerNumber,
    @NotNull @PlausibleDate LocalDate issueDate,
    @NotNull @PlausibleDate LocalDate dueDate,
    @NotNull @CurrencyCode String currency,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @Size(max = 100) @PlainText String reference,
    InvoiceState state,
    Boolean disputed,
    Delivery delivery,
    @Valid List<InstalmentData> schedule) {

  InvoiceState stateOrIssued() {
    return state == null ? InvoiceState.ISSUED : state;
  }
}
