package app.courtesy.arrangement;

/** What an arrangement offers the customer. */
public enum ArrangementKind {
  /** The covered amount in instalments on agreed dates. */
  INSTALMENTS("Instalment plan"),
  /** A new due date for the covered invoices. */
  EXTENSION("Extension"),
  /** A percentage off if everything covered is paid by a date. */
  DISCOUNT("Early-payment discount");

  private final String label;

  ArrangementKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
