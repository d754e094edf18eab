package app.courtesy.collection;

/** Why a customer objects to an invoice. */
public enum DisputeReason {
  PRICING("Pricing"),
  GOODS_SERVICE("Goods or service"),
  NOT_RECEIVED("Not received"),
  ALREADY_PAID("Already paid"),
  OTHER("Other");

  private final String label;

  DisputeReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
