/**
 * Payments received and their allocations to invoices. An invoice's open amount is its amount minus
 * what is allocated to it; a payment's allocations never exceed the payment.
 */
package app.courtesy.payment;
