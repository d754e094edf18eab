package app.courtesy.importing;

import app.courtesy.shared.validation.CurrencyCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Which column of an invoice file holds which field, and how its values are written. Real ERPs
 * export different headers; a mapping can be saved and reused.
 *
 * @param currency the column with the currency, or {@code null} to use {@code defaultCurrency}
 * @param defaultCurrency the currency of rows without one, or {@code null} for the customer's
 * @param externalId the column with the ERP's id, or {@code null} to use the invoice number
 * @param settledDate the column with the date the invoice was paid in full, or {@code null}; a date
 *     there records a payment of the whole amount on that day
 * @param disputed the column saying yes or no, or {@code null}: yes opens a dispute from the ERP,
 *     no clears it (never a collector's); an empty cell or no column changes nothing
 * @param delivery the column saying whether the invoice went on paper or electronically, or {@code
 *     null}; when mapped, every row needs a value
 * @param datePattern how dates are written, e.g. {@code M/d/yyyy} or {@code yyyy-MM-dd}; read
 *     strictly, so {@code 2/30/2026} is refused
 * @param decimalComma whether amounts use a decimal comma ({@code 1.234,50})
 */
public record InvoiceMapping(
    @NotBlank String invoiceNumber,
    @NotBlank String customerNumber,
    @NotBlank String issueDate,
    @NotBlank String dueDate,
    @NotBlank String amount,
    String currency,
    @CurrencyCode String defaultCurrency,
    String externalId,
    String reference,
    String disputed,
    String settledDate,
    String delivery,
    @NotBlank @Size(max = 40) @DatePattern String datePattern,
    boolean decimalComma) {}
