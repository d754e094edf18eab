package app.courtesy.dispatch;

import app.courtesy.shared.BusinessException;
import jakarta.ejb.ApplicationException;

/** The bounce mailbox cannot be reached or read now; the next read tries again. */
@ApplicationException
public class MailboxUnavailableException extends BusinessException {

  public MailboxUnavailableException(String message) {
    super(message);
  }
}
