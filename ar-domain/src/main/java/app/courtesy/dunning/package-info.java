/**
 * The daily dunning run: for a business date, which customers are reminded of which invoices, in
 * which step of their policy, when their send window opens, and why the others are not.
 */
package app.courtesy.dunning;
