package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An administrator reads and changes the default reminder policy; nonsense is refused. */
class PolicyPageIT {

  private Browser admin;

  @BeforeEach
  void signIn() {
    admin = Browser.open();
    admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
    admin.go("/admin/policies.xhtml");
  }

  @AfterEach
  void close() {
    Browser.closeAll(admin);
  }

  @Test
  void stepsOutOfOrderAreRefusedAndNothingIsSaved() {
    assertThat(admin.value("policy:steps:0:offset_input")).isEqualTo("-3");
    assertThat(admin.value("policy:steps:4:offset_input")).isEqualTo("30");
    admin.screenshot("policy");

    admin.number("policy:steps:4:offset", "10");
    admin.press("policy:save");

    admin.await("#policy\\:messages .ui-messages-error", Duration.ofSeconds(5));
    assertThat(admin.text("#policy\\:messages")).contains("Step 5 must come later than step 4");
    admin.screenshot("policy-refused");
    admin.go("/admin/policies.xhtml");
    assertThat(admin.value("policy:steps:4:offset_input")).isEqualTo("30");
  }

  @Test
  void aNewLastStepIsSavedAndShownAgain() {
    admin.press("policy:add-step");
    assertThat(admin.value("policy:steps:5:offset_input")).isEqualTo("44");
    admin.press("policy:save");
    assertThat(admin.text("#policy\\:messages")).contains("Saved.");

    admin.go("/admin/policies.xhtml");
    assertThat(admin.value("policy:steps:5:offset_input")).isEqualTo("44");
    assertThat(admin.text("#status")).contains("Last changed by admin");

    admin.press("policy:steps:5:remove-step");
    admin.press("policy:save");
    assertThat(admin.text("#policy\\:messages")).contains("Saved.");
  }

  @Test
  void aNewPolicyStartsAsACopyAndCustomersCanBeGivenIt() {
    String name = "Key accounts " + java.util.UUID.randomUUID().toString().substring(0, 6);
    admin.type("policy:new-name", name);
    admin.press("policy:create");

    assertThat(admin.text("#policy h2")).isEqualTo(name);
    assertThat(admin.value("policy:steps:4:offset_input")).isEqualTo("30");
    admin.screenshot("policy-created");

    String number = "KEY-" + name.substring(name.length() - 6);
    String customer =
        "{\"externalId\":\"%s\",\"number\":\"%s\",\"name\":\"Atelier Lumière SARL\","
            + "\"country\":\"FR\",\"timeZone\":\"Europe/Paris\",\"locale\":\"fr-FR\","
            + "\"currency\":\"EUR\",\"reminderPolicy\":\"%s\"}";
    var created =
        Courtesy.anonymous()
            .postJson(
                "/api/v1/customers",
                customer.formatted(number, number, name),
                "integration",
                Courtesy.INTEGRATION_PASSWORD);
    var unknown =
        Courtesy.anonymous()
            .postJson(
                "/api/v1/customers",
                customer.formatted(number + "X", number + "X", "No such policy"),
                "integration",
                Courtesy.INTEGRATION_PASSWORD);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .contains("reminderPolicy", "no reminder policy named No such policy");

    admin.go("/customers/view.xhtml?number=" + number);
    assertThat(admin.text("#customer-facts")).contains("reminders: " + name);
  }
}
