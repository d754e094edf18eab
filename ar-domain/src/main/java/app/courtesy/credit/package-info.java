/**
 * Credit notes: credits given to a customer and applied to its invoices. Like payments, their
 * allocations reduce what is open on an invoice and never exceed the credit note.
 */
package app.courtesy.credit;
