package app.courtesy.reversal;

/** Why a receipt was taken back. The first four are a payment's; a credit note is cancelled. */
public enum ReversalKind {
  BOUNCED("bounced transfer"),
  CHARGEBACK("chargeback"),
  REFUND("refund"),
  MISTAKEN_ENTRY("mistaken entry"),
  CANCELLED("cancelled");

  private final String label;

  ReversalKind(String label) {
    this.label = label;
  }

  /** "chargeback", "bounced transfer": for the log and the pages. */
  public String label() {
    return label;
  }

  /** Whether a payment can be reversed for this reason. */
  public boolean forPayments() {
    return this != CANCELLED;
  }
}
