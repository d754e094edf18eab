package app.courtesy.reminder;

import app.courtesy.reminder.MessageTemplate.Escaping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One reminder email in one tone and language: subject, plain-text and HTML body, each a {@link
 * MessageTemplate}. The shipped ones live in {@code reminder/templates/<tone>_<language>.txt}
 * (first line {@code Subject: …}, an empty line, the body) and {@code .html}.
 */
public record ReminderTemplates(
    Tone tone,
    Locale language,
    MessageTemplate subject,
    MessageTemplate text,
    MessageTemplate html) {

  /** The languages Courtesy ships templates in. */
  public static final List<Locale> LANGUAGES =
      List.of(
          Locale.ENGLISH,
          Locale.GERMAN,
          Locale.FRENCH,
          Locale.forLanguageTag("es"),
          Locale.ITALIAN,
          Locale.forLanguageTag("nl"));

  private static final String SUBJECT = "Subject:";

  private static final Map<String, String> SHIPPED = new ConcurrentHashMap<>();

  /** The language Courtesy writes to someone in {@code locale}: theirs if shipped, else English. */
  public static Locale languageOf(Locale locale) {
    Locale language = Locale.forLanguageTag(locale.getLanguage());
    return LANGUAGES.contains(language) ? language : Locale.ENGLISH;
  }

  /** The shipped templates of this tone in this language. */
  public static ReminderTemplates shipped(Tone tone, Locale language) {
    return shippedSource(tone, language).parse(tone, language);
  }

  /** The text of the shipped templates of this tone in this language. */
  public static TemplateSource shippedSource(Tone tone, Locale language) {
    return source(tone.fileName(), language);
  }

  /**
   * The thank-you sent once everything overdue is paid, in this language: shipped, not edited, and
   * with no invoices in it (its model is {@link ReminderModel#thanks}).
   */
  public static ReminderTemplates thanks(Locale language) {
    return source("thanks", language).parse(Tone.FRIENDLY, language);
  }

  /**
   * {@code content} sent again after it went unconfirmed, opening with a line in this language that
   * says so: the customer may have it already.
   */
  public static ReminderContent sentAgain(ReminderContent content, Locale language) {
    String note =
        resource("/reminder/templates/sent_again_" + language.getLanguage() + ".txt").strip();
    String html = content.html();
    if (html != null) {
      int body = html.indexOf("<body");
      int at = body < 0 ? 0 : html.indexOf('>', body) + 1;
      html = html.substring(0, at) + HtmlText.html(note) + html.substring(at);
    }
    return new ReminderContent(content.subject(), note + "\n\n" + content.text(), html);
  }

  private static TemplateSource source(String stem, Locale language) {
    String name = "/reminder/templates/" + stem + "_" + language.getLanguage();
    String text = resource(name + ".txt");
    int firstLineEnd = text.indexOf('\n');
    String subject = text.substring(0, firstLineEnd).strip();
    if (!subject.startsWith(SUBJECT)) {
      throw new IllegalStateException(name + ".txt must start with a line " + SUBJECT + " …");
    }
    return new TemplateSource(
        subject.substring(SUBJECT.length()).strip(),
        text.substring(firstLineEnd + 1).stripLeading(),
        resource(name + ".html"));
  }

  /** The email for one recipient; see {@link ReminderModel} for what the model holds. */
  public ReminderContent render(Map<String, ?> model) {
    return new ReminderContent(
        subject.render(model, Escaping.NONE).strip(),
        text.render(model, Escaping.NONE),
        html.render(model, Escaping.HTML));
  }

  /**
   * The shipped template {@code name}, read from the class path once: a dispatcher readies every
   * claim of fifty reminders from them.
   */
  private static String resource(String name) {
    return SHIPPED.computeIfAbsent(name, ReminderTemplates::read);
  }

  private static String read(String name) {
    try (InputStream in = ReminderTemplates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("No template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
