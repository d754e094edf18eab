package app.courtesy.arrangement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.courtesy.arrangement.ArrangementLetters.ArrangementFacts;
import app.courtesy.arrangement.ArrangementLetters.ArrangementLetter;
import app.courtesy.reminder.HtmlText;
import app.courtesy.reminder.ReminderContent;
import app.courtesy.reminder.ReminderModel.DueInvoice;
import app.courtesy.reminder.ReminderModel.Recipient;
import app.courtesy.reminder.ReminderModel.Sender;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.courtesy.CourtesyCheck;
import app.courtesy.reminder.courtesy.CourtesyReport;
import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every arrangement letter, for every kind it applies to and in every shipped language, passes the
 * courtesy check and tells the reader the exact amounts and dates as they write them.
 */
class ArrangementLettersTest {

  // German amounts end in a no-break space and the euro sign; French ones group thousands with a
  // narrow no-break space.
  private static final String NBSP = "\u00a0";
  private static final String NNBSP = "\u202f";

  private static final Sender SENDER =
      new Sender(
          "Sam Meyer", "Accounts receivable", "ar@courtesy.example", "+49 30 1234567", "Courtesy");
  private static final String LINK = "https://pay.courtesy.example/s/abc";
  private static final String CUSTOMER = "Weber & Söhne GmbH";

  /**
   * Two invoices, €3,000.50 in all, in three monthly instalments: 2027-04-01 €1,000.00, 2027-05-01
   * €1,000.00, 2027-06-01 €1,000.50.
   */
  private static final ArrangementFacts EUR_PLAN =
      ArrangementFacts.plan(
          List.of(
              new DueInvoice("INV-2041", Money.of("1250.00", "EUR"), LocalDate.of(2027, 2, 20)),
              new DueInvoice("INV-2107", Money.of("1750.50", "EUR"), LocalDate.of(2027, 3, 5))),
          Money.of("3000.50", "EUR"),
          List.of(
              new PlannedInstalment(1, LocalDate.of(2027, 4, 1), Money.of("1000.00", "EUR")),
              new PlannedInstalment(2, LocalDate.of(2027, 5, 1), Money.of("1000.00", "EUR")),
              new PlannedInstalment(3, LocalDate.of(2027, 6, 1), Money.of("1000.50", "EUR"))));

  /** ¥150,000 in three monthly instalments of ¥50,000 from 2027-04-15. */
  private static final ArrangementFacts JPY_PLAN =
      ArrangementFacts.plan(
          List.of(
              new DueInvoice("INV-7001", Money.of("90000", "JPY"), LocalDate.of(2027, 2, 28)),
              new DueInvoice("INV-7002", Money.of("60000", "JPY"), LocalDate.of(2027, 3, 10))),
          Money.of("150000", "JPY"),
          List.of(
              new PlannedInstalment(1, LocalDate.of(2027, 4, 15), Money.of("50000", "JPY")),
              new PlannedInstalment(2, LocalDate.of(2027, 5, 15), Money.of("50000", "JPY")),
              new PlannedInstalment(3, LocalDate.of(2027, 6, 15), Money.of("50000", "JPY"))));

  /** €1,730.50 on two invoices, both now due on 2027-04-30. */
  private static final ArrangementFacts EXTENSION =
      ArrangementFacts.extension(
          List.of(
              new DueInvoice("INV-2041", Money.of("1250.00", "EUR"), LocalDate.of(2027, 2, 20)),
              new DueInvoice("INV-2107", Money.of("480.50", "EUR"), LocalDate.of(2027, 3, 5))),
          Money.of("1730.50", "EUR"),
          LocalDate.of(2027, 4, 30));

  /** 2 % off €2,450.00, that is €49.00, so €2,401.00 if paid by 2027-03-31. */
  private static final ArrangementFacts DISCOUNT =
      ArrangementFacts.discount(
          List.of(
              new DueInvoice("INV-3301", Money.of("2450.00", "EUR"), LocalDate.of(2027, 4, 10))),
          Money.of("2450.00", "EUR"),
          new BigDecimal("2"),
          Money.of("49.00", "EUR"),
          Money.of("2401.00", "EUR"),
          LocalDate.of(2027, 3, 31));

  private final CourtesyCheck check = new CourtesyCheck();

  /** A letter about one arrangement: 0 for no instalment in particular. */
  private record Case(ArrangementLetter letter, String name, ArrangementFacts facts, int number) {}

  private static final List<Case> CASES =
      List.of(
          new Case(ArrangementLetter.CONFIRMED, "EUR plan", EUR_PLAN, 0),
          new Case(ArrangementLetter.CONFIRMED, "JPY plan", JPY_PLAN, 0),
          new Case(ArrangementLetter.CONFIRMED, "extension", EXTENSION, 0),
          new Case(ArrangementLetter.CONFIRMED, "discount", DISCOUNT, 0),
          new Case(ArrangementLetter.DUE, "EUR plan", EUR_PLAN, 1),
          new Case(ArrangementLetter.DUE, "EUR plan", EUR_PLAN, 2),
          new Case(ArrangementLetter.DUE, "EUR plan", EUR_PLAN, 3),
          new Case(ArrangementLetter.DUE, "JPY plan", JPY_PLAN, 2),
          new Case(ArrangementLetter.DUE, "extension", EXTENSION, 0),
          new Case(ArrangementLetter.DUE, "discount", DISCOUNT, 0),
          new Case(ArrangementLetter.MISSED, "EUR plan", EUR_PLAN, 2),
          new Case(ArrangementLetter.MISSED, "JPY plan", JPY_PLAN, 1));

  @Test
  void everyLetterKindAndLanguagePassesTheCourtesyCheckWithAndWithoutATitle() {
    List<String> failures = new ArrayList<>();
    for (Case letter : CASES) {
      for (Locale language : ReminderTemplates.LANGUAGES) {
        for (String salutation : new String[] {"Ms", ""}) {
          ReminderContent email =
              render(letter.letter(), language, salutation, letter.facts(), letter.number());
          String situation =
              letter.letter()
                  + " "
                  + letter.name()
                  + " #"
                  + letter.number()
                  + " "
                  + language
                  + " '"
                  + salutation
                  + "'";
          assertThat(email.subject()).as(situation).isNotBlank().doesNotContain("{{", "\n");
          assertThat(email.text()).as(situation).doesNotContain("{{", "}}", "\n\n\n");
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

  static Stream<Arguments> confirmedPlan() {
    return Stream.of(
        arguments(
            Locale.ENGLISH,
            List.of(
                "Dear Ms Weber,\n",
                "- Instalment 1: €1,000.00, due on April 1, 2027\n",
                "- Instalment 2: €1,000.00, due on May 1, 2027\n",
                "- Instalment 3: €1,000.50, due on June 1, 2027\n",
                "- Invoice INV-2041: €1,250.00\n",
                "- Invoice INV-2107: €1,750.50\n",
                "Total: €3,000.50\n",
                "a short, friendly note",
                "Kind regards,\nSam Meyer, Accounts receivable\nCourtesy")),
        arguments(
            Locale.GERMAN,
            List.of(
                "Guten Tag Frau Weber,\n",
                "- Rate 1: 1.000,00" + NBSP + "€, fällig am 1. April 2027\n",
                "- Rate 2: 1.000,00" + NBSP + "€, fällig am 1. Mai 2027\n",
                "- Rate 3: 1.000,50" + NBSP + "€, fällig am 1. Juni 2027\n",
                "- Rechnung INV-2107: 1.750,50" + NBSP + "€\n",
                "Gesamtbetrag: 3.000,50" + NBSP + "€\n",
                "Mit freundlichen Grüßen\nSam Meyer")),
        arguments(
            Locale.FRENCH,
            List.of(
                "Bonjour Madame Weber,\n",
                "- Échéance 1 : 1" + NNBSP + "000,00" + NBSP + "€, le 1 avril 2027\n",
                "- Échéance 2 : 1" + NNBSP + "000,00" + NBSP + "€, le 1 mai 2027\n",
                "- Échéance 3 : 1" + NNBSP + "000,50" + NBSP + "€, le 1 juin 2027\n",
                "- Facture INV-2041 : 1" + NNBSP + "250,00" + NBSP + "€\n",
                "Total : 3" + NNBSP + "000,50" + NBSP + "€\n",
                "Cordialement,\nSam Meyer")));
  }

  @ParameterizedTest
  @MethodSource("confirmedPlan")
  void theConfirmationOfAPlanListsEveryInstalmentTheInvoicesAndTheTotal(
      Locale language, List<String> expected) {
    ReminderContent email = render(ArrangementLetter.CONFIRMED, language, "Ms", EUR_PLAN, 0);

    assertThat(email.text()).contains(expected);
    assertThat(email.html()).contains("Weber &amp; Söhne GmbH");
  }

  static Stream<Arguments> confirmedExtensionAndDiscount() {
    return Stream.of(
        arguments(
            Locale.ENGLISH,
            List.of(
                "now due on April 30, 2027:\n",
                "- Invoice INV-2041: €1,250.00, originally due on February 20, 2027\n",
                "Total: €1,730.50, due on April 30, 2027\n",
                "A few days before April 30, 2027, we will send you"),
            List.of(
                "paid in full by March 31, 2027, we are glad to take 2% off:"
                    + " that is €49.00 less, so you pay €2,401.00 instead.",
                "- Invoice INV-3301: €2,450.00, due on April 10, 2027\n",
                "A few days before March 31, 2027, we will send you")),
        arguments(
            Locale.GERMAN,
            List.of(
                "erst am 30. April 2027 fällig:\n",
                "- Rechnung INV-2041: 1.250,00" + NBSP + "€, bisher fällig am 20. Februar 2027\n",
                "Gesamtbetrag: 1.730,50" + NBSP + "€, fällig am 30. April 2027\n"),
            List.of(
                "bis zum 31. März 2027 vollständig bezahlt, ziehen wir gern 2"
                    + NBSP
                    + "% ab:"
                    + " Das sind 49,00"
                    + NBSP
                    + "€ weniger, Sie zahlen also nur 2.401,00"
                    + NBSP
                    + "€.",
                "Gesamtbetrag: 2.450,00" + NBSP + "€\n")),
        arguments(
            Locale.FRENCH,
            List.of(
                "à régler le 30 avril 2027 :\n",
                "- Facture INV-2107 : 480,50"
                    + NBSP
                    + "€, initialement à échéance le 5 mars 2027\n",
                "Total : 1" + NNBSP + "730,50" + NBSP + "€, à régler le 30 avril 2027\n"),
            List.of(
                "d'ici le 31 mars 2027, nous vous accordons volontiers une remise de 2"
                    + NBSP
                    + "% : soit 49,00"
                    + NBSP
                    + "€ de moins, et vous ne réglez que 2"
                    + NNBSP
                    + "401,00"
                    + NBSP
                    + "€.",
                "Total : 2" + NNBSP + "450,00" + NBSP + "€\n")));
  }

  @ParameterizedTest
  @MethodSource("confirmedExtensionAndDiscount")
  void theConfirmationOfAnExtensionOrDiscountGivesTheNewDateOrTheReducedAmount(
      Locale language, List<String> extension, List<String> discount) {
    String extended = render(ArrangementLetter.CONFIRMED, language, "Ms", EXTENSION, 0).text();
    String discounted = render(ArrangementLetter.CONFIRMED, language, "Ms", DISCOUNT, 0).text();

    assertThat(extended).contains(extension);
    assertThat(discounted).contains(discount);
    // Each letter speaks only of its own kind.
    assertThat(extended).doesNotContain("49,00", "49.00", "INV-3301");
    assertThat(discounted).doesNotContain("1.730,50", "€1,730.50", "730,50", "INV-2041");
  }

  static Stream<Arguments> dueSecondInstalment() {
    return Stream.of(
        arguments(
            Locale.ENGLISH,
            "instalment 2 of 3 on May 1, 2027",
            List.of(
                "Instalment 2 of 3: €1,000.00, due on May 1, 2027\n",
                "After it, €1,000.50 remains"),
            List.of("April 1, 2027", "June 1, 2027")),
        arguments(
            Locale.GERMAN,
            "Rate 2 von 3 am 1. Mai 2027",
            List.of(
                "Rate 2 von 3: 1.000,00" + NBSP + "€, fällig am 1. Mai 2027\n",
                "Danach bleiben 1.000,50" + NBSP + "€"),
            List.of("1. April 2027", "1. Juni 2027")),
        arguments(
            Locale.FRENCH,
            "échéance 2 sur 3 le 1 mai 2027",
            List.of(
                "Échéance 2 sur 3 : 1" + NNBSP + "000,00" + NBSP + "€, le 1 mai 2027\n",
                "il restera 1" + NNBSP + "000,50" + NBSP + "€"),
            List.of("1 avril 2027", "1 juin 2027")));
  }

  @ParameterizedTest
  @MethodSource("dueSecondInstalment")
  void theNoteBeforeAnInstalmentNamesItsNumberAmountDateAndWhatRemains(
      Locale language, String subject, List<String> expected, List<String> otherDates) {
    ReminderContent email = render(ArrangementLetter.DUE, language, "Ms", EUR_PLAN, 2);

    assertThat(email.subject()).contains(subject);
    assertThat(email.text()).contains(expected).doesNotContain(otherDates);
  }

  @Test
  void theNoteBeforeTheLastInstalmentSaysItIsTheLast() {
    String text = render(ArrangementLetter.DUE, Locale.ENGLISH, "Ms", EUR_PLAN, 3).text();

    assertThat(text)
        .contains(
            "Instalment 3 of 3: €1,000.50, due on June 1, 2027\n", "This is the last instalment")
        .doesNotContain("remains");
  }

  @Test
  void theNoteBeforeAnExtensionOrDiscountDateNamesTheDateAndAmount() {
    ReminderContent extension = render(ArrangementLetter.DUE, Locale.GERMAN, "", EXTENSION, 0);
    ReminderContent discount = render(ArrangementLetter.DUE, Locale.ENGLISH, "", DISCOUNT, 0);

    assertThat(extension.text())
        .startsWith("Guten Tag Hannah Weber,\n")
        .contains("1.730,50" + NBSP + "€ am 30. April 2027 für diese Rechnungen:\n")
        .contains("- Rechnung INV-2107: 480,50" + NBSP + "€\n");
    assertThat(extension.subject()).contains("1.730,50" + NBSP + "€ fällig am 30. April 2027");
    assertThat(discount.text())
        .startsWith("Dear Hannah Weber,\n")
        .contains(
            "if €2,401.00 arrives by March 31, 2027, the 2% discount of €49.00 applies"
                + " and the €2,450.00 for these invoices is settled in full");
  }

  static Stream<Arguments> missedSecondInstalment() {
    return Stream.of(
        arguments(Locale.ENGLISH, "- Instalment 2: €1,000.00, due on May 1, 2027\n", "on its way"),
        arguments(
            Locale.GERMAN,
            "- Rate 2: 1.000,00" + NBSP + "€, fällig am 1. Mai 2027\n",
            "Wir passen den Zahlungsplan gern an"),
        arguments(
            Locale.FRENCH,
            "- Échéance 2 : 1" + NNBSP + "000,00" + NBSP + "€, prévue le 1 mai 2027\n",
            "nous adapterons volontiers l'échéancier"));
  }

  @ParameterizedTest
  @MethodSource("missedSecondInstalment")
  void theMissedInstalmentMessageNamesTheAmountAndDateAndOffersToAdjust(
      Locale language, String instalment, String offer) {
    String text = render(ArrangementLetter.MISSED, language, "Ms", EUR_PLAN, 2).text();

    assertThat(text).contains(instalment, offer);
  }

  @Test
  void yenAmountsHaveNoDecimals() {
    assertThat(render(ArrangementLetter.MISSED, Locale.ENGLISH, "Ms", JPY_PLAN, 1).text())
        .contains("- Instalment 1: ¥50,000, due on April 15, 2027\n");
    assertThat(render(ArrangementLetter.CONFIRMED, Locale.GERMAN, "Ms", JPY_PLAN, 0).text())
        .contains("- Rate 3: 50.000" + NBSP + "¥, fällig am 15. Juni 2027\n")
        .contains("Gesamtbetrag: 150.000" + NBSP + "¥\n");
    assertThat(render(ArrangementLetter.DUE, Locale.FRENCH, "Ms", JPY_PLAN, 2).text())
        .contains("Échéance 2 sur 3 : 50" + NNBSP + "000" + NBSP + "JPY, le 15 mai 2027\n");
  }

  @Test
  void aLanguageCourtesyDoesNotShipIsWrittenInEnglish() {
    ReminderContent email =
        ArrangementLetters.render(
            ArrangementLetter.CONFIRMED,
            Locale.forLanguageTag("pt"),
            new Recipient("Ms", "Hannah Weber", Locale.UK),
            CUSTOMER,
            SENDER,
            LINK,
            EXTENSION,
            0);

    assertThat(email.subject()).isEqualTo("Your payment arrangement with Courtesy is confirmed");
    assertThat(email.text()).startsWith("Dear Ms Weber,\n").contains("30 April 2027");
  }

  @Test
  void theHtmlIsTheTextWithEveryValueEscaped() {
    ReminderContent email = render(ArrangementLetter.DUE, Locale.ENGLISH, "Ms", EUR_PLAN, 2);

    assertThat(email.html())
        .isEqualTo(HtmlText.html(email.text()))
        .startsWith("<p>Dear Ms Weber,</p>")
        .contains("Weber &amp; Söhne GmbH");
  }

  @Test
  void refusesInstalmentsTheLetterOrPlanDoesNotHave() {
    assertThatThrownBy(() -> render(ArrangementLetter.MISSED, Locale.ENGLISH, "", EXTENSION, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> render(ArrangementLetter.DUE, Locale.ENGLISH, "", EUR_PLAN, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> render(ArrangementLetter.DUE, Locale.ENGLISH, "", EUR_PLAN, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> render(ArrangementLetter.CONFIRMED, Locale.ENGLISH, "", EUR_PLAN, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesFactsWhoseFiguresDisagree() {
    List<DueInvoice> invoices = EUR_PLAN.invoices();
    assertThatThrownBy(
            () ->
                ArrangementFacts.plan(
                    invoices, Money.of("3000.50", "EUR"), EUR_PLAN.instalments().subList(0, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add up");
    assertThatThrownBy(
            () ->
                ArrangementFacts.discount(
                    invoices,
                    Money.of("3000.50", "EUR"),
                    new BigDecimal("2"),
                    Money.of("60.01", "EUR"),
                    Money.of("2940.00", "EUR"),
                    LocalDate.of(2027, 3, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add up");
  }

  private static ReminderContent render(
      ArrangementLetter letter,
      Locale language,
      String salutation,
      ArrangementFacts facts,
      int instalmentNumber) {
    return ArrangementLetters.render(
        letter,
        language,
        new Recipient(salutation, "Hannah Weber", language),
        CUSTOMER,
        SENDER,
        LINK,
        facts,
        instalmentNumber);
  }
}
