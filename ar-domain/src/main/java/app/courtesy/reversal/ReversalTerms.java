package app.courtesy.reversal;

import app.courtesy.shared.validation.PlainText;
import app.courtesy.shared.validation.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Why and when a receipt is taken back.
 *
 * @param kind why: for a payment one of bounced, chargeback, refund, mistaken entry; a credit note
 *     is always {@link ReversalKind#CANCELLED}, whatever is given
 * @param date the day it took effect; today when absent
 * @param reason the person's or the bank's words
 */
public record ReversalTerms(
    ReversalKind kind,
    @PlausibleDate LocalDate date,
    @NotNull @NotBlank @Size(max = 400) @PlainText(multiline = true) String reason) {}
