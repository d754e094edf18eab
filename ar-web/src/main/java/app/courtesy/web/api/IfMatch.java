package app.courtesy.web.api;

import jakarta.ws.rs.BadRequestException;

/** The version a caller read, sent back in {@code If-Match} with a change, as a number. */
final class IfMatch {

  private IfMatch() {}

  /**
   * @param what what was read, e.g. "case"
   * @param readAt where it was read, e.g. "GET /cases/{id}"
   * @throws BadRequestException when the header is missing or not a number
   */
  static long version(String ifMatch, String what, String readAt) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new BadRequestException(
          "Send the " + what + "'s version as read (" + readAt + ") in the If-Match header.");
    }
    try {
      return Long.parseLong(ifMatch.replace("\"", "").strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "If-Match: the " + what + "'s version, a number such as \"3\".");
    }
  }
}
