package app.courtesy.dispatch;

import app.courtesy.customer.Channel;

/**
 * A message ready for its courier: rendered, addressed, its invoices checked still open.
 *
 * @param address an email address, a mobile number, or the customer's name for a letter
 * @param html the HTML part of an email; null for other channels
 * @param unsubscribe where an email's one-click opt-out posts (RFC 8058); null for other channels
 * @param replyToken what an email's reply address carries ({@code ar+<token>@…}), so a reply finds
 *     this message; null for other channels
 * @param inReplyTo the Message-ID of the customer's email this one answers; null when none
 * @param references the Message-IDs of the thread it continues, oldest first; null when none
 * @param author who the communication log names as its sender: the collector who wrote it, or the
 *     reminders
 */
public record Outgoing(
    long messageId,
    long customerId,
    long contactId,
    Channel channel,
    String recipientName,
    String address,
    String subject,
    String text,
    String html,
    String unsubscribe,
    String replyToken,
    String inReplyTo,
    String references,
    String author) {}
