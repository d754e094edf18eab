/**
 * Webhooks: what the ERP must learn, posted to the URLs it subscribed, signed with HMAC-SHA256, at
 * least once. Guarantees: an event is written in the transaction of the change it reports ({@link
 * app.courtesy.webhook.WebhookEvents}), so a rolled-back change tells nobody and a committed one is
 * never lost; every delivery and attempt of an event carries the event's one id, so a receiver
 * drops duplicates by it; a failed attempt is retried with {@link app.courtesy.webhook.Backoff}
 * until the receiver answers 2xx, and a delivery given up stays visible and can be sent again.
 */
package app.courtesy.webhook;
