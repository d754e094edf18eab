package app.courtesy.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the ERP can subscribe to: each a change it cannot see in its own books. Its {@link #id()}
 * ({@code promise.kept}) is what the API, the {@code Courtesy-Event-Type} header and the body's
 * {@code type} name it by; {@link #example()} is the {@code data} of such an event.
 */
public enum EventType {
  PAYMENT_REPORTED(
      "payment.reported",
      "The customer reported on their page that they paid; reminders for the invoices wait for the"
          + " payment.",
      """
      {"customerNumber":"C-1001","invoices":["INV-2041"],"amount":{"amount":"1200.00","currency":"EUR"},\
      "paidOn":"2026-11-28","reference":"TRX 4471","remindersWaitUntil":"2026-12-07"}"""),
  DISPUTE_OPENED(
      "dispute.opened",
      "A collector or the customer disputed an invoice; it is not chased until the dispute is"
          + " resolved. One event per invoice.",
      """
      {"customerNumber":"C-1001","disputeId":351,"invoiceNumber":"INV-2041","reason":"PRICING",\
      "note":"Not the price quoted in March.","source":"COLLECTOR","openedBy":"collector"}"""),
  DISPUTE_RESOLVED(
      "dispute.resolved",
      "A person resolved a dispute: UPHELD (what was open is credited) or REJECTED (chased again).",
      """
      {"customerNumber":"C-1001","disputeId":351,"invoiceNumber":"INV-2041","resolution":"UPHELD",\
      "note":"Price confirmed by sales.","resolvedBy":"collector"}"""),
  PROMISE_RECORDED(
      "promise.recorded",
      "A promise to pay was recorded, by a collector or by the customer on their page.",
      """
      {"customerNumber":"C-1001","promiseId":151,"amount":{"amount":"500.00","currency":"EUR"},\
      "promisedOn":"2026-12-10","invoices":["INV-2041"],"recordedBy":"collector"}"""),
  PROMISE_KEPT(
      "promise.kept",
      "The payments that arrived cover a promise to pay.",
      """
      {"customerNumber":"C-1001","promiseId":151,"amount":{"amount":"500.00","currency":"EUR"},\
      "promisedOn":"2026-12-10","decidedOn":"2026-12-09"}"""),
  PROMISE_BROKEN(
      "promise.broken",
      "A promise to pay was not kept: its money had not arrived by its date plus grace, or a"
          + " payment that kept it was reversed. Reminders resume.",
      """
      {"customerNumber":"C-1001","promiseId":151,"amount":{"amount":"500.00","currency":"EUR"},\
      "promisedOn":"2026-12-10","decidedOn":"2026-12-14"}"""),
  ARRANGEMENT_APPROVED(
      "arrangement.approved",
      "An approver approved a payment arrangement (instalment plan, extension or early-payment"
          + " discount); its invoices follow it instead of their due dates.",
      """
      {"customerNumber":"C-1001","arrangementId":201,"kind":"INSTALMENTS",\
      "covered":{"amount":"3600.00","currency":"EUR"},"approvedBy":"approver"}"""),
  ARRANGEMENT_DEFAULTED(
      "arrangement.defaulted",
      "An instalment plan defaulted: an instalment stayed missing after the customer's note and"
          + " its grace. Reminders resume.",
      """
      {"customerNumber":"C-1001","arrangementId":201,"kind":"INSTALMENTS",\
      "covered":{"amount":"3600.00","currency":"EUR"},"defaultedOn":"2027-02-20"}"""),
  CHARGE_RAISED(
      "charge.raised",
      "A late-payment charge document was raised (reminder fees, interest, fixed compensation);"
          + " credit is true for a document that corrects interest charged before.",
      """
      {"customerNumber":"C-1001","documentNumber":"CH-2026-000042","total":{"amount":"40.00","currency":"EUR"},\
      "businessDate":"2026-12-03","credit":false}"""),
  CHARGE_WAIVED(
      "charge.waived",
      "What was open on a charge document was waived by an approver.",
      """
      {"customerNumber":"C-1001","documentNumber":"CH-2026-000042","waived":{"amount":"40.00","currency":"EUR"},\
      "waivedBy":"approver","reason":"Goodwill after the delivery delay."}"""),
  CONTACT_OPTED_OUT(
      "contact.opted_out",
      "A contact asked for no more reminders on a channel (EMAIL or SMS): on their page, by the"
          + " one-click link or by answering STOP.",
      """
      {"customerNumber":"C-1001","contactExternalId":"CT-88","contactName":"Iris Penrose","channel":"EMAIL"}""");

  private final String id;
  private final String description;
  private final String example;

  EventType(String id, String description, String example) {
    this.id = id;
    this.description = description;
    this.example = example;
  }

  /** The event type by its name, {@code promise.kept}. */
  public static Optional<EventType> findById(String id) {
    return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The {@code data} of an event of this type, as JSON. */
  public String example() {
    return example;
  }
}
