package app.courtesy.arrangement;

/**
 * Where an arrangement stands: pending until an approver decides it (or its proposer withdraws it);
 * once approved, active until it completes (everything paid), defaults (an instalment missed beyond
 * both graces), ends (an extension's new date passed) or lapses (a discount not paid in time).
 */
public enum ArrangementStatus {
  PENDING("Awaiting approval"),
  REJECTED("Rejected"),
  WITHDRAWN("Withdrawn"),
  ACTIVE("Active"),
  COMPLETED("Completed"),
  DEFAULTED("Defaulted"),
  ENDED("Ended"),
  LAPSED("Lapsed");

  private final String label;

  ArrangementStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Pending or active: it holds its invoices, and the customer can have only one. */
  public boolean isLive() {
    return this == PENDING || this == ACTIVE;
  }
}
