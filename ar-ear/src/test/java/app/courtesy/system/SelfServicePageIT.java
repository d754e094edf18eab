package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * The customer's page in a browser, as customers use it: on a phone in German, on a desktop in
 * English with the keyboard alone; and what collectors and approvers then see.
 */
class SelfServicePageIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("MMddyyyy");

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void onAPhoneInGermanTheCustomerAsksForAPlanAndTheApproverFindsItInTheInbox() {
    PortalCustomer mara = new PortalCustomer(MAIL, "Mara Keller", tag);

    try (Browser phone = Browser.open()) {
      phone.viewport(390, 844).go(mara.link + "?lang=de");
      phone.await("h1", Duration.ofSeconds(10));
      assertThat(phone.text("h1")).isEqualTo("Guten Tag Mara Keller");
      assertThat(phone.text("table.invoices"))
          .contains(mara.overdue, "Überfällig", "Noch nicht fällig");
      phone.screenshot("portal-phone-de");

      phone.clickCss("#time summary");
      phone.clickCss("#time input[value='plan']");
      phone.type("time-count", "4");
      phone.type("time-first", LocalDate.now().plusDays(14).format(TYPED));
      phone.type("time-note", "Ein großer Kunde zahlt erst im Januar.");
      phone.screenshot("portal-phone-de-plan", "#time");
      phone.clickCss("#time button");

      phone.await("#done", Duration.ofSeconds(10));
      assertThat(phone.text("#done")).contains("Ihre Anfrage liegt bei unserem Team");
      assertThat(phone.text("main")).contains("Eine Ratenzahlung in 4 Raten");
      phone.screenshot("portal-phone-de-done", "#done");
    }

    try (Browser approver = Browser.open()) {
      approver.signIn("approver", Courtesy.APPROVER_PASSWORD).go("/approvals/index.xhtml");
      approver.await("#inbox", Duration.ofSeconds(10));
      assertThat(approver.text("body")).contains(mara.number()).contains("Customer: Mara Keller");
      approver.screenshot("portal-approver-inbox");
    }
  }

  @Test
  void onADesktopTheCustomerReportsAPaymentWithTheKeyboardAloneAndTheCollectorSeesIt() {
    PortalCustomer nora = new PortalCustomer(MAIL, "Nora Quinn", tag);

    try (Browser desktop = Browser.open()) {
      desktop.go(nora.link + "?lang=en");
      desktop.await("h1", Duration.ofSeconds(10));
      tabTo(desktop, "I have already paid");
      desktop.keys(Keys.ENTER);
      tabTo(desktop, "paidOn");
      desktop.keys(LocalDate.now().minusDays(1).format(TYPED));
      tabTo(desktop, "amount");
      desktop.keys("240.00");
      tabTo(desktop, "reference");
      desktop.keys("BACS " + tag);
      tabTo(desktop, "Send");
      desktop.screenshot("portal-desktop-en-paid", "#paid");
      desktop.keys(Keys.ENTER);

      desktop.await("#done", Duration.ofSeconds(10));
      assertThat(desktop.text("#done")).contains("Thank you for letting us know");
      assertThat(desktop.text("table.invoices")).contains("Payment reported");
      desktop.screenshot("portal-desktop-en-done");
    }

    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD).go("/cases/index.xhtml");
      collector.tick("cases:customer-requests");
      collector.await("#cases\\:table .customer-request", Duration.ofSeconds(10));
      assertThat(collector.text("#cases\\:table"))
          .contains(nora.number())
          .contains("Customer reported paying 240.00 GBP");
      collector.screenshot("portal-worklist-requests");

      collector.go("/cases/view.xhtml?id=" + nora.caseId);
      collector.await("#customer-request", Duration.ofSeconds(10));
      assertThat(collector.text("#timeline"))
          .contains("Self-service", "reported a payment of 240.00 GBP", "BACS " + tag);
      collector.screenshot("portal-case-view");
    }
  }

  @Test
  void onAPhoneInEnglishTheCustomerDisputesAnInvoiceAndStopsEmailsAndTheCaseShowsBoth()
      throws IOException {
    PortalCustomer owen = new PortalCustomer(MAIL, "Owen Price", tag);

    try (Browser phone = Browser.open()) {
      phone.viewport(390, 844).go(owen.link + "?lang=en");
      phone.await("h1", Duration.ofSeconds(10));
      phone.clickCss("#dispute summary");
      phone.clickCss("#dispute input[value='" + owen.notYetDue + "']");
      phone.clickCss("#dispute-reason option[value='NOT_RECEIVED']");
      phone.type("dispute-note", "The delivery never arrived at our warehouse.");
      phone.attach("dispute-file", deliveryNote());
      phone.clickCss("#dispute button");
      phone.await("#done", Duration.ofSeconds(10));
      assertThat(phone.text("#done")).contains("We have stopped reminders for this invoice");
      assertThat(phone.text("table.invoices")).contains("We are looking into it");

      phone.clickCss("#contact summary");
      phone.clickCss("#contact input[name='emailOptOut']");
      phone.screenshot("portal-phone-en-contact", "#contact");
      phone.clickCss("#contact button");
      phone.await("#done", Duration.ofSeconds(10));
      assertThat(phone.text("#done")).contains("your details are saved");
      phone.screenshot("portal-phone-en-done");
    }

    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + owen.caseId);
      collector.await("#disputes", Duration.ofSeconds(10));
      assertThat(collector.text("#disputes"))
          .contains(owen.notYetDue, "Not received", "Customer: Owen Price", "never arrived");
      assertThat(collector.text("#timeline"))
          .contains("Self-service", "Owen Price changed their details: no reminders by email");
      collector.screenshot("portal-case-dispute", "#disputes");

      // The file Owen sent is on his customer page, and opens.
      collector.go("/customers/view.xhtml?number=" + owen.number());
      collector.await("#customer-files", Duration.ofSeconds(10));
      assertThat(collector.text("#customer-files")).contains("delivery-note.png", "image/png");
      collector.clickCss("#customer-files a");
      assertThat(Files.readAllBytes(collector.downloaded("delivery-note.png"))).isEqualTo(PNG);
      collector.screenshot("portal-customer-files", "#customer-files");
    }
  }

  @Test
  void onADesktopInGermanTheCustomerPromisesADateAndTheCaseWaitsForIt() {
    PortalCustomer pia = new PortalCustomer(MAIL, "Pia Schulz", tag);
    LocalDate promised = LocalDate.now().plusDays(12);

    try (Browser desktop = Browser.open()) {
      desktop.go(pia.link + "?lang=de");
      desktop.await("h1", Duration.ofSeconds(10));
      desktop.clickCss("#promise summary");
      desktop.type("promise-date", promised.format(TYPED));
      desktop.clickCss("#promise button");
      desktop.await("#done", Duration.ofSeconds(10));
      assertThat(desktop.text("#done")).contains("Wir haben den Tag notiert");
      assertThat(desktop.text("table.invoices")).contains("Zahlung zugesagt – danke");
      assertThat(desktop.text("main")).contains("Sie haben uns mitgeteilt, dass Sie 240,00");
      desktop.screenshot("portal-desktop-de-promise");
    }

    try (Browser collector = Browser.open()) {
      collector.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
      collector.go("/cases/view.xhtml?id=" + pia.caseId);
      collector.await("#customer-request", Duration.ofSeconds(10));
      assertThat(collector.text("#case-status")).isEqualTo("Promise pending");
      assertThat(collector.text("#customer-request"))
          .contains("Customer promised to pay on " + promised);
      assertThat(collector.text("#timeline")).contains("Promise to pay", "Customer: Pia Schulz");
    }
  }

  /** A tiny PNG: what a photo of a delivery note starts with. */
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'
  };

  private static Path deliveryNote() {
    try {
      Path dir = Files.createTempDirectory("courtesy-upload");
      return Files.write(dir.resolve("delivery-note.png"), PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tabs forward until the focus is on {@code target} (a field's name or a control's text). */
  private static void tabTo(Browser browser, String target) {
    for (int i = 0; i < 40; i++) {
      if (browser.focused().contains(target)) {
        return;
      }
      browser.keys(Keys.TAB);
    }
    throw new AssertionError(
        "The keyboard never reached " + target + "; it is on " + browser.focused());
  }
}
