/**
 * Collection cases: one open case per customer with an overdue balance, assigned to a collector,
 * ranked by a priority whose reasons read in plain words. A case's figures and status are
 * re-derived from the ledger, the log, its promises and the customer's holds — by the daily review
 * for every case, and at once for the case an action changed — so reviewing twice changes nothing.
 * Every action on a case lands in the customer's communication log with who did it and why; actions
 * that change the case's state refuse to apply over a change someone else saved since the page was
 * read.
 */
package app.courtesy.collection;
