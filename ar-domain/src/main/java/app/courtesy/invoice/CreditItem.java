package app.courtesy.invoice;

import app.courtesy.shared.Money;
import java.time.LocalDate;

/**
 * A line of the customer's unapplied credit: what of a payment or credit note was not applied to an
 * invoice (negative: the customer's money), or a refund paid back from it (positive).
 *
 * @param kind {@code PAYMENT}, {@code CREDIT_NOTE} or {@code REFUND}
 * @param reference the payment's reference (else its external id), the credit note's number, the
 *     refund's reference (else its external id)
 */
public record CreditItem(String kind, String reference, LocalDate date, Money amount) {}
