package app.courtesy.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

  private static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);

  @Test
  void paysTheOldestDueInvoiceFirst() {
    OpenItem newer = item(1, "INV-2", JAN_10.plusDays(30), "100.00", "EUR");
    OpenItem older = item(2, "INV-1", JAN_10, "60.00", "EUR");

    Allocation allocation =
        Allocation.oldestDueFirst(Money.of("80.00", "EUR"), List.of(newer, older));

    assertThat(allocation.parts())
        .extracting(p -> p.item().invoiceNumber(), p -> p.amount())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("INV-1", Money.of("60.00", "EUR")),
            org.assertj.core.groups.Tuple.tuple("INV-2", Money.of("20.00", "EUR")));
    assertThat(allocation.unapplied()).isEqualTo(Money.of("0", "EUR"));
  }

  @Test
  void sameDueDateGoesByInvoiceNumber() {
    OpenItem b = item(1, "B-7", JAN_10, "10.00", "USD");
    OpenItem a = item(2, "A-9", JAN_10, "10.00", "USD");

    Allocation allocation = Allocation.oldestDueFirst(Money.of("15.00", "USD"), List.of(b, a));

    assertThat(allocation.parts())
        .extracting(p -> p.item().invoiceNumber())
        .containsExactly("A-9", "B-7");
    assertThat(allocation.parts().get(1).amount()).isEqualTo(Money.of("5.00", "USD"));
  }

  @Test
  void anOverpaymentStaysAsUnappliedCredit() {
    Allocation allocation =
        Allocation.oldestDueFirst(
            Money.of("500.00", "GBP"), List.of(item(1, "G-1", JAN_10, "120.50", "GBP")));

    assertThat(allocation.parts()).hasSize(1);
    assertThat(allocation.unapplied()).isEqualTo(Money.of("379.50", "GBP"));
  }

  @Test
  void ignoresInvoicesInOtherCurrenciesAndThoseAlreadyPaid() {
    Allocation allocation =
        Allocation.oldestDueFirst(
            Money.of("1000", "JPY"),
            List.of(
                item(1, "E-1", JAN_10, "50.00", "EUR"),
                item(2, "J-0", JAN_10.minusDays(9), "0", "JPY"),
                item(3, "J-1", JAN_10, "400", "JPY")));

    assertThat(allocation.parts()).extracting(p -> p.item().invoiceNumber()).containsExactly("J-1");
    assertThat(allocation.unapplied()).isEqualTo(Money.of("600", "JPY"));
  }

  @Test
  void withNothingOpenEverythingIsUnapplied() {
    Allocation allocation = Allocation.oldestDueFirst(Money.of("12.34", "EUR"), List.of());

    assertThat(allocation.parts()).isEmpty();
    assertThat(allocation.unapplied()).isEqualTo(Money.of("12.34", "EUR"));
  }

  private static OpenItem item(
      long id, String number, LocalDate due, String open, String currency) {
    return new OpenItem(id, number, due, Money.of(open, currency));
  }
}
