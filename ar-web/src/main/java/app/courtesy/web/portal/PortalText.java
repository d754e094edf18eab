package app.courtesy.web.portal;

import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.selfservice.SelfServiceRefusedException;
import app.courtesy.shared.BusinessException;
import app.courtesy.shared.InvalidRowsException;
import app.courtesy.shared.Money;
import app.courtesy.shared.RowError;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the customer's page in each language Courtesy writes to customers in ({@code
 * Portal*.properties}, one per {@link ReminderTemplates#LANGUAGES}), with dates and amounts as a
 * reader of that language writes them. Placeholders are {@code {0}}, {@code {1}} …, filled in as
 * they are (no {@link java.text.MessageFormat} quoting rules).
 */
public final class PortalText {

  /** The page speaks every language the customer's reminders are written in. */
  static final List<String> LANGUAGES =
      ReminderTemplates.LANGUAGES.stream().map(Locale::getLanguage).toList();

  private final ResourceBundle bundle;
  private final Locale locale;
  private final Locale formats;

  private PortalText(Locale locale, Locale formats) {
    this.locale = locale;
    this.formats = formats;
    // Never the server's own language: English is the base bundle, whatever the JVM's default.
    this.bundle =
        ResourceBundle.getBundle(
            "app.courtesy.web.portal.Portal",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static PortalText of(Locale language) {
    return new PortalText(language, language);
  }

  /**
   * The words in {@code language}; dates and amounts as the customer writes them ({@code
   * customer}'s locale, say de-CH) when they read their own language, else as the language does.
   */
  public static PortalText of(Locale language, Locale customer) {
    return new PortalText(
        language,
        customer != null && customer.getLanguage().equals(language.getLanguage())
            ? customer
            : language);
  }

  /**
   * The language asked for (one of {@link #LANGUAGES}), else the one of {@code fallback}, else
   * English.
   */
  static Locale language(String asked, Locale fallback) {
    if (asked != null && LANGUAGES.contains(asked)) {
      return Locale.forLanguageTag(asked);
    }
    String theirs = fallback == null ? "en" : fallback.getLanguage();
    return Locale.forLanguageTag(LANGUAGES.contains(theirs) ? theirs : "en");
  }

  /** The name of {@code language} as its readers write it: Deutsch, Español, Nederlands. */
  static String nameOf(String language) {
    Locale locale = Locale.forLanguageTag(language);
    String name = locale.getDisplayLanguage(locale);
    return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }

  public String getLang() {
    return locale.getLanguage();
  }

  public String get(String key) {
    return bundle.getString(key);
  }

  public String format(String key, Object... arguments) {
    String text = get(key);
    for (int i = 0; i < arguments.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
    }
    return text;
  }

  public String date(LocalDate date) {
    return date == null
        ? ""
        : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(formats));
  }

  public String money(Money money) {
    return money.format(formats);
  }

  /** What the page says after an action went through. */
  String done(String action) {
    try {
      return get("done." + action);
    } catch (MissingResourceException unknown) {
      return null;
    }
  }

  /**
   * Why an action was refused, in the reader's language: the page's own refusals word for word, a
   * contact's fields by name, and a rule staff share (a promise already pending, an arrangement
   * already live) in its English sentence.
   */
  String refusal(BusinessException refused) {
    if (refused instanceof SelfServiceRefusedException own) {
      try {
        return format("refused." + own.key(), own.arguments().toArray());
      } catch (MissingResourceException unknown) {
        return format("refused.other", own.getMessage());
      }
    }
    if (refused instanceof InvalidRowsException invalid) {
      return invalidFields(invalid.errors().stream().map(RowError::field).toList());
    }
    return format("refused.other", refused.getMessage());
  }

  /** Fields the contact correction did not accept. */
  private String invalidFields(List<String> fields) {
    return format(
        "refused.fields",
        String.join(
            ", ",
            fields.stream()
                .map(
                    field -> {
                      try {
                        return get("field." + field);
                      } catch (MissingResourceException unknown) {
                        return field;
                      }
                    })
                .distinct()
                .toList()));
  }
}
