package app.courtesy.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.customer.Customer;
import app.courtesy.testing.TestLedger;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Locale;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What is applied to an invoice is kept by the database from the allocations themselves, whoever
 * writes them, and can never exceed the invoice.
 */
@ExtendWith(ArquillianExtension.class)
class AllocatedTotalIT {

  private static final LocalDate DUE = LocalDate.of(2031, 1, 31);

  @Inject private TestLedger ledger;

  @Test
  void followsEveryAllocationWrittenOrRemoved() {
    Customer customer = ledger.customer("Lausanne Looms SA", "CHF");
    Invoice invoice = ledger.invoice(customer, DUE, "500.00");

    ledger.pay(invoice, "200.00", DUE);
    ledger.pay(invoice, "120.50", DUE.plusDays(3));

    assertThat(ledger.allocated(invoice)).isEqualByComparingTo("320.50");

    ledger.removePaymentAllocations(invoice);

    assertThat(ledger.allocated(invoice)).isEqualByComparingTo("0");
  }

  @Test
  void theDatabaseRefusesToApplyMoreThanTheInvoice() {
    Customer customer = ledger.customer("Sion Saddlery Sàrl", "CHF");
    Invoice invoice = ledger.invoice(customer, DUE, "100.00");
    ledger.pay(invoice, "100.00", DUE);

    assertThatThrownBy(() -> ledger.pay(invoice, "0.01", DUE.plusDays(1)))
        .satisfies(
            refused ->
                assertThat(stackTrace(refused).toLowerCase(Locale.ROOT))
                    .contains("invoice_allocated_ck"));
    assertThat(ledger.allocated(invoice)).isEqualByComparingTo("100.00");
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
