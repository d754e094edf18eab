package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone guesses a person's password: each failure makes the next try wait longer, the right
 * password waits too, the tenth failure locks the account (for HTTP Basic and the sign-in form
 * alike), every failure is on the administrators' security page, and an administrator lifts the
 * lock. The server's clock is moved past the waits rather than waited for, and put back.
 */
class SignInThrottlingIT {

  private static final String PASSWORD = "amber-quartz-lighthouse-27";

  private final Courtesy api = Courtesy.anonymous();
  private final String username = "guessed." + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void anAccountSomeoneGuessesAt() {
    Courtesy.createAccount(username, "Morgan Vale", PASSWORD, "collector");
  }

  @AfterEach
  void putTheClockBack() {
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void guessesWaitLongerAndLongerThenLockTheAccountUntilAnAdministratorLiftsIt() {
    Instant now = ServerDays.now();
    for (int failure = 1; failure <= 8; failure++) {
      HttpResponse<String> wrong = api.get("/api/v1/me", username, "wrong-guess-" + failure);
      assertThat(wrong.statusCode()).as("failure %d: %s", failure, wrong.body()).isEqualTo(401);
      if (failure < 8) {
        now = now.plus(Duration.ofMinutes(6));
        ServerDays.moveClock(now);
      }
    }

    // Eight failures in a row: the next try waits 32 seconds, even with the right password.
    HttpResponse<String> waiting = api.get("/api/v1/me", username, PASSWORD);
    assertThat(waiting.statusCode()).isEqualTo(429);
    assertThat(waiting.body()).contains("Too many failed sign-ins for this account");
    assertThat(waiting.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 32L));

    for (int failure = 9; failure <= 10; failure++) {
      now = now.plus(Duration.ofMinutes(6));
      ServerDays.moveClock(now);
      assertThat(api.get("/api/v1/me", username, "wrong-guess-" + failure).statusCode())
          .isEqualTo(401);
    }

    // The tenth failure locked the account: the right password is refused, on the API and the form.
    HttpResponse<String> locked = api.get("/api/v1/me", username, PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body()).contains("locked after 10 failed sign-ins");
    try (Browser browser = Browser.open()) {
      browser.signIn(username, PASSWORD);
      assertThat(browser.text("#login\\:messages"))
          .contains("Please wait before trying again", "locked after 10 failed sign-ins");
      browser.screenshot("sign-in-locked", ".login-card");
    }

    // An administrator sees the failures and the lock, and lifts it.
    try (Browser admin = Browser.open()) {
      admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
      admin.go("/admin/security.xhtml");
      assertThat(admin.text("#locks-form\\:throttled")).contains(username);
      admin.type("events-form:event-user", username);
      admin.press("events-form:filter");
      assertThat(admin.text("#events-form\\:events"))
          .contains("Account locked", "after 10 failed sign-ins", "Sign-in failed", "127.0.0.1")
          .doesNotContain("wrong-guess", PASSWORD);
      admin.screenshot("security-events");
      admin.pressCss("button[title='Lift the wait of " + username + "']");
      assertThat(admin.text("#locks-form")).contains(username + " may sign in again at once");
    }

    assertThat(api.get("/api/v1/me", username, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aCommonOrOverlongPasswordIsRefusedForANewAccountNamingTheField() {
    HttpResponse<String> common =
        api.postJson(
            "/api/v1/users",
            "{\"username\":\"weak."
                + username
                + "\",\"displayName\":\"Weak Account\",\"password\":\"password1234\","
                + "\"roles\":[\"collector\"]}",
            "admin",
            Courtesy.ADMIN_PASSWORD);
    assertThat(common.statusCode()).isEqualTo(400);
    assertThat(common.body()).contains("\"field\":\"password\"", "is too easy to guess");

    HttpResponse<String> overlong =
        api.postJson(
            "/api/v1/users",
            "{\"username\":\"long."
                + username
                + "\",\"displayName\":\"Long Account\",\"password\":\""
                + "tundra velvet orchard ".repeat(6)
                + "\",\"roles\":[\"collector\"]}",
            "admin",
            Courtesy.ADMIN_PASSWORD);
    assertThat(overlong.statusCode()).isEqualTo(400);
    assertThat(overlong.body())
        .contains("\"field\":\"password\"", "must be between 12 and 128 characters");
    assertThat(
            api.get("/api/v1/users/weak." + username, "admin", Courtesy.ADMIN_PASSWORD)
                .statusCode())
        .isEqualTo(404);
  }
}
