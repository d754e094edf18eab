/**
 * The communication log: every contact with a customer, appended in order and chained by hash, so
 * the history can serve as evidence and any change to it shows.
 */
package app.courtesy.communication;
