/**
 * The communication log: every contact with a customer, appended in order and chained by hash, so
 * the history can serve as evidence and any change to it shows. The database refuses to update or
 * delete an entry (migration V015), so a change takes someone switching that guard off; {@link
 * app.courtesy.communication.CommunicationLog#verify()} then finds it, in every customer's log at
 * once, and a customer's {@link app.courtesy.communication.Dossier} carries the log with the
 * verdict on its chain.
 */
package app.courtesy.communication;
