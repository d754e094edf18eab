package app.courtesy.reminder.courtesy;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.reminder.courtesy.CourtesyReport.Finding;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CourtesyCheckTest {

  private final CourtesyCheck check = new CourtesyCheck();

  private static final String POLITE =
      """
      Dear Ms Keller,

      Thank you for ordering from us this year. Our records show that invoice INV-1042 for
      €1,250.00 was due on 15 March 2027 and is still open.

      If a payment plan or a few more weeks would help, just reply and we will arrange it.
      You can reach us at ar@courtesy.example or on +49 30 1234567.

      Kind regards,
      Sam Meyer, Accounts receivable
      """;

  @Test
  void aCompleteFriendlyReminderPassesWithFullMarks() {
    CourtesyReport report = check.check(Locale.ENGLISH, POLITE);

    assertThat(report.findings()).isEmpty();
    assertThat(report.passes()).isTrue();
    assertThat(report.score()).isEqualTo(100);
  }

  @Test
  void pointsAtTheWordsThatMustGo() {
    String rude =
        POLITE.replace(
            "just reply and we will arrange it.",
            "reply IMMEDIATELY or we pass this to a collection agency!!");

    CourtesyReport report = check.check(Locale.ENGLISH, rude);

    assertThat(report.passes()).isFalse();
    assertThat(report.findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.THREAT, Rule.PRESSURE, Rule.SHOUTING, Rule.SHOUTING);
    Finding threat = report.findings().get(0);
    assertThat(threat.spans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.text()).isEqualTo("pass this to a collection agency");
              assertThat(rude.substring(span.start(), span.end()))
                  .isEqualTo("pass this to a collection agency");
            });
    assertThat(report.findings().get(2).spans())
        .extracting(CourtesyReport.Span::text)
        .containsExactly("IMMEDIATELY");
    assertThat(report.findings().get(3).spans())
        .extracting(CourtesyReport.Span::text)
        .containsExactly("!!");
    assertThat(report.score()).isEqualTo(40);
  }

  @Test
  void greetingTheCompanyInsteadOfThePersonIsMissingTheName() {
    String anonymous =
        """
        Sehr geehrte Damen und Herren,

        vielen Dank für Ihren Auftrag. Die Rechnung RE-77 über 480,00 EUR war am 15.03.2027
        fällig. Wenn Ihnen eine Ratenzahlung hilft, melden Sie sich gerne: buchhaltung@example.de
        oder +49 89 765432.

        Mit freundlichen Grüßen
        Ihr Team Buchhaltung
        """;

    CourtesyReport report = check.check(Locale.GERMAN, anonymous);

    assertThat(report.findings()).extracting(Finding::rule).containsExactly(Rule.GREETING_BY_NAME);
    assertThat(report.score()).isEqualTo(88);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en | Under the Late Payment of Commercial Debts (Interest) Act 1998, statutory interest of GBP 12.34 has accrued on invoice INV-1 since 15 May, with the fixed sum of GBP 40.00.
          en | As the law allows, statutory interest of EUR 12.34 has been added for the 45 days invoice INV-1 was late.
          en | If you pay by Friday, no interest will be charged.
          en | Should you have any questions about the statutory interest, please call us.
          en | To avoid any misunderstanding about the charges, here is how they were worked out.
          de | Gemäß § 288 BGB sind für die Rechnung RE-1 Verzugszinsen von 12,34 EUR angefallen, dazu die Pauschale von 40,00 EUR.
          fr | Conformément à la loi, des intérêts de retard de 12,34 EUR et l'indemnité forfaitaire de 40 EUR s'appliquent à la facture F-1.
          es | Conforme a la ley, se han devengado intereses de demora de 12,34 EUR por la factura F-1.
          it | Ai sensi di legge, sono maturati interessi di mora di 12,34 EUR sulla fattura F-1.
          nl | Volgens de wet is over factuur F-1 een wettelijke rente van 12,34 EUR verschuldigd.
          """)
  void acceptsChargesStatedAsAFact(String language, String sentence) {
    CourtesyReport report = check.check(Locale.forLanguageTag(language), sentence);

    assertThat(report.findings()).extracting(Finding::rule).doesNotContain(Rule.THREAT);
  }

  @ParameterizedTest(name = "{0}: {1} ({2})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en | If payment is not received by Friday, we will charge statutory interest. | interest
          en | Statutory interest will be added unless you pay by Friday. | interest
          en | We reserve the right to charge interest and late fees. | interest
          en | A late payment penalty of EUR 40 will be applied if we do not hear from you. | late payment penalty
          en | Pay now to avoid further interest charges. | avoid further interest
          de | Wenn Sie nicht bis Freitag zahlen, berechnen wir Verzugszinsen. | Verzugszinsen
          de | Bitte zahlen Sie bis Freitag, sonst fallen Mahngebühren an. | Mahngebühren
          de | Wir behalten uns vor, Verzugszinsen und Mahngebühren zu berechnen. | Verzugszinsen
          fr | Si vous ne payez pas avant vendredi, nous appliquerons des pénalités de retard. | pénalités
          fr | Nous nous réservons le droit d'appliquer des intérêts de retard. | intérêts
          es | Si no paga antes del viernes, aplicaremos intereses de demora. | intereses
          es | Nos reservamos el derecho de cobrar intereses de demora. | intereses
          it | Se non paga entro venerdì, applicheremo interessi di mora. | interessi
          it | In mancanza di pagamento, applicheremo una penale. | penale
          nl | Als u niet voor vrijdag betaalt, brengen wij wettelijke rente in rekening. | rente
          nl | Bij uitblijven van betaling brengen wij administratiekosten in rekening. | administratiekosten
          """)
  void refusesChargesHeldOverTheReader(String language, String sentence, String marked) {
    CourtesyReport report = check.check(Locale.forLanguageTag(language), sentence);

    Finding threat =
        report.findings().stream()
            .filter(finding -> finding.rule() == Rule.THREAT)
            .findFirst()
            .orElseThrow();
    assertThat(threat.why()).isEqualTo(Reasons.why("charges"));
    assertThat(threat.spans()).extracting(CourtesyReport.Span::text).contains(marked);
    assertThat(threat.suggestion()).containsAnyOf("12,34", "12.34");
  }

  @Test
  void saysWhyAWordHurtsAndWhatToWriteInsteadInTheMessagesLanguage() {
    String pressing = POLITE.replace("just reply", "please pay immediately or just reply");

    Finding pressure = check.check(Locale.ENGLISH, pressing).findings().get(0);

    assertThat(pressure.rule()).isEqualTo(Rule.PRESSURE);
    assertThat(pressure.why()).contains("immediately");
    assertThat(pressure.suggestion()).contains("by 15 December, if you can");

    Finding sofort =
        check
            .check(Locale.GERMAN, "Sehr geehrte Frau Keller, bitte zahlen Sie sofort.")
            .findings()
            .stream()
            .filter(finding -> finding.rule() == Rule.PRESSURE)
            .findFirst()
            .orElseThrow();
    assertThat(sofort.suggestion()).contains("wenn möglich");
  }

  @Test
  void marksTheOriginalWordsInHtmlAndDisguisedText() {
    String html = "<p>Dear Ms Keller,</p><p>we will take le<b>gal</b>&nbsp;action.</p>";

    CourtesyReport report = check.checkHtml(Locale.ENGLISH, html);

    Finding threat =
        report.findings().stream().filter(f -> f.rule() == Rule.THREAT).findFirst().orElseThrow();
    assertThat(threat.spans())
        .singleElement()
        .satisfies(span -> assertThat(span.text()).isEqualTo("take le<b>gal</b>&nbsp;action"));
  }

  @Test
  void doesNotJudgeALanguageItCannotReadAsEnglish() {
    String portuguese =
        "Prezado Sr. Silva, informamos que a fatura está em atraso e que vamos tomar as medidas"
            + " necessárias para a cobrança judicial da dívida.";

    CourtesyReport report = check.check(Locale.ENGLISH, portuguese);

    assertThat(report.findings()).extracting(Finding::rule).containsExactly(Rule.UNKNOWN_LANGUAGE);
    assertThat(report.findings().get(0).why()).contains("Portuguese");
    assertThat(report.language().getLanguage()).isEqualTo("pt");
  }

  @Test
  void refusesATextOverTheLimitRatherThanReadingIt() {
    String huge = "a ".repeat(CourtesyCheck.MAX_LENGTH / 2 + 1);

    CourtesyReport report = check.check(Locale.ENGLISH, huge);

    assertThat(report.findings()).extracting(Finding::rule).containsExactly(Rule.TOO_LONG);
    assertThat(report.findings().get(0).why()).contains("1,048,576");
  }

  @Test
  void everyReasonInTheLexiconsIsExplainedInEveryLanguage() {
    for (Language language : Language.values()) {
      assertThat(Lexicon.of(language).reasons())
          .allSatisfy(reason -> assertThat(Reasons.explains(reason)).as(reason).isTrue());
    }
  }
}
