package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An administrator edits a reminder template with a live preview; rude ones never go live. */
class TemplateEditorPageIT {

  private Browser admin;

  @BeforeEach
  void signIn() {
    admin = Browser.open();
    admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
    admin.go("/admin/templates.xhtml");
    admin.choose("templates:language", "de");
  }

  @AfterEach
  void close() {
    Browser.closeAll(admin);
  }

  @Test
  void theShippedGermanReminderPreviewsWithSampleDataAndPasses() {
    assertThat(admin.text("#sample-text"))
        .startsWith("Guten Tag Frau Weber,")
        .contains("1.250,00 €", "Mit freundlichen Grüßen");
    assertThat(admin.text("#verdict")).contains("Passes the courtesy check", "Score 100 of 100");
    assertThat(admin.text("#status")).isNotBlank();
    admin.screenshot("template-editor");
  }

  @Test
  void aPushyLineIsFlaggedAsYouTypeAndTheTemplateIsNotActivated() {
    admin.appendAndAwait(
        "templates:text",
        "\nBitte zahlen Sie SOFORT!!",
        "#verdict",
        "Needs work before it can go live");

    assertThat(admin.text("#templates\\:findings"))
        .contains("No pressure words", "No shouting", "SOFORT", "!!");
    assertThat(admin.text("#sample-text mark")).isEqualTo("SOFORT");
    admin.screenshot("template-editor-findings");

    admin.press("templates:activate");

    assertThat(admin.text("#templates\\:messages")).contains("does not pass the courtesy check");
    admin.go("/admin/templates.xhtml");
    admin.choose("templates:language", "de");
    assertThat(admin.value("templates:text")).doesNotContain("SOFORT");
  }

  @Test
  void aFrenchFormalNoticeIsExplainedWithACourteousAlternativeInFrench() {
    admin.choose("templates:language", "fr");
    admin.appendAndAwait(
        "templates:text",
        "\nNous vous mettons en demeure de régler cette facture.",
        "#verdict",
        "Needs work before it can go live");

    assertThat(admin.text("#read-as")).contains("French");
    assertThat(admin.text("#templates\\:findings"))
        .contains(
            "No threats",
            "mettons en demeure",
            "Formal notices, final warnings and ultimatums read as the step before legal action",
            "Ceci est un rappel amical");
    assertThat(admin.text("#sample-text mark")).contains("mettons en demeure");
    admin.screenshot("template-editor-french-notice");
  }

  @Test
  void aTemplateInALanguageTheCheckCannotReadIsNotJudgedAsEnglishAndCannotGoLive() {
    admin.choose("templates:language", "en");
    admin.typeAndAwait(
        "templates:text",
        "Szanowna Pani {{contact.name}},\n\ndziękujemy za współpracę. Uprzejmie przypominamy o"
            + " otwartej kwocie {{total}}. Jeśli potrzebuje Pani więcej czasu, prosimy o kontakt"
            + " pod adresem {{sender.email}} lub telefonicznie {{sender.phone}}.\n\nZ poważaniem\n"
            + "{{sender.team}}",
        "#verdict",
        "Needs work before it can go live");

    assertThat(admin.text("#templates\\:findings"))
        .contains("Write in English, German, French, Spanish, Italian or Dutch")
        .doesNotContain("No shouting", "Greet the person");
    admin.screenshot("template-editor-unknown-language");

    admin.press("templates:activate");

    assertThat(admin.text("#templates\\:messages")).contains("does not pass the courtesy check");
  }

  @Test
  void aTemplateThatCannotBeReadNamesThePartAndLine() {
    admin.appendAndAwait("templates:subject", " {{customer.getClass()}}", "#problem", "Subject");

    assertThat(admin.text("#problem")).contains("Subject, line 1", "is not a placeholder");
  }
}
