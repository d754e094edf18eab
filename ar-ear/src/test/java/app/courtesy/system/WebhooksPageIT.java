package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator subscribes the ERP's URL in the browser and copies its secret, which is shown
 * once; while the ERP is away its delivery is tried again until it is given up, the page shows
 * that, and once the ERP is back the administrator sends it again and sees it delivered.
 */
class WebhooksPageIT {

  private static final String FIRST_DELIVERY = "#deliveries-form\\:deliveries tr[data-ri='0']";

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private Browser admin;

  @BeforeEach
  void signIn() {
    admin = Browser.open();
    admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
  }

  @AfterEach
  void closeAndPutTheClockBack() {
    Browser.closeAll(admin);
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void aFailedDeliveryIsSentAgainOnceTheErpIsBack() throws Exception {
    String url = "http://127.0.0.1:28522/erp-" + tag;
    admin.go("/admin/index.xhtml");
    admin.click("open-webhooks");
    assertThat(admin.title()).startsWith("Webhooks");

    admin.press("subscribe-form:subscribe");
    assertThat(admin.text("#subscribe-form\\:subscribe-messages"))
        .contains("URL: where to post the events.", "Events: at least one.");

    admin.type("subscribe-form:url", url);
    admin.type("subscribe-form:description", "ERP " + tag);
    admin.checkByLabel("subscribe-form:event-types", "dispute.opened");
    admin.press("subscribe-form:subscribe");
    assertThat(admin.text("#secret-panel")).contains("not shown again");
    assertThat(admin.text("#secret-value")).startsWith("whsec_");
    assertThat(admin.text("#subscriptions-form\\:subscriptions"))
        .contains(url, "ERP " + tag, "dispute.opened", "Active");
    admin.screenshot("webhooks-subscribed");

    // a collector records a dispute while the ERP is away; every attempt fails, a day long
    dispute();
    Instant at = ServerDays.now();
    for (int attempt = 1; attempt <= 30; attempt++) {
      HttpResponse<String> sent =
          api.postJson("/api/v1/webhooks/deliveries/send", "", "admin", Courtesy.ADMIN_PASSWORD);
      assertThat(sent.body()).contains("\"claimed\":1,\"delivered\":0,\"failed\":1");
      // the next attempt is due after 1, 2, 4 … minutes, then every hour
      at = at.plus(Duration.ofMinutes(Math.min(60, 1L << Math.min(attempt - 1, 6)))).plusSeconds(1);
      ServerDays.moveClock(at);
    }
    admin.go("/admin/webhooks.xhtml");
    assertThat(admin.text(FIRST_DELIVERY))
        .contains("dispute.opened", url, "Failed", "30", "Not reached: the connection was refused");
    admin.screenshot("webhooks-failed", "#deliveries-form");

    try (ErpEndpoint erp = new ErpEndpoint(28522).start()) {
      admin.pressCss(FIRST_DELIVERY + " [id$=':resend']");
      assertThat(admin.text("#deliveries-form\\:deliveries-messages"))
          .contains("The dispute.opened event goes to " + url + " again now.");
      assertThat(admin.text(FIRST_DELIVERY)).contains("Pending", "0");

      HttpResponse<String> sent =
          api.postJson("/api/v1/webhooks/deliveries/send", "", "admin", Courtesy.ADMIN_PASSWORD);
      assertThat(sent.body()).contains("\"delivered\":1");
      assertThat(erp.posts()).hasSize(1);
    }
    admin.go("/admin/webhooks.xhtml");
    assertThat(admin.text(FIRST_DELIVERY)).contains("Delivered", "HTTP 200");
    admin.screenshot("webhooks-delivered", "#deliveries-form");

    admin.pressCss("#subscriptions-form\\:subscriptions tr[data-ri='0'] [id$=':deactivate']");
    admin.pressCss("button.ui-confirmdialog-yes");
    assertThat(admin.text("#subscriptions-form\\:subscriptions-messages"))
        .contains("Nothing more is posted to " + url + ".");
    assertThat(admin.text("#subscriptions-form\\:subscriptions")).contains("Deactivated");
  }

  @Test
  void aCollectorCannotOpenThePage() {
    HttpResponse<String> page =
        Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD).get("/admin/webhooks.xhtml");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).doesNotContain("subscribe-form");
  }

  /** A collector records a dispute on a new customer's overdue invoice. */
  private void dispute() {
    LocalDate today = ServerDays.today(ServerDays.zone());
    String invoice = "WX-" + tag;
    LondonCustomer customer =
        new LondonCustomer(
                "KX-" + tag, "Marlow Glassworks " + tag, "Ben Ash", "ben." + tag + "@example.org")
            .invoice(invoice, today.minusDays(40), "410.00");
    HttpResponse<String> review =
        api.postJson("/api/v1/cases/review", "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
    long caseId = customer.caseId();
    HttpResponse<String> disputed =
        api.postJsonIfMatch(
            "/api/v1/cases/" + caseId + "/disputes",
            "{\"invoices\":[\"" + invoice + "\"],\"reason\":\"NOT_RECEIVED\"}",
            "collector",
            Courtesy.COLLECTOR_PASSWORD,
            api.version("/api/v1/cases/" + caseId, "collector", Courtesy.COLLECTOR_PASSWORD));
    assertThat(disputed.statusCode()).as(disputed.body()).isEqualTo(201);
  }
}
