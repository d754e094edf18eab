package app.courtesy.collection;

/**
 * Who opened a dispute. A collector's or the customer's dispute is decided by a person; one the ERP
 * opened (by sending the invoice as disputed) is also cleared by the ERP, when it sends the invoice
 * as not disputed.
 */
public enum DisputeSource {
  /** Recorded on the case by a collector, approver or administrator. */
  COLLECTOR("a collector"),
  /** Opened by the invoice feed (REST upsert or CSV import) sending the invoice as disputed. */
  ERP("the ERP"),
  /** Opened by the customer on their own page; decided by a person like a collector's. */
  CUSTOMER("the customer");

  private final String label;

  DisputeSource(String label) {
    this.label = label;
  }

  /** "a collector", "the ERP": for sentences. */
  public String label() {
    return label;
  }
}
