package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two people edit the same customer; the second save is refused and keeps what was typed. */
class CustomerEditPageIT {

  private final String number = "EDIT-" + UUID.randomUUID().toString().substring(0, 8);
  private Browser casey;
  private Browser sam;

  @BeforeEach
  void openTwoBrowsers() {
    Courtesy.anonymous()
        .postJson(
            "/api/v1/customers",
            "{\"externalId\":\""
                + number
                + "\",\"number\":\""
                + number
                + "\","
                + "\"name\":\"Lindenhof Bäckerei GmbH\",\"country\":\"DE\","
                + "\"timeZone\":\"Europe/Berlin\",\"locale\":\"de-DE\",\"currency\":\"EUR\"}",
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    casey = Browser.open();
    sam = Browser.open();
    casey.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
    sam.signIn("admin", Courtesy.ADMIN_PASSWORD);
  }

  @AfterEach
  void closeBrowsers() {
    Browser.closeAll(casey, sam);
  }

  @Test
  void theSecondSaveGetsAConflictMessageAndNothingIsLost() {
    openEditor(casey);
    openEditor(sam);

    casey.type("edit-form:notes", "Pays on the 15th; call before noon.");
    casey.press("edit-form:save");
    casey.screenshot("customer-edit-saved");
    assertThat(casey.text("#page-messages")).contains("Saved.");

    sam.type("edit-form:name", "Lindenhof Backstube GmbH");
    sam.press("edit-form:save");
    sam.screenshot("customer-edit-conflict");

    assertThat(sam.text("#edit-form\\:edit-messages"))
        .contains("was changed by collector", "Nothing of yours was saved");
    assertThat(sam.value("edit-form:name")).isEqualTo("Lindenhof Backstube GmbH");
    casey.go("/customers/view.xhtml?number=" + number);
    assertThat(casey.text("#notes-panel")).contains("Pays on the 15th");
    assertThat(casey.title()).startsWith("Lindenhof Bäckerei GmbH");
  }

  private void openEditor(Browser browser) {
    browser.go("/customers/view.xhtml?number=" + number);
    browser.press("actions:edit");
    browser.await("#edit-form\\:name", Duration.ofSeconds(10));
  }
}
