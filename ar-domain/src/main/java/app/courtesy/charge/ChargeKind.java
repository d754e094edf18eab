package app.courtesy.charge;

/** What a line of a charge document charges. */
public enum ChargeKind {
  /** A fee for a reminder step, per reminder (customer, currency, business date). */
  FEE("Reminder fee"),
  /** Interest on an invoice for days late, on what was open. */
  INTEREST("Interest"),
  /**
   * A correction of interest charged before: a payment or credit recorded after its own date had
   * stopped interest on days already charged (negative), or money taken back (positive).
   */
  CORRECTION("Interest correction"),
  /** The law's fixed compensation for recovery costs, once per invoice. */
  COMPENSATION("Fixed compensation");

  private final String label;

  ChargeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
