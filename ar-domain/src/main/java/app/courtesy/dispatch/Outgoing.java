package app.courtesy.dispatch;

import app.courtesy.customer.Channel;

/**
 * A message ready for its courier: rendered, addressed, its invoices checked still open.
 *
 * @param address an email address, a mobile number, or the customer's name for a letter
 * @param html the HTML part of an email; null for other channels
 * @param unsubscribe where an email's one-click opt-out posts (RFC 8058); null for other channels
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
    String unsubscribe) {}
