/**
 * The outbox: every message Courtesy means to send (reminders, thank-yous, letters about
 * arrangements, collectors' own emails), each once under its de-duplication key, and where it is on
 * its way. {@link app.courtesy.outbox.Outbox} is the only writer of its table; the dunning run, the
 * case review, the arrangements and the collectors queue through it, and the dispatcher claims,
 * sends and records through it.
 */
package app.courtesy.outbox;
