package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each demo user signs in in a real browser and sees the areas of their role, and only those. */
class RoleHomePageIT {

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.open();
  }

  @AfterEach
  void closeBrowser() {
    Browser.closeAll(browser);
  }

  @Test
  void collectorLandsOnWorkWithTheBookOverview() {
    browser.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
    browser.screenshot("collector-home");

    assertThat(browser.awaitPath("/work/")).isEqualTo("/work/");
    assertThat(browser.text("#greeting")).contains("Casey");
    assertThat(browser.text("#tile-overdue"))
        .containsIgnoringCase("overdue")
        .containsPattern("\\d+ invoices");
    assertThat(browser.text("#most-overdue")).contains("days late");
    assertThat(browser.text("#book-aging"))
        .contains("Over 90 days", "EUR")
        .containsPattern("\\d+\\.\\d days");
    assertThat(browser.text("#dso-method")).contains("countback");
    assertThat(browser.has("#nav-work")).isTrue();
    assertThat(browser.has("#nav-approvals")).isFalse();
    assertThat(browser.has("#nav-admin")).isFalse();
  }

  @Test
  void approverLandsOnApprovals() {
    browser.signIn("approver", Courtesy.APPROVER_PASSWORD);
    browser.screenshot("approver-home");

    assertThat(browser.awaitPath("/approvals/")).isEqualTo("/approvals/");
    assertThat(browser.text("#awaiting-decision")).contains("Awaiting your decision");
    assertThat(browser.has("#nav-approvals")).isTrue();
    assertThat(browser.has("#nav-admin")).isFalse();
  }

  @Test
  void adminLandsOnAdministrationWithTheUsers() {
    browser.signIn("admin", Courtesy.ADMIN_PASSWORD);
    browser.screenshot("admin-home");

    assertThat(browser.awaitPath("/admin/")).isEqualTo("/admin/");
    assertThat(browser.text("#users")).contains("collector", "approver", "integration");
    assertThat(browser.text("#tile-schema")).contains("Up to date");
    assertThat(browser.has("#nav-admin")).isTrue();
    assertThat(browser.has("#nav-approvals")).isFalse();
  }

  @Test
  void aWrongPasswordKeepsTheVisitorOnTheLoginPageWithAMessage() {
    browser.signIn("collector", "guessing");
    browser.screenshot("login-wrong-password");

    assertThat(browser.path()).startsWith("/login.xhtml");
    assertThat(browser.text("#login\\:messages")).contains("username or password is not correct");
  }

  @Test
  void collectorSentToAnAdminPageSeesTheForbiddenPage() {
    browser.signIn("collector", Courtesy.COLLECTOR_PASSWORD).go("/admin/");
    browser.screenshot("collector-forbidden");

    assertThat(browser.title()).startsWith("Not for your role");
    assertThat(browser.has("#users")).isFalse();
  }

  @Test
  void signingOutEndsTheSession() {
    browser.signIn("approver", Courtesy.APPROVER_PASSWORD);
    browser.click("account:logout");

    assertThat(browser.text("#signed-out")).contains("You have signed out");
    browser.go("/approvals/");
    assertThat(browser.path()).startsWith("/login.xhtml?next=");
  }

  @Test
  void aVisitorIsTakenBackToThePageTheyAskedForAfterSigningIn() {
    browser.go("/admin/");
    assertThat(browser.path()).startsWith("/login.xhtml");
    browser.type("login:username", "admin");
    browser.type("login:password", Courtesy.ADMIN_PASSWORD);
    browser.click("login:sign-in");

    assertThat(browser.awaitPath("/admin/")).isEqualTo("/admin/");
  }
}
