/**
 * Invoices and what is open on them. An invoice's number is unique and its amount positive; its
 * open amount is derived from payment allocations, and {@link
 * app.courtesy.invoice.ReceivablesQueries} reads totals over the whole book in single statements.
 */
package app.courtesy.invoice;
