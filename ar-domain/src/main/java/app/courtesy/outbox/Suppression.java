package app.courtesy.outbox;

/** Why a customer or an invoice was not reminded, in words a collector reads on the case. */
public enum Suppression {
  PAID("paid in full before sending"),
  CANCELLED("invoice cancelled before sending"),
  WRITTEN_OFF("invoice written off before sending"),
  CREDITED("credited in full before sending"),
  BELOW_MINIMUM("open amount below the policy's minimum"),
  BELOW_STEP_MINIMUM("open amount below this step's minimum"),
  DISPUTED("invoice disputed"),
  STOPPED("chasing stopped for this invoice"),
  PROMISE("open promise to pay"),
  ARRANGEMENT("on an active payment arrangement"),
  REPORTED_PAID("payment reported by the customer"),
  PAUSED("reminders paused for this customer"),
  REPLY_WAITING("the customer replied and awaits our answer"),
  HARDSHIP("customer in hardship"),
  OPTED_OUT("every contact opted out of this channel"),
  NO_ADDRESS("no contact with an address for this channel"),
  FREQUENCY_CAP("contacted on this channel recently (frequency cap)"),
  ORG_PAUSE("reminders paused for everyone");

  private final String description;

  Suppression(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
