/**
 * Payments reversed (a bounced transfer, a chargeback, a refund, a mistaken entry) and credit notes
 * cancelled. A reversal unwinds the receipt's allocations into a record of its own, so the invoices
 * reopen and nothing is lost; each receipt is reversed at most once. Chasing resumes where each
 * invoice was in its policy; kept promises and active arrangements the money served are looked at
 * again; the customer's log says what happened and why.
 */
package app.courtesy.reversal;
