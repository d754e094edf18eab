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
  void aTemplateThatCannotBeReadNamesThePartAndLine() {
    admin.appendAndAwait("templates:subject", " {{customer.getClass()}}", "#problem", "Subject");

    assertThat(admin.text("#problem")).contains("Subject, line 1", "is not a placeholder");
  }
}
