/**
 * Customers: the accounts we invoice. A customer number is unique; country, time zone and locale
 * travel with the customer so that every reminder speaks its language at a decent local hour.
 */
package app.courtesy.customer;
