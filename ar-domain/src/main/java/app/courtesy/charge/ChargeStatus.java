package app.courtesy.charge;

/** Where a charge document stands. */
public enum ChargeStatus {
  /** Something of it is still open (or, for a credit, still to apply). */
  OPEN,
  /** Paid in full (or, for a credit, applied in full). */
  SETTLED,
  /** Waived: nothing more is asked for it; it stays on the record. */
  WAIVED
}
