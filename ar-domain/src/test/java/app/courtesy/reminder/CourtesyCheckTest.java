package app.courtesy.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.reminder.CourtesyReport.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
        .containsExactly(Rule.THREAT, Rule.PRESSURE, Rule.SHOUTING);
    Finding threat = report.findings().get(0);
    assertThat(threat.spans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.text()).isEqualTo("collection agency");
              assertThat(rude.substring(span.start(), span.end())).isEqualTo("collection agency");
            });
    assertThat(report.findings().get(2).spans())
        .extracting(CourtesyReport.Span::text)
        .containsExactly("IMMEDIATELY", "!!");
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

  /**
   * The labelled corpus ({@code courtesy/corpus.txt}): messages a careful colleague would send
   * ("pass") and messages they would not ("fail") in English, German and French. The check must
   * catch nearly every message that should not go out (recall) while rarely stopping one that
   * should (precision).
   */
  @Test
  void separatesCourteousFromDiscourteousMessagesInTheLabelledCorpus() throws IOException {
    List<Labelled> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
    assertThat(corpus).extracting(Labelled::language).contains("en", "de", "fr");

    int caught = 0;
    int falseAlarms = 0;
    int missed = 0;
    List<String> wrong = new ArrayList<>();
    for (Labelled message : corpus) {
      CourtesyReport report =
          check.check(Locale.forLanguageTag(message.language()), message.text());
      boolean flagged = !report.passes();
      if (flagged && !message.shouldPass()) {
        caught++;
      } else if (flagged) {
        falseAlarms++;
        wrong.add(message.id() + " stopped: " + report.findings());
      } else if (!message.shouldPass()) {
        missed++;
        wrong.add(message.id() + " let through (" + message.why() + ")");
      }
    }
    double precision = caught / (double) (caught + falseAlarms);
    double recall = caught / (double) (caught + missed);

    assertThat(precision).as("precision; wrong: %s", wrong).isGreaterThanOrEqualTo(0.9);
    assertThat(recall).as("recall; wrong: %s", wrong).isGreaterThanOrEqualTo(0.9);
  }

  private record Labelled(
      String id, String language, boolean shouldPass, String why, String text) {}

  private static List<Labelled> corpus() throws IOException {
    String text;
    try (InputStream in = CourtesyCheckTest.class.getResourceAsStream("/courtesy/corpus.txt")) {
      text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Labelled> messages = new ArrayList<>();
    for (String block : text.split("(?m)^=== ")) {
      if (block.isBlank()) {
        continue;
      }
      String[] header = block.lines().findFirst().orElseThrow().trim().split("\\s+");
      List<String> lines = block.lines().skip(1).toList();
      String why = "";
      if (!lines.isEmpty() && lines.get(0).startsWith("# why:")) {
        why = lines.get(0).substring("# why:".length()).trim();
        lines = lines.subList(1, lines.size());
      }
      messages.add(
          new Labelled(
              header[0], header[1], header[2].equals("pass"), why, String.join("\n", lines)));
    }
    return messages;
  }
}
