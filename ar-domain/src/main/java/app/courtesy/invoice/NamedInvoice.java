package app.courtesy.invoice;

import app.courtesy.shared.SqlValues;
import java.time.LocalDate;
import java.util.Currency;

/**
 * An invoice a payment or credit note names, as its allocation is planned: read as plain values
 * ({@link InvoiceRepository#namedByNumber}), so a batch that names a hundred thousand invoices
 * loads none of them.
 */
record NamedInvoice(
    long id,
    String number,
    long customerId,
    Currency currency,
    LocalDate dueDate,
    InvoiceState state) {

  /** The columns {@link #of} reads, after the key (the number). */
  static final String COLUMNS = "id, customer_id, currency, due_date, state";

  /** The invoice of a row of {@link #COLUMNS}, which starts at {@code row[1]}. */
  static NamedInvoice of(Object[] row) {
    return new NamedInvoice(
        ((Number) row[1]).longValue(),
        (String) row[0],
        ((Number) row[2]).longValue(),
        Currency.getInstance((String) row[3]),
        SqlValues.date(row[4]),
        InvoiceState.valueOf((String) row[5]));
  }
}
