package app.courtesy.reminder;

/** What an administrator writes for one email: subject, plain-text body and HTML body. */
public record TemplateSource(String subject, String text, String html) {

  /** Reads the three parts; throws {@link TemplateException} for the first it cannot read. */
  ReminderTemplates parse(Tone tone, java.util.Locale language) {
    return new ReminderTemplates(
        tone,
        language,
        MessageTemplate.parse(subject),
        MessageTemplate.parse(text),
        MessageTemplate.parse(html));
  }
}
