package app.courtesy.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.reminder.ReminderModel.DueInvoice;
import app.courtesy.reminder.ReminderModel.Recipient;
import app.courtesy.reminder.ReminderModel.Sender;
import app.courtesy.reminder.courtesy.CourtesyCheck;
import app.courtesy.reminder.courtesy.CourtesyReport;
import app.courtesy.reminder.courtesy.Rule;
import app.courtesy.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every template Courtesy ships passes the courtesy check, whatever the situation it renders. */
class ShippedTemplatesTest {

  // 2027-03-15: the business date of every rendering below.
  private static final LocalDate TODAY = LocalDate.of(2027, 3, 15);
  private static final Sender SENDER =
      new Sender(
          "Sam Meyer", "Accounts receivable", "ar@courtesy.example", "+49 30 1234567", "Courtesy");

  private final CourtesyCheck check = new CourtesyCheck();

  @Test
  void everyToneAndLanguagePassesBeforeAndAfterTheDueDateWithAndWithoutATitle() {
    List<String> failures = new ArrayList<>();
    for (Tone tone : Tone.values()) {
      for (Locale language : ReminderTemplates.LANGUAGES) {
        ReminderTemplates templates = ReminderTemplates.shipped(tone, language);
        for (String salutation : new String[] {"Ms", ""}) {
          for (LocalDate due : List.of(TODAY.plusDays(3), TODAY.minusDays(20))) {
            for (LocalDate reported : java.util.Arrays.asList(null, TODAY.minusDays(8))) {
              ReminderContent email = templates.render(model(salutation, language, due, reported));
              String situation =
                  tone
                      + " "
                      + language
                      + " '"
                      + salutation
                      + "' due "
                      + due
                      + " reported "
                      + reported;
              if (reported != null) {
                assertThat(email.text())
                    .as(situation + " says that the customer reported paying")
                    .isNotEqualTo(templates.render(model(salutation, language, due)).text());
              }
              assertThat(email.subject()).as(situation).isNotBlank().doesNotContain("{{");
              CourtesyReport text = check.check(language, email.text());
              CourtesyReport html = check.checkHtml(language, email.html());
              if (!text.passes()) {
                failures.add(situation + " text: " + text.findings());
              }
              if (!html.passes()) {
                failures.add(situation + " html: " + html.findings());
              }
            }
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theChargesAreStatedFactuallyInEveryToneLanguageAndBasisAndPass() {
    List<String> failures = new ArrayList<>();
    for (Tone tone : List.of(Tone.FRIENDLY, Tone.FIRM, Tone.FINAL_COURTEOUS)) {
      for (Locale language : ReminderTemplates.LANGUAGES) {
        ReminderTemplates templates = ReminderTemplates.shipped(tone, language);
        for (ReminderModel.ChargesDue charges : charges()) {
          ReminderContent email =
              templates.render(
                  ReminderModel.withCharges(
                      model("Ms", language, TODAY.minusDays(20)), charges, language));
          String situation = tone + " " + language + " " + charges.basis();
          assertThat(email.text())
              .as(situation)
              .contains(charges.open().format(language), "CHG-0000123")
              .doesNotContain("{{");
          assertThat(HtmlText.of(email.html()))
              .as(situation)
              .contains(charges.open().format(language));
          if (charges.fees() != null) {
            assertThat(email.text()).as(situation).contains(charges.fees().format(language));
          }
          CourtesyReport text = check.check(language, email.text());
          CourtesyReport html = check.checkHtml(language, email.html());
          if (!text.passes()) {
            failures.add(situation + " text: " + text.findings());
          }
          if (!html.passes()) {
            failures.add(situation + " html: " + html.findings());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theEnglishReminderSaysWhatInterestAccruedUnderTheDirectiveAndUpToWhen() {
    ReminderContent email =
        ReminderTemplates.shipped(Tone.FIRM, Locale.ENGLISH)
            .render(
                ReminderModel.withCharges(
                    model("Ms", Locale.ENGLISH, TODAY.minusDays(20)),
                    charges().get(0),
                    Locale.ENGLISH));

    assertThat(email.text())
        .contains(
            "Total open: €1,730.50\n\nUnder the EU Late Payment Directive (2011/7/EU), statutory"
                + " interest of €12.34 has accrued on the overdue amounts up to and including"
                + " March 15, 2027.\nThe Directive also provides a fixed compensation of €40.00"
                + " for recovery costs.\nCharges open in all: €52.34 (CHG-0000123). Your page"
                + " shows how each was worked out, and if anything about them is unclear, we are"
                + " glad to explain.\n\nWe would be grateful");
    assertThat(
            ReminderTemplates.shipped(Tone.FIRM, Locale.ENGLISH)
                .render(model("Ms", Locale.ENGLISH, TODAY.minusDays(20)))
                .text())
        .contains("Total open: €1,730.50\n\nWe would be grateful")
        .doesNotContain("Charges");
  }

  private static List<ReminderModel.ChargesDue> charges() {
    return List.of(
        new ReminderModel.ChargesDue(
            Money.of("52.34", "EUR"),
            List.of("CHG-0000123"),
            Money.of("12.34", "EUR"),
            TODAY,
            "directive",
            Money.of("40.00", "EUR"),
            null),
        new ReminderModel.ChargesDue(
            Money.of("82.10", "EUR"),
            List.of("CHG-0000123", "CHG-0000124"),
            Money.of("12.10", "EUR"),
            TODAY,
            "act",
            Money.of("70.00", "EUR"),
            null),
        new ReminderModel.ChargesDue(
            Money.of("17.50", "EUR"),
            List.of("CHG-0000123"),
            Money.of("7.50", "EUR"),
            TODAY.minusDays(1),
            "contractual",
            null,
            Money.of("10.00", "EUR")),
        new ReminderModel.ChargesDue(
            Money.of("5.00", "EUR"),
            List.of("CHG-0000123"),
            null,
            null,
            null,
            null,
            Money.of("5.00", "EUR")));
  }

  @Test
  void theGermanReminderSpeaksGermanAmountsDatesAndTitles() {
    ReminderContent email =
        ReminderTemplates.shipped(Tone.FRIENDLY, Locale.GERMAN)
            .render(model("Ms", Locale.GERMAN, TODAY.minusDays(20)));

    assertThat(email.text())
        .startsWith("Guten Tag Frau Weber,")
        .contains("1.250,00\u00a0€", "23. Februar 2027", "Mit freundlichen Grüßen\nSam Meyer");
  }

  @Test
  void valuesAreEscapedInTheHtmlButNotInThePlainText() {
    Map<String, Object> model =
        ReminderModel.of(
            new Recipient("Mr", "Tom <b>Smith</b>", Locale.ENGLISH),
            "Smith & Daughters",
            List.of(new DueInvoice("INV-1", Money.of("10.00", "GBP"), TODAY)),
            TODAY,
            SENDER,
            "https://pay.courtesy.example/s/1");

    ReminderContent email = ReminderTemplates.shipped(Tone.FIRM, Locale.ENGLISH).render(model);

    assertThat(email.html()).contains("Smith &amp; Daughters").doesNotContain("<b>Smith</b>");
    assertThat(email.text()).contains("Smith & Daughters");
  }

  private static Map<String, Object> model(String salutation, Locale language, LocalDate due) {
    return model(salutation, language, due, null);
  }

  private static Map<String, Object> model(
      String salutation, Locale language, LocalDate due, LocalDate reportedPaidOn) {
    return ReminderModel.of(
        new Recipient(salutation, "Hannah Weber", language),
        "Weber & Söhne GmbH",
        List.of(
            new DueInvoice("INV-2041", Money.of("1250.00", "EUR"), due),
            new DueInvoice("INV-2107", Money.of("480.50", "EUR"), due.plusDays(14))),
        TODAY,
        SENDER,
        "https://pay.courtesy.example/s/abc",
        reportedPaidOn);
  }

  @Test
  void theThankYouIsCourteousAndCarriesTheCustomersLink() {
    for (Locale language : ReminderTemplates.LANGUAGES) {
      ReminderContent email =
          ReminderTemplates.thanks(language)
              .render(
                  ReminderModel.thanks(
                      new Recipient("Ms", "Hannah Weber", language),
                      "Weber & Söhne GmbH",
                      SENDER,
                      "https://pay.courtesy.example/s/thanks"));

      assertThat(email.text())
          .as(language.toString())
          .contains("https://pay.courtesy.example/s/thanks");
      assertThat(email.html()).contains("href=\"https://pay.courtesy.example/s/thanks\"");
      assertThat(check.check(language, email.text()).findings())
          .as(language.toString())
          .extracting(CourtesyReport.Finding::rule)
          .isSubsetOf(Rule.AMOUNT, Rule.DUE_DATE);
    }
  }

  @Test
  void aReminderAfterTheCustomerSaidTheyHadPaidThanksThemAndAsksAgainGently() {
    ReminderContent email =
        ReminderTemplates.shipped(Tone.FIRM, Locale.ENGLISH)
            .render(model("Ms", Locale.ENGLISH, TODAY.minusDays(20), LocalDate.of(2027, 3, 7)));

    assertThat(email.text())
        .contains("You let us know on March 7, 2027 that you had paid – thank you.")
        .contains("if something went wrong, we are glad to help");
    assertThat(HtmlText.of(email.html())).contains("You let us know on March 7, 2027");
  }
}
