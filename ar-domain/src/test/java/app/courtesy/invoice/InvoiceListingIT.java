package app.courtesy.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.InvoiceListing.Counted;
import app.courtesy.invoice.InvoiceListing.Filter;
import app.courtesy.invoice.InvoiceListing.Row;
import app.courtesy.invoice.InvoiceListing.Search;
import app.courtesy.invoice.InvoiceListing.Show;
import app.courtesy.invoice.InvoiceListing.Sort;
import app.courtesy.shared.CountLimit;
import app.courtesy.testing.TestLedger;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The invoice list's search: any part of the invoice number, customer number or name. */
@ExtendWith(ArquillianExtension.class)
class InvoiceListingIT {

  private static final LocalDate DUE = LocalDate.of(2031, 5, 1);

  @Inject private InvoiceListing listing;
  @Inject private TestLedger ledger;

  @Test
  void findsACustomersInvoicesByPartOfItsNameInAnyCase() {
    String word = "Quill" + UUID.randomUUID().toString().substring(0, 8);
    Customer customer = ledger.customer(word + " Paper Works", "CHF");
    Invoice first = ledger.invoice(customer, DUE, "120.00");
    Invoice second = ledger.invoice(customer, DUE.plusDays(10), "80.00");
    ledger.invoice(ledger.customer("Someone Else AG", "CHF"), DUE, "50.00");

    List<Row> rows = search(word.toUpperCase() + " paper");

    assertThat(rows).extracting(Row::number).containsExactly(first.getNumber(), second.getNumber());
    assertThat(rows).extracting(Row::customerName).containsOnly(word + " Paper Works");
    assertThat(listing.count(filter(word))).isEqualTo(2);
  }

  @Test
  void findsAnInvoiceByPartOfItsNumberAndACustomerByPartOfItsNumber() {
    Customer customer = ledger.customer("Lausanne Lanterns SA", "CHF");
    Invoice wanted = ledger.invoice(customer, DUE, "300.00");
    Invoice other = ledger.invoice(customer, DUE, "40.00");
    String middle = wanted.getNumber().substring(2, wanted.getNumber().length() - 2);

    assertThat(search(middle.toLowerCase()))
        .extracting(Row::number)
        .containsExactly(wanted.getNumber());
    assertThat(search(customer.getNumber().substring(1)))
        .extracting(Row::number)
        .containsExactlyInAnyOrder(wanted.getNumber(), other.getNumber());
  }

  @Test
  void findsTheInvoicesOfEveryCustomerAWordMatchesInTheListsOrder() {
    String word = "Heron" + UUID.randomUUID().toString().substring(0, 8);
    Invoice late =
        ledger.invoice(ledger.customer(word + " Mills AG", "CHF"), DUE.plusDays(2), "10.00");
    Invoice early = ledger.invoice(ledger.customer("Grey " + word, "CHF"), DUE, "20.00");
    Invoice middle =
        ledger.invoice(ledger.customer("Blue " + word + " Sàrl", "CHF"), DUE.plusDays(1), "30.00");

    assertThat(search(word.toLowerCase()))
        .extracting(Row::number)
        .containsExactly(early.getNumber(), middle.getNumber(), late.getNumber());
    assertThat(listing.count(filter(word))).isEqualTo(3);
  }

  @Test
  void countsWhatASearchMatchesUpToAHundredThenSaysMoreThanThat() {
    String word = "Plover" + UUID.randomUUID().toString().substring(0, 8);
    Customer customer = ledger.customer(word + " Trading GmbH", "CHF");
    Invoice first = ledger.invoice(customer, DUE.minusDays(1), "5.00");
    for (int i = 0; i <= CountLimit.SEARCH_LIMIT; i++) {
      ledger.invoice(customer, DUE, "5.00");
    }

    assertThat(listing.count(filter(word))).isEqualTo(CountLimit.SEARCH_LIMIT + 1);
    assertThat(InvoiceListing.countLimit(filter(word))).isEqualTo(CountLimit.SEARCH_LIMIT);
    assertThat(InvoiceListing.countLimit(filter(" "))).isEqualTo(CountLimit.LIMIT);
    assertThat(search(word))
        .hasSize(25)
        .first()
        .extracting(Row::number)
        .isEqualTo(first.getNumber());
  }

  @Test
  void pagesASearchInTheSameOrderWhetherItsCountReadThePageOrNot() {
    String word = "Avocet" + UUID.randomUUID().toString().substring(0, 8);
    Customer customer = ledger.customer(word + " Instruments AG", "CHF");
    List<Invoice> issued = new ArrayList<>();
    for (int i = 0; i < CountLimit.SEARCH_LIMIT + 3; i++) {
      issued.add(ledger.invoice(customer, DUE.plusDays(i % 7), "9.00"));
    }
    List<String> byDueDate =
        issued.stream()
            .sorted(Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getId))
            .map(Invoice::getNumber)
            .toList();

    Counted counted = listing.counted(listing.search(filter(word)));

    assertThat(counted.count()).isEqualTo(CountLimit.SEARCH_LIMIT + 1);
    for (int first : new int[] {0, 25, 75, 100}) {
      assertThat(listing.page(counted.search(), Sort.DUE_DATE, true, first, 25))
          .as("page from %d", first)
          .extracting(Row::number)
          .containsExactlyElementsOf(
              byDueDate.subList(first, Math.min(first + 25, byDueDate.size())));
    }
    assertThat(listing.page(counted.search(), Sort.DUE_DATE, false, 0, 2))
        .extracting(Row::number)
        .containsExactlyElementsOf(
            issued.stream()
                .sorted(
                    Comparator.comparing(Invoice::getDueDate)
                        .reversed()
                        .thenComparing(Invoice::getId))
                .map(Invoice::getNumber)
                .limit(2)
                .toList());
  }

  @Test
  void pagesASearchSortedByCustomerNameEitherWay() {
    String word = "Wren" + UUID.randomUUID().toString().substring(0, 8);
    Customer alder = ledger.customer("Alder " + word, "CHF");
    Customer birch = ledger.customer("Birch " + word, "CHF");
    Customer cedar = ledger.customer("Cedar " + word, "CHF");
    Invoice a = ledger.invoice(alder, DUE, "1.00");
    Invoice b1 = ledger.invoice(birch, DUE, "2.00");
    Invoice b2 = ledger.invoice(birch, DUE, "3.00");
    Invoice c = ledger.invoice(cedar, DUE, "4.00");

    assertThat(listing.page(filter(word), Sort.CUSTOMER, true, 1, 2))
        .extracting(Row::number)
        .containsExactly(b1.getNumber(), b2.getNumber());
    assertThat(listing.page(filter(word), Sort.CUSTOMER, false, 0, 3))
        .extracting(Row::number)
        .containsExactly(c.getNumber(), b1.getNumber(), b2.getNumber());
    assertThat(listing.page(filter(word), Sort.CUSTOMER, false, 3, 25))
        .extracting(Row::number)
        .containsExactly(a.getNumber());
  }

  @Test
  void findsTheInvoicesOfMoreCustomersThanTheDatabaseWeighsOneByOne() {
    // Above a thousand matching customers, PostgreSQL looks their ids up in a hash instead.
    String word = "Gannet" + UUID.randomUUID().toString().substring(0, 8);
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 1_001; i++) {
      customers.add(ledger.customer(word + " Branch " + i, "CHF"));
    }
    Invoice second = ledger.invoice(customers.get(1_000), DUE.plusDays(1), "6.00");
    Invoice first = ledger.invoice(customers.get(0), DUE, "7.00");

    Search search = listing.search(filter(word.toUpperCase()));
    assertThat(search.customerIds()).hasSize(1_001);
    assertThat(listing.page(search, Sort.DUE_DATE, true, 0, 25))
        .extracting(Row::number)
        .containsExactly(first.getNumber(), second.getNumber());
    assertThat(listing.count(search)).isEqualTo(2);
  }

  private List<Row> search(String text) {
    return listing.page(filter(text), Sort.DUE_DATE, true, 0, 25);
  }

  private static Filter filter(String text) {
    return new Filter(text, null, Show.ALL);
  }
}
