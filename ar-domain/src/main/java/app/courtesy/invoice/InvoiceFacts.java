package app.courtesy.invoice;

import app.courtesy.shared.SqlValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an invoice holds of the ERP's data, and how the ERP's next word about it compares: the one
 * comparison, which {@link Invoice} makes through it and {@link InvoiceService} makes on these
 * columns read as plain values ({@link InvoiceRepository#factsByExternalId}), so that a batch the
 * ERP sends again unchanged loads no invoice.
 *
 * @param allocated what payments and credits applied to it, as read
 * @param scheduled whether it is paid in instalments (their dates and amounts only the entity has)
 */
record InvoiceFacts(
    String number,
    long customerId,
    LocalDate issueDate,
    LocalDate dueDate,
    String currency,
    BigDecimal amount,
    BigDecimal allocated,
    String reference,
    InvoiceState state,
    Boolean feedDisputed,
    Delivery delivery,
    boolean scheduled) {

  /** The columns {@link #of} reads, after the key. */
  static final String COLUMNS =
      "number, customer_id, issue_date, due_date, currency, amount, allocated, reference, state,"
          + " feed_disputed, delivery, scheduled";

  /** The facts of a row of {@link #COLUMNS}, which starts at {@code row[1]}. */
  static InvoiceFacts of(Object[] row) {
    return new InvoiceFacts(
        (String) row[1],
        ((Number) row[2]).longValue(),
        SqlValues.date(row[3]),
        SqlValues.date(row[4]),
        (String) row[5],
        (BigDecimal) row[6],
        (BigDecimal) row[7],
        (String) row[8],
        InvoiceState.valueOf((String) row[9]),
        (Boolean) row[10],
        row[11] == null ? null : Delivery.valueOf((String) row[11]),
        (Boolean) row[12]);
  }

  /** Whether payments or credit notes had been applied to it when it was read. */
  boolean hasAllocations() {
    return allocated != null && allocated.signum() > 0;
  }

  /**
   * Whether the data changes what allocations depend on: customer, currency or amount (data without
   * an amount, not yet checked, changes it).
   */
  boolean changesMoney(InvoiceData data, long customerId) {
    return this.customerId != customerId
        || !currency.equals(data.currency())
        || data.amount() == null
        || amount.compareTo(data.amount()) != 0;
  }

  /**
   * Whether the data says what the invoice holds, leaving its schedule aside: data with a schedule
   * is compared with the instalments too ({@link Invoice#revise}). Data not yet checked compares
   * too: any field it lacks differs.
   */
  boolean matches(InvoiceData data, long customerId) {
    return number.equals(data.number())
        && !changesMoney(data, customerId)
        && issueDate.equals(data.issueDate())
        && dueDate.equals(data.dueDate())
        && Objects.equals(reference, data.reference())
        && state == data.stateOrIssued()
        && (data.disputed() == null || data.disputed().equals(feedDisputed))
        && delivery == data.delivery();
  }

  /** Whether the data changes its due date or amount while leaving its schedule as it is. */
  boolean outgrowsSchedule(InvoiceData data) {
    return scheduled
        && data.schedule() == null
        && (!dueDate.equals(data.dueDate()) || amount.compareTo(data.amount()) != 0);
  }
}
