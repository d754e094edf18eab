package app.courtesy.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.reminder.ReminderModel;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.courtesy.CourtesyCheck;
import app.courtesy.reminder.courtesy.CourtesyReport;
import app.courtesy.reminder.courtesy.Rule;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page's own emails pass the courtesy check every reminder passes, in each language. */
class CustomerEmailTest {

  private static final ReminderModel.Sender SENDER =
      new ReminderModel.Sender(
          "Sam Meyer",
          "Accounts receivable",
          "ar@courtesy.example",
          "+44 20 7946 0000",
          "Courtesy Demo Ltd");
  private static final String LINK =
      "https://pay.courtesy.example/pay/Tq3bX0c9VwzL2kYp8rN5sHdE1uJmA4gF";

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "nl"})
  void aFreshLinkIsACourteousEmail(String language) {
    CustomerEmail email = CustomerEmail.freshLink(Locale.forLanguageTag(language));
    String text = email.body("Hannah Weber", "Bluebird Foods GmbH", LINK, SENDER, "");

    assertThat(text).contains("Hannah Weber", LINK, SENDER.phone());
    assertCourteous(language, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "nl"})
  void aDeclinedRequestIsAnsweredCourteously(String language) {
    CustomerEmail email = CustomerEmail.declined(Locale.forLanguageTag(language));
    String text =
        email.body(
            "Hannah Weber",
            "INV-1001, INV-1002",
            LINK,
            SENDER,
            "Twelve instalments are longer than we can offer for this amount; six would be possible.");

    assertThat(email.subject("INV-1001, INV-1002")).contains("INV-1001, INV-1002");
    assertThat(text).contains("Hannah Weber", "INV-1001, INV-1002", "six would be possible", LINK);
    assertCourteous(language, text);
  }

  /** A customer is never written to in English when their reminders are in their language. */
  @Test
  void everyLanguageOfTheRemindersHasItsOwnWords() {
    CustomerEmail english = CustomerEmail.freshLink(Locale.ENGLISH);
    CustomerEmail declined = CustomerEmail.declined(Locale.ENGLISH);
    for (Locale language : ReminderTemplates.LANGUAGES) {
      if (!language.equals(Locale.ENGLISH)) {
        assertThat(CustomerEmail.freshLink(language)).as(language.toString()).isNotEqualTo(english);
        assertThat(CustomerEmail.declined(language)).as(language.toString()).isNotEqualTo(declined);
      }
    }
  }

  /** Nothing the check forbids, and all it asks for but the amounts and dates of a reminder. */
  private static void assertCourteous(String language, String text) {
    CourtesyReport report = new CourtesyCheck().check(Locale.forLanguageTag(language), text);
    assertThat(report.findings())
        .as(text)
        .extracting(CourtesyReport.Finding::rule)
        .isSubsetOf(Rule.AMOUNT, Rule.DUE_DATE);
  }
}
