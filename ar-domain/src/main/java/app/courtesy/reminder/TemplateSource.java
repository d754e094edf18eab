package app.courtesy.reminder;

import java.util.Locale;

/** What an administrator writes for one email: subject, plain-text body and HTML body. */
public record TemplateSource(String subject, String text, String html) {

  /**
   * Reads the three parts.
   *
   * @throws TemplateException for the first part it cannot read, naming the part and line
   */
  ReminderTemplates parse(Tone tone, Locale language) {
    return new ReminderTemplates(
        tone, language, part("Subject", subject), part("Text", text), part("HTML", html));
  }

  private static MessageTemplate part(String name, String source) {
    try {
      return MessageTemplate.parse(source == null ? "" : source);
    } catch (TemplateException unreadable) {
      throw new TemplateException(name, unreadable);
    }
  }
}
