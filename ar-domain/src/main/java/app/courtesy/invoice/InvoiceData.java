package app.courtesy.invoice;

import app.courtesy.shared.validation.CurrencyCode;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice as an ERP sends it, keyed by {@code externalId}.
 *
 * @param customerNumber the number of an existing customer
 * @param state {@code null} means issued
 * @param disputed {@code null} means not disputed
 * @param delivery how the invoice was delivered, or {@code null} if not known
 */
public record InvoiceData(
    @NotBlank @Size(max = 100) String externalId,
    @NotBlank @Size(max = 40) String number,
    @NotBlank @Size(max = 40) String customerNumber,
    @NotNull LocalDate issueDate,
    @NotNull LocalDate dueDate,
    @NotNull @CurrencyCode String currency,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @Size(max = 100) String reference,
    InvoiceState state,
    Boolean disputed,
    Delivery delivery) {

  InvoiceState stateOrIssued() {
    return state == null ? InvoiceState.ISSUED : state;
  }

  boolean isDisputed() {
    return Boolean.TRUE.equals(disputed);
  }
}
