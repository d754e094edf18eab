/**
 * Reminders: what Courtesy sends to customers before and after due dates. The {@link
 * app.courtesy.reminder.courtesy.CourtesyCheck} reads a rendered message the way a careful
 * colleague would — is the person greeted by name, thanked, told exactly what and when, offered
 * help and ways to reach us, and is nothing threatening, blaming, pressing or shouting — and no
 * template goes live while it fails.
 */
package app.courtesy.reminder;
