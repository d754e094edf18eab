package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator turns on two-step sign-in with an authenticator app, signs in with a password
 * and a code from then on, and proves again who they are before creating an account once their
 * sign-in is more than five minutes old. Codes come from the secret the page shows, at the time on
 * the server's clock, which moves on to the next code rather than waiting for it.
 */
class TwoStepSignInPageIT {

  private static final String PASSWORD = "brisk-walnut-cathedral-63";

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String username = "robin." + tag;

  @BeforeEach
  void anAdministratorWhoAlsoApproves() {
    Courtesy.createAccount(username, "Robin Quill", PASSWORD, "admin", "approver");
  }

  @AfterEach
  void putTheClockBack() {
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void setsUpTwoStepSignInSignsInWithACodeAndConfirmsItIsThemBeforeCreatingAnAccount()
      throws Exception {
    String secret;
    try (Browser browser = Browser.open()) {
      browser.signIn(username, PASSWORD);
      browser.go("/account.xhtml");
      assertThat(browser.text("#factor-status")).contains("Off");
      browser.press("second-factor:start-setup");
      browser.await("#qr-code svg", Duration.ofSeconds(5));
      secret = browser.text("#secret").replace(" ", "");
      assertThat(secret).matches("[A-Z2-7]{32}");
      browser.screenshot("two-step-setup", "#second-factor");

      browser.type("second-factor:setup-code", "000000");
      browser.press("second-factor:confirm-setup");
      assertThat(browser.text("#second-factor")).contains("That code is not right");
      browser.type("second-factor:setup-code", codeNow(secret));
      browser.press("second-factor:confirm-setup");
      browser.await("#recovery-codes", Duration.ofSeconds(5));
      assertThat(browser.text("#recovery-codes").lines().map(String::strip))
          .hasSize(10)
          .allMatch(code -> code.matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}"));
      browser.screenshot("two-step-recovery-codes", "#second-factor");
    }

    // HTTP Basic has no second step: the API refuses this account.
    HttpResponse<String> basic = api.get("/api/v1/me", username, PASSWORD);
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(basic.body()).contains("signs in in two steps");

    // The next sign-in asks for the code after the password; a wrong code is refused.
    ServerDays.moveClock(ServerDays.now().plus(Duration.ofMinutes(1)));
    try (Browser browser = Browser.open()) {
      browser.signIn(username, PASSWORD);
      browser.await("#second-step\\:code", Duration.ofSeconds(5));
      assertThat(browser.text("#second-step")).contains("Your password is right");
      assertThat(browser.has("#nav-admin")).isFalse();
      browser.screenshot("two-step-code", ".login-card");
      browser.type("second-step:code", "123456");
      browser.click("second-step:verify");
      assertThat(browser.text("#second-step")).contains("That code is not right");
      browser.type("second-step:code", codeNow(secret));
      browser.click("second-step:verify");
      // Signed in: the next page, once it has arrived, has the administration in its menu.
      browser.await("#nav-admin", Duration.ofSeconds(10));

      // Six minutes later, creating an account first asks who they are.
      ServerDays.moveClock(ServerDays.now().plus(Duration.ofMinutes(6)));
      browser.go("/admin/");
      browser.await("#new-user-form", Duration.ofSeconds(10));
      assertThat(browser.has("#new-user-form\\:reauth-secret")).isTrue();
      String casey = "casey." + tag;
      browser.type("new-user-form:new-username", casey);
      browser.type("new-user-form:new-display-name", "Casey Fern");
      browser.type("new-user-form:new-password", "granite-fjord-ledger-19");
      browser.checkByLabel("new-user-form:new-roles", "collector");
      browser.press("new-user-form:create-user");
      assertThat(browser.text("#new-user-form\\:new-user-messages"))
          .contains("Please confirm it is you");
      assertThat(api.get("/api/v1/users/" + casey, "admin", Courtesy.ADMIN_PASSWORD).statusCode())
          .isEqualTo(404);

      browser.type("new-user-form:new-password", "granite-fjord-ledger-19");
      browser.type("new-user-form:reauth-secret", codeNow(secret));
      browser.press("new-user-form:create-user");
      assertThat(browser.text("#new-user-form\\:new-user-messages"))
          .contains("Casey Fern (" + casey + ") can sign in now as collector.");
      browser.screenshot("step-up-account-created", "#new-user-form");
      assertThat(api.get("/api/v1/users/" + casey, "admin", Courtesy.ADMIN_PASSWORD).statusCode())
          .isEqualTo(200);

      // Having just proved it, they are not asked again for five minutes.
      browser.go("/admin/");
      browser.await("#new-user-form", Duration.ofSeconds(10));
      assertThat(browser.has("#new-user-form\\:reauth-secret")).isFalse();
    }
  }

  /** The code an authenticator app shows now for the secret, on the server's clock. */
  private static String codeNow(String secret) throws CodeGenerationException {
    return new DefaultCodeGenerator().generate(secret, ServerDays.now().getEpochSecond() / 30);
  }
}
