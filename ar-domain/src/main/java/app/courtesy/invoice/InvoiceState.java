package app.courtesy.invoice;

/**
 * What was decided about an invoice. Whether an issued invoice is open, partly paid or paid is not
 * stored: it follows from its allocations ({@link InvoiceStatus}).
 */
public enum InvoiceState {
  ISSUED,
  WRITTEN_OFF,
  CANCELLED
}
