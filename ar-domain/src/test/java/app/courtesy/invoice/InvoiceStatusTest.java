package app.courtesy.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.shared.Money;
import org.junit.jupiter.api.Test;

class InvoiceStatusTest {

  private static final Money AMOUNT = Money.of("100.00", "EUR");

  @Test
  void followsWhatIsStillOpen() {
    assertThat(status(InvoiceState.ISSUED, false, "100.00")).isEqualTo(InvoiceStatus.OPEN);
    assertThat(status(InvoiceState.ISSUED, false, "0.01")).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    assertThat(status(InvoiceState.ISSUED, false, "0")).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void aDisputeShowsWhileSomethingIsOpen() {
    assertThat(status(InvoiceState.ISSUED, true, "40.00")).isEqualTo(InvoiceStatus.DISPUTED);
    assertThat(status(InvoiceState.ISSUED, true, "0")).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void decisionsWin() {
    assertThat(status(InvoiceState.WRITTEN_OFF, false, "100.00"))
        .isEqualTo(InvoiceStatus.WRITTEN_OFF);
    assertThat(status(InvoiceState.CANCELLED, true, "100.00")).isEqualTo(InvoiceStatus.CANCELLED);
  }

  private static InvoiceStatus status(InvoiceState state, boolean disputed, String open) {
    return InvoiceStatus.of(state, disputed, AMOUNT, Money.of(open, "EUR"));
  }
}
