package app.courtesy.invoice;

import app.courtesy.shared.validation.DocumentNumber;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** The part of a payment or credit note that goes to one invoice, as the sender names it. */
public record InvoicePart(
    @NotBlank @DocumentNumber String invoiceNumber,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount) {}
