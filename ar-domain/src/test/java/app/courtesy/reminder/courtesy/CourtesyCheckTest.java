package app.courtesy.reminder.courtesy;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.reminder.courtesy.CourtesyReport.Finding;
import java.util.Locale;
import org.junit.jupiter.api.Test;

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
}
