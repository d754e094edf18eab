package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On the customer page an approver reverses a payment with a reason: the invoice it paid is open
 * again, the payment says why, the history records it; a collector sees no such button. A customer
 * who paid too much sees the credit on their own page.
 */
class ReversalPageIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private final Courtesy api = Courtesy.anonymous();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String number = "C-" + tag;
  private Browser browser;

  @BeforeEach
  void ledger() {
    post(
        "/api/v1/customers",
        "{\"externalId\":\"ERP-"
            + number
            + "\",\"number\":\""
            + number
            + "\",\"name\":\"Harbour Lights Ltd\",\"country\":\"GB\","
            + "\"timeZone\":\"Europe/London\",\"locale\":\"en-GB\",\"currency\":\"GBP\","
            + "\"collector\":\"collector\"}");
    post(
        "/api/v1/invoices",
        "{\"externalId\":\"I-"
            + tag
            + "\",\"number\":\"HL-"
            + tag
            + "\",\"customerNumber\":\""
            + number
            + "\",\"issueDate\":\"2026-09-01\",\"dueDate\":\"2026-10-01\",\"currency\":\"GBP\","
            + "\"amount\":\"420.00\"}");
    post(
        "/api/v1/payments",
        "{\"externalId\":\"P-"
            + tag
            + "\",\"customerNumber\":\""
            + number
            + "\",\"paymentDate\":\"2026-11-02\",\"currency\":\"GBP\",\"amount\":\"500.00\","
            + "\"method\":\"card\",\"reference\":\"Card 4242\"}");
  }

  @AfterEach
  void closeBrowser() {
    Browser.closeAll(browser);
  }

  @Test
  void anApproverReversesAPaymentWithAReasonAndTheInvoiceIsOpenAgain() {
    browser = Browser.open();
    browser.signIn("approver", Courtesy.APPROVER_PASSWORD);
    browser.go("/customers/view.xhtml?number=" + number);
    assertThat(browser.text("#open-items")).contains("No open invoices");
    assertThat(browser.text("#unapplied-credit")).contains("Card 4242", "-£80.00");
    assertThat(browser.text("#aging")).contains("Credit", "-£80.00");
    browser.screenshot("customer-credit", "#aging");

    browser.pressCss("[id$='reverse-payment:reverse']");
    browser.await("#reversal-form\\:reversal-reason", java.time.Duration.ofSeconds(10));
    assertThat(browser.text("#reversal-receipt")).contains("Card 4242", "£500.00");
    browser.choose("reversal-form:reversal-kind", "CHARGEBACK");
    browser.type("reversal-form:reversal-reason", "The card holder disputed the charge");
    browser.screenshot("payment-reversal-dialog", "#reversal-dialog");
    browser.press("reversal-form:reverse");

    assertThat(browser.text("#page-messages")).contains("reversed", "HL-" + tag);
    assertThat(browser.text("#open-items")).contains("HL-" + tag, "£420.00");
    assertThat(browser.text("#payments"))
        .contains("Reversed", "chargeback", "The card holder disputed the charge");
    assertThat(browser.text("#history")).contains("The card holder disputed the charge");
    assertThat(browser.has("#unapplied-credit")).isFalse();
    browser.screenshot("customer-payment-reversed", "#payments");
  }

  @Test
  void anApproverRefundsPartOfTheCreditAndTheRestStaysTheCustomers() {
    browser = Browser.open();
    browser.signIn("approver", Courtesy.APPROVER_PASSWORD);
    browser.go("/customers/view.xhtml?number=" + number);

    browser.press("credit-form:start-refund");
    browser.await("#refund-form\\:refund-reason", java.time.Duration.ofSeconds(10));
    browser.number("refund-form:refund-amount", "30.00");
    browser.type("refund-form:refund-reference", "BACS 0042");
    browser.type("refund-form:refund-reason", "The customer asked for the overpayment back");
    browser.screenshot("credit-refund-dialog", "#refund-dialog");
    browser.press("refund-form:refund");

    assertThat(browser.text("#page-messages")).contains("Refund of £30.00", "credit left £50.00");
    assertThat(browser.text("#credit-total")).contains("-£50.00");
    assertThat(browser.text("#credits")).contains("Refund", "BACS 0042", "£30.00");
    assertThat(browser.text("#aging")).contains("-£50.00");
    browser.screenshot("customer-credit-refunded", "#unapplied-credit");
  }

  @Test
  void anApproverCancelsACreditNoteAndItsInvoiceIsOpenAgain() {
    post(
        "/api/v1/invoices",
        "{\"externalId\":\"J-"
            + tag
            + "\",\"number\":\"HM-"
            + tag
            + "\",\"customerNumber\":\""
            + number
            + "\",\"issueDate\":\"2026-11-01\",\"dueDate\":\"2026-12-01\",\"currency\":\"GBP\","
            + "\"amount\":\"150.00\"}");
    post(
        "/api/v1/credit-notes",
        "{\"externalId\":\"CN-"
            + tag
            + "\",\"number\":\"CN-"
            + tag
            + "\",\"customerNumber\":\""
            + number
            + "\",\"issueDate\":\"2026-11-10\",\"currency\":\"GBP\",\"amount\":\"150.00\","
            + "\"reason\":\"Damaged in transit\",\"allocations\":[{\"invoiceNumber\":\"HM-"
            + tag
            + "\",\"amount\":\"150.00\"}]}");
    browser = Browser.open();
    browser.signIn("approver", Courtesy.APPROVER_PASSWORD);
    browser.go("/customers/view.xhtml?number=" + number);
    assertThat(browser.text("#open-items")).doesNotContain("HM-" + tag);

    browser.pressCss("[id$='cancel-credit-note:cancel']");
    browser.await("#cancellation-form\\:cancellation-reason", java.time.Duration.ofSeconds(10));
    browser.type("cancellation-form:cancellation-reason", "The goods arrived intact after all");
    browser.press("cancellation-form:cancel-note");

    assertThat(browser.text("#page-messages")).contains("cancelled", "HM-" + tag);
    assertThat(browser.text("#open-items")).contains("HM-" + tag, "£150.00");
    assertThat(browser.text("#credit-notes"))
        .contains("Cancelled", "The goods arrived intact after all");
    browser.screenshot("credit-note-cancelled", "#credit-notes");
  }

  @Test
  void anOverpaymentIsACreditTheCustomerSeesOnTheirPage() {
    PortalCustomer dana = new PortalCustomer(MAIL, "Dana Frost", tag);
    // £400.00 against £240.00 overdue and £75.50 not yet due: £84.50 is the customer's
    post(
        "/api/v1/payments",
        "{\"externalId\":\"PO-"
            + tag
            + "\",\"customerNumber\":\""
            + dana.number()
            + "\",\"paymentDate\":\""
            + LocalDate.now()
            + "\",\"currency\":\"GBP\",\"amount\":\"400.00\",\"method\":\"transfer\","
            + "\"reference\":\"Transfer 77\"}");

    browser = Browser.open();
    browser.viewport(1280, 900).go(dana.link + "?lang=en");

    assertThat(browser.text("#credit"))
        .contains(
            "Your credit with us", "Payment Transfer 77", "-£84.50", "In your favour: £84.50");
    browser.screenshot("portal-credit", "#credit");
  }

  @Test
  void aCollectorSeesThePaymentButCannotReverseIt() {
    browser = Browser.open();
    browser.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
    browser.go("/customers/view.xhtml?number=" + number);

    assertThat(browser.text("#payments")).contains("Card 4242");
    assertThat(browser.has("[id$='reverse-payment:reverse']")).isFalse();
    assertThat(browser.has("#credit-form\\:start-refund")).isFalse();
  }

  private void post(String path, String json) {
    HttpResponse<String> response =
        api.postJson(path, json, "integration", Courtesy.INTEGRATION_PASSWORD);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
  }
}
