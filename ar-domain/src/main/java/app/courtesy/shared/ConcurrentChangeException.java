package app.courtesy.shared;

import java.time.OffsetDateTime;

/**
 * Someone else saved the same thing since it was read. Nothing was written; the message says who
 * and when, so the person can reload, compare and save again.
 */
public class ConcurrentChangeException extends BusinessException {

  public ConcurrentChangeException(String what, String by, OffsetDateTime at) {
    super(
        what
            + " was changed by "
            + (by == null ? "someone else" : by)
            + (at == null ? "" : " at " + at.toLocalTime().withNano(0))
            + " while you were editing. Nothing of yours was saved; reload to see the change, then"
            + " edit again.");
  }
}
