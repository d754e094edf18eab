package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator runs two templates of a step side by side: a rude template B keeps the
 * experiment from starting; two courteous ones start it, the dashboard lists it, and it is stopped
 * again. Collectors cannot open the page.
 */
class ExperimentsPageIT {

  private Browser admin;

  @BeforeEach
  void signIn() {
    admin = Browser.open();
    admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
    admin.go("/admin/experiments.xhtml");
    admin.choose("experiments:language", "de");
  }

  @AfterEach
  void close() {
    Browser.closeAll(admin);
  }

  @Test
  void aRudeTemplateKeepsTheExperimentFromStartingAndTwoCourteousOnesRunUntilStopped() {
    String name = "Shorter subject " + System.nanoTime();
    admin.type("experiments:name", name);
    admin.type(
        "experiments:text-b", admin.value("experiments:text-b") + "\nBitte zahlen Sie SOFORT!!");
    admin.press("experiments:start-experiment");
    assertThat(admin.text("#experiments\\:messages"))
        .contains("Template B does not pass the courtesy check");
    assertThat(admin.text("#experiments\\:list")).doesNotContain(name);

    // Both templates as the one in use: courteous, and no customer reads anything different.
    admin.go("/admin/experiments.xhtml");
    admin.choose("experiments:language", "de");
    admin.type("experiments:name", name);
    admin.press("experiments:start-experiment");
    assertThat(admin.text("#experiments\\:messages")).contains("Started “" + name + "”");
    assertThat(admin.text("#experiments\\:list")).contains(name, "Running", "by admin");
    admin.screenshot("experiments-running", "#experiments");

    // The dashboard lists it, with nothing to compare yet.
    admin.go("/dashboard/index.xhtml");
    assertThat(admin.text("#experiment-results"))
        .contains(name, "running since", "Nothing followed yet");
    admin.screenshot("dashboard-experiments", "#experiment-results");

    admin.go("/admin/experiments.xhtml");
    // The latest started is listed first.
    admin.pressCss("#experiments\\:list_data tr:first-child [id$=':stop']");
    admin.pressCss("button.ui-confirmdialog-yes");
    assertThat(admin.text("#experiments\\:messages")).contains("Stopped “" + name + "”");
  }

  @Test
  void aCollectorCannotOpenThePage() {
    HttpResponse<String> page =
        Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD).get("/admin/experiments.xhtml");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).doesNotContain("start-experiment");
  }
}
