package app.courtesy.credit;

import app.courtesy.shared.validation.CurrencyCode;
import app.courtesy.shared.validation.PlainText;
import app.courtesy.shared.validation.PlausibleDate;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A refund of unapplied credit.
 *
 * @param externalId the ERP's or bank's id, so sending it again changes nothing; optional
 * @param currency the credit's currency; the customer's when absent
 * @param date the day the money went out; today when absent
 * @param reference the transfer's reference, for the statement
 */
public record RefundTerms(
    @Size(max = 100) @PlainText String externalId,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @CurrencyCode String currency,
    @PlausibleDate LocalDate date,
    @Size(max = 100) @PlainText String reference,
    @NotNull @NotBlank @Size(max = 400) @PlainText(multiline = true) String reason) {}
