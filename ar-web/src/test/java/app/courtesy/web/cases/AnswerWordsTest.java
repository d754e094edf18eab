package app.courtesy.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.courtesy.CourtesyCheck;
import app.courtesy.reminder.courtesy.CourtesyReport;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A collector's answer to a customer's reply starts in the customer's language: every language
 * reminders are written in has every line, with the same placeholders, and the lines read as a
 * courteous message in that language.
 */
class AnswerWordsTest {

  private static final String BUNDLE = "app.courtesy.web.cases.Answer";
  private static final List<String> PLACEHOLDERS =
      List.of("{name}", "{day}", "{sender}", "{{selfServiceLink}}");

  static List<Locale> languages() {
    return ReminderTemplates.LANGUAGES;
  }

  @ParameterizedTest
  @MethodSource("languages")
  void everyLineWithTheEnglishPlaceholders(Locale language) {
    ResourceBundle english = bundle(Locale.ROOT);
    ResourceBundle words = bundle(language);

    assertThat(words.getLocale().getLanguage())
        .isEqualTo(language.getLanguage().equals("en") ? "" : language.getLanguage());
    assertThat(words.keySet()).isEqualTo(Set.copyOf(english.keySet()));
    for (String key : english.keySet()) {
      for (String placeholder : PLACEHOLDERS) {
        assertThat(words.getString(key).contains(placeholder))
            .as(language + " " + key + " has " + placeholder + " as English does")
            .isEqualTo(english.getString(key).contains(placeholder));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("languages")
  void theLinesReadAsACourteousMessageInTheLanguage(Locale language) {
    ResourceBundle words = bundle(language);
    String answer =
        words.getString("greeting").replace("{name}", "Anna Weber")
            + "\n\n"
            + words.getString("thanks").replace("{day}", "3 Dec 2026")
            + "\n\n"
            + words.getString("copies").replace("{{selfServiceLink}}", "https://pay.example/x")
            + "\n\n"
            + words.getString("help")
            + "\n\n"
            + words.getString("signOff")
            + "\nSam Meyer";

    CourtesyReport report = new CourtesyCheck().check(language, answer);

    assertThat(report.language().getLanguage()).isEqualTo(language.getLanguage());
    assertThat(report.findings())
        .as(answer)
        .allSatisfy(finding -> assertThat(finding.rule().isRequired()).isTrue());
  }

  private static ResourceBundle bundle(Locale language) {
    return ResourceBundle.getBundle(
        BUNDLE,
        language,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
