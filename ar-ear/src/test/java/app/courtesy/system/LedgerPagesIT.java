package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A collector looks through the demo book: customers, one customer's balance, one invoice. */
class LedgerPagesIT {

  private Browser browser;

  @BeforeEach
  void signIn() {
    browser = Browser.open();
    browser.signIn("collector", Courtesy.COLLECTOR_PASSWORD);
  }

  @AfterEach
  void closeBrowser() {
    Browser.closeAll(browser);
  }

  @Test
  void customersListShowsBalancesAndPagesInTheDatabase() {
    browser.go("/customers/");
    browser.screenshot("customers-list");

    assertThat(browser.text("#customers\\:table")).containsPattern("1–25 of \\d{3}");
    assertThat(browser.text("#customers\\:table_data")).containsPattern("[€$£]");
  }

  @Test
  void searchingNarrowsTheCustomerList() {
    browser.go("/customers/");
    browser.typeAndAwait("customers:search", "Copper Foods", "#customers\\:table", "1–1 of 1");

    assertThat(browser.text("#customers\\:table_data")).contains("Copper Foods Ltd");
  }

  @Test
  void customerPageShowsAgingAndOpenInvoices() {
    browser.go("/customers/view.xhtml?number=8102-ABPKQ");
    browser.screenshot("customer-view");

    assertThat(browser.title()).startsWith("Copper Foods Ltd");
    assertThat(browser.text("#aging")).contains("Over 90 days", "£");
    assertThat(browser.text("#open-items")).containsPattern("\\d+");
    assertThat(browser.text("#payments")).contains("Remittance", "transfer");
  }

  @Test
  void invoiceListOpensAnInvoiceWithWhatWasApplied() {
    browser.go("/invoices/");
    browser.screenshot("invoices-list");
    assertThat(browser.text("#invoices\\:table")).contains("Open");

    browser.go("/invoices/view.xhtml?number=INV-611365");
    browser.screenshot("invoice-view");
    assertThat(browser.text("#status")).isEqualTo("Paid");
    assertThat(browser.text("#applied")).contains("Payment");
  }

  @Test
  void searchingTheInvoiceListByPartOfACustomersNameShowsTheirInvoicesOnly() {
    browser.go("/invoices/");
    // Before the search the first page is 25 of the book's open invoices; after it, all of the
    // customer's on one page: "1–k of k".
    browser.typeAndAwaitMatch(
        "invoices:search", "copper foo", "#invoices\\:table", "1–(\\d+) of \\1(?!\\d)");
    browser.screenshot("invoices-searched");

    String report = browser.text("#invoices\\:table .ui-paginator-current");
    int shown = Integer.parseInt(report.replaceAll("^1–(\\d+) of .*$", "$1"));
    String rows = browser.text("#invoices\\:table_data");
    assertThat(shown).isPositive();
    assertThat(rows.split("Copper Foods Ltd", -1)).hasSize(shown + 1);
  }

  @Test
  void theLastPageOfASearchCountedToItsLimitShowsOnlyTheRowsItsReportNames() {
    browser.go("/invoices/");
    browser.choose("invoices:show", "ALL");
    browser.typeAndAwait("invoices:search", "a", "#invoices\\:table", "1–25 of more than 100");
    assertThat(browser.count("#invoices\\:table_data > tr")).isEqualTo(25);

    browser.pressCss("#invoices\\:table .ui-paginator-last");
    browser.screenshot("invoices-searched-last-page");

    assertThat(browser.text("#invoices\\:table .ui-paginator-current"))
        .isEqualTo("101–101 of more than 100");
    assertThat(browser.count("#invoices\\:table_data > tr")).isEqualTo(1);
  }

  @Test
  void anUnknownInvoiceIsNotFound() {
    browser.go("/invoices/view.xhtml?number=NO-SUCH-INVOICE");

    assertThat(browser.title()).startsWith("Page not found");
  }
}
