package app.courtesy.invoice;

import app.courtesy.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * What is open across the book as of a date: overdue and soon-due totals (one amount per currency,
 * never summed across currencies) and the customers with the largest overdue balances.
 */
public record ReceivablesSnapshot(
    LocalDate asOf,
    long overdueInvoices,
    List<Money> overdue,
    long dueSoonInvoices,
    List<Money> dueSoon,
    List<CustomerExposure> mostOverdue) {

  /** One customer's overdue balance in one currency, and how late its oldest open invoice is. */
  public record CustomerExposure(
      String customerNumber, String customerName, Money overdue, long oldestDaysLate) {}
}
