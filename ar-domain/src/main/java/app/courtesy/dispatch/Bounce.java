package app.courtesy.dispatch;

/**
 * What a delivery status notification (RFC 3464) says of one email: the mail system gave up
 * delivering it to {@code address}.
 *
 * @param messageId the Message-ID of the email that came back
 * @param address the recipient the mail system gave up on
 * @param status the status code (RFC 3463), e.g. {@code 5.1.1}: 5 is for good, 4 is for now
 * @param diagnostic what the receiving server answered, when the report says; otherwise empty
 */
public record Bounce(String messageId, String address, String status, String diagnostic) {

  /** The address does not take email at all (unknown, disabled), rather than not now (full). */
  public boolean permanent() {
    return status.startsWith("5");
  }

  /** The status with the server's answer, as the contact and the log show it. */
  public String reason() {
    return diagnostic.isEmpty() ? status : status + " " + diagnostic;
  }
}
