/**
 * The demo book for the quick start: users for every role and a ledger derived from the public IBM
 * accounts-receivable sample, moved in time so that it always looks current. Loaded only into an
 * empty database and only when {@code ar.demo-data} is set.
 */
package app.courtesy.demo;
