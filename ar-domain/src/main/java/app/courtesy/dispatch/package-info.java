/**
 * Sending what the dunning runs queued: claiming due messages in small transactions, checking just
 * before sending that each invoice is still open and the recipient reachable, handing the rendered
 * message to the channel's {@link app.courtesy.dispatch.Courier}, and recording the outcome in the
 * communication log.
 */
package app.courtesy.dispatch;
