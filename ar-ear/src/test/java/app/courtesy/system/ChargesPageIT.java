package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An administrator records the EU reference rate and turns late-payment charges on for a policy of
 * its own; a customer on it is 45 days late with an invoice part paid on day 20; the date runs, and
 * the customer's page shows the charge document (interest in two segments and the fixed
 * compensation), the balance its own row, the API and the ERP the same, the reminder says it in a
 * sentence and the customer's own page explains it.
 */
class ChargesPageIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static final Pattern LINK =
      Pattern.compile(Pattern.quote(Courtesy.URL) + "(/pay/[A-Za-z0-9_-]{32})");
  private static final Pattern NUMBER = Pattern.compile("\"number\":\"(CHG-\\d+)\"");

  private Browser admin;
  private Browser collector;

  @AfterEach
  void closeAndPutTheClockBack() {
    Browser.closeAll(admin, collector);
    ServerDays.moveClock(Instant.now());
  }

  @Test
  void chargesTurnedOnForAPolicyShowOnTheCustomerPageAfterTheRun() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    LocalDate date = ServerDays.unrunDate();
    LocalDate due = date.minusDays(45);
    String policy = "Late payers " + tag;
    String number = "LP-" + tag;
    String email = "accounts." + tag + "@harbour.example";
    Courtesy api = Courtesy.anonymous();

    admin = Browser.open();
    admin.signIn("admin", Courtesy.ADMIN_PASSWORD);
    admin.go("/admin/rates.xhtml");
    admin.choose("rate-form:kind", "EU_REFERENCE");
    admin.date("rate-form:valid-from", halfYearStart(due));
    admin.number("rate-form:rate", "2.15");
    admin.type("rate-form:note", "ECB main refinancing rate");
    admin.press("rate-form:record");
    assertThat(admin.text("#rate-form\\:rate-messages")).contains("recorded");
    // the run's half-year too, over the API (the same rate again when it is the same half-year)
    HttpResponse<String> runsHalf =
        api.postJson(
            "/api/v1/reference-rates",
            "{\"kind\":\"EU_REFERENCE\",\"validFrom\":\""
                + halfYearStart(date)
                + "\",\"rate\":\"2.15\",\"note\":\"ECB main refinancing rate\"}",
            "admin",
            Courtesy.ADMIN_PASSWORD);
    assertThat(runsHalf.statusCode()).as(runsHalf.body()).isIn(200, 201);
    assertThat(runsHalf.body()).contains("\"rate\":\"2.15\"", "\"updatedBy\":\"admin\"");
    admin.go("/admin/rates.xhtml");
    assertThat(admin.text("#rates-form\\:rates")).contains("2.15", "ECB main refinancing rate");
    admin.screenshot("reference-rates");

    admin.go("/admin/policies.xhtml");
    admin.type("policy:new-name", policy);
    admin.press("policy:create");
    assertThat(admin.text("#charges-status")).contains("charges nothing");
    admin.choose("charges:interest", "EU_DIRECTIVE");
    admin.tick("charges:compensation");
    admin.tick("charges:show-in-reminders");
    admin.press("charges:add-fee");
    admin.number("charges:fees:0:fee-amount", "10");
    admin.press("charges:save-charges");
    assertThat(admin.text("#charges\\:charges-messages")).contains("Charges saved.");
    assertThat(admin.text("#charges-status")).contains("Last changed by admin");
    admin.screenshot("policy-charges");

    HttpResponse<String> terms =
        api.get(
            "/api/v1/reminder-policies/" + policy.replace(" ", "%20") + "/charges",
            "admin",
            Courtesy.ADMIN_PASSWORD);
    assertThat(terms.body())
        .contains(
            "\"interest\":\"EU_DIRECTIVE\"",
            "\"compensation\":true",
            "\"showInReminders\":true",
            "\"step\":5",
            "\"currency\":\"EUR\"");

    create(
        "/api/v1/customers",
        "{\"externalId\":\"ERP-"
            + number
            + "\",\"number\":\""
            + number
            + "\",\"name\":\"Harbour Traders Ltd "
            + tag
            + "\",\"country\":\"IE\",\"timeZone\":\"Europe/Dublin\",\"locale\":\"en-IE\","
            + "\"currency\":\"EUR\",\"collector\":\"collector\",\"reminderPolicy\":\""
            + policy
            + "\"}");
    create(
        "/api/v1/contacts",
        "{\"externalId\":\"P-"
            + number
            + "\",\"customerNumber\":\""
            + number
            + "\",\"name\":\"Siobhan Kelly\",\"salutation\":\"Ms\",\"email\":\""
            + email
            + "\",\"preferredChannel\":\"EMAIL\"}");
    create(
        "/api/v1/invoices",
        "{\"externalId\":\"I-"
            + number
            + "\",\"number\":\"INV-"
            + number
            + "\",\"customerNumber\":\""
            + number
            + "\",\"issueDate\":\""
            + due.minusDays(30)
            + "\",\"dueDate\":\""
            + due
            + "\",\"currency\":\"EUR\",\"amount\":\"10000.00\"}");
    create(
        "/api/v1/payments",
        "{\"externalId\":\"PAY-"
            + number
            + "\",\"customerNumber\":\""
            + number
            + "\",\"paymentDate\":\""
            + due.plusDays(20)
            + "\",\"currency\":\"EUR\",\"amount\":\"4000.00\"}");

    HttpResponse<String> run =
        api.postJson("/api/v1/dunning-runs?asOf=" + date, "", "admin", Courtesy.ADMIN_PASSWORD);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);

    collector = Browser.open();
    collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
    collector.go("/customers/view.xhtml?number=" + number);
    assertThat(collector.text("#charges"))
        .contains(
            "CHG-",
            "Interest · INV-" + number,
            "19 days on €10,000.00 at 10.15 % (reference rate 2.15 %)",
            "26 days on €6,000.00 at 10.15 %",
            "52.84",
            "43.38",
            "Fixed compensation",
            "40.00",
            "136.22",
            "Open");
    collector.screenshot("customer-charges");
    collector.screenshot("customer-charges-panel", "#charges");

    HttpResponse<String> customerCharges =
        api.get(
            "/api/v1/customers/" + number + "/charges",
            "integration",
            Courtesy.INTEGRATION_PASSWORD);
    assertThat(customerCharges.statusCode()).as(customerCharges.body()).isEqualTo(200);
    assertThat(customerCharges.body())
        .contains(
            "\"open\":[{\"amount\":\"136.22\",\"currency\":\"EUR\"}]", "\"kind\":\"INTEREST\"");
    Matcher charge = NUMBER.matcher(customerCharges.body());
    assertThat(charge.find()).isTrue();
    HttpResponse<String> document =
        api.get("/api/v1/charges/" + charge.group(1), "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body())
        .contains(
            "\"status\":\"OPEN\"",
            "\"days\":19",
            "\"days\":26",
            "\"kind\":\"COMPENSATION\"",
            "\"total\":{\"amount\":\"136.22\",\"currency\":\"EUR\"}");
    assertThat(
            api.get(
                    "/api/v1/customers/" + number + "/balance?asOf=" + date,
                    "integration",
                    Courtesy.INTEGRATION_PASSWORD)
                .body())
        .contains("\"charges\":{\"amount\":\"136.22\",\"currency\":\"EUR\"}");

    ServerDays.moveToOfficeHours(date, ZoneId.of("Europe/Dublin"), "IE");
    ServerDays.dispatch();
    MimeMessage reminder = Mailbox.await(MAIL, email, "A friendly reminder");
    String text = Mailbox.text(reminder);
    assertThat(text)
        .contains(
            "Under the EU Late Payment Directive (2011/7/EU), statutory interest of €96.22 has"
                + " accrued on the overdue amounts",
            "a fixed compensation of €40.00 for recovery costs",
            "Charges open in all: €136.22 (" + charge.group(1) + ")");
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).isTrue();

    collector.go(link.group(1));
    assertThat(collector.text("#charges"))
        .contains(
            "Late-payment charges",
            "the EU Late Payment Directive (2011/7/EU)",
            charge.group(1),
            "19 days on €10,000.00 at 10.15 % a year",
            "Fixed compensation for recovery costs",
            "€136.22");
    collector.screenshot("portal-charges", "#charges");
    // on the run's date the balance counts the charges beside the aging, and in what is owed
    collector.go("/customers/view.xhtml?number=" + number);
    assertThat(collector.text("#aging")).contains("Charges", "€136.22", "€6,136.22");
    HttpResponse<String> statement = api.get(link.group(1) + "/statement.pdf");
    assertThat(statement.statusCode()).isEqualTo(200);
    assertThat(statement.body()).startsWith("%PDF-");
  }

  private static LocalDate halfYearStart(LocalDate day) {
    return LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
  }

  private static void create(String path, String json) {
    HttpResponse<String> created =
        Courtesy.anonymous().postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(created.statusCode()).as(path + ": " + created.body()).isEqualTo(201);
  }
}
