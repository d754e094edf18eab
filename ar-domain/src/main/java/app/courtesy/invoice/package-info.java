/**
 * Invoices and what is open on them. An invoice's number is unique and its amount positive; its
 * open amount is derived from payment allocations, and {@link
 * app.courtesy.invoice.ReceivablesQueries} reads totals over the whole book in single statements.
 * An invoice may be paid in instalments ({@link app.courtesy.invoice.PaymentSchedule}): their
 * amounts add up to the invoice's, and what is open on each follows from what was applied to the
 * invoice, settled in date order. A collector's exceptions for one invoice (chasing stopped,
 * another policy) are {@link app.courtesy.invoice.InvoiceExceptions}'.
 */
package app.courtesy.invoice;
