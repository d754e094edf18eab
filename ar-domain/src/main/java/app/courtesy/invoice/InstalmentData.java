package app.courtesy.invoice;

import app.courtesy.shared.validation.PlausibleDate;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One instalment of an invoice's payment terms as the ERP sends it: when, as a date or as days
 * after the invoice's issue date, and how much, as an amount or as a percentage of the invoice.
 * Give one of each pair; {@code {"days": 5, "percent": 50}} and {@code {"dueDate": "2026-05-15",
 * "amount": "500.00"}} both say it.
 */
public record InstalmentData(
    @PlausibleDate LocalDate dueDate,
    @Min(0) @Max(3650) Integer days,
    @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @Positive @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal percent) {

  /** An instalment due on a date, for an amount. */
  public static InstalmentData on(LocalDate dueDate, String amount) {
    return new InstalmentData(dueDate, null, new BigDecimal(amount), null);
  }

  /** An instalment due {@code days} after the issue date, for {@code percent} of the invoice. */
  public static InstalmentData terms(int days, String percent) {
    return new InstalmentData(null, days, null, new BigDecimal(percent));
  }
}
