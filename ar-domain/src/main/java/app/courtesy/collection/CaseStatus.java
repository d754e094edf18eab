package app.courtesy.collection;

/**
 * Where a case stands, derived by the review from its data in this order: a customer in hardship,
 * chasing paused, an active payment arrangement, a promise pending, a promise broken or an
 * arrangement defaulted and not yet followed up, everything overdue disputed, otherwise open.
 */
public enum CaseStatus {
  OPEN("Open"),
  PROMISED("Promise pending"),
  PROMISE_BROKEN("Promise broken"),
  DISPUTED("Disputed"),
  PAUSED("Paused"),
  HARDSHIP("Hardship"),
  ARRANGED("On an arrangement"),
  PLAN_DEFAULTED("Arrangement defaulted"),
  CLOSED("Closed");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
