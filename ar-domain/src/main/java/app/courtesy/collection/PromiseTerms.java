package app.courtesy.collection;

import app.courtesy.shared.validation.PlainText;
import app.courtesy.shared.validation.PlausibleDate;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a customer promised.
 *
 * @param invoices the invoice numbers it covers; empty for every overdue invoice in the case's
 *     currency
 */
public record PromiseTerms(
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @NotNull @PlausibleDate LocalDate date,
    List<@NotBlank String> invoices,
    @Size(max = 2000) @PlainText(multiline = true) String note) {

  public List<String> invoiceNumbers() {
    return invoices == null ? List.of() : invoices;
  }
}
