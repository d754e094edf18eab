package app.courtesy.reminder;

/** A rendered reminder email: subject, plain text and HTML. */
public record ReminderContent(String subject, String text, String html) {}
