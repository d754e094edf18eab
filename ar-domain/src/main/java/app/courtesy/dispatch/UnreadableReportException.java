package app.courtesy.dispatch;

import app.courtesy.shared.BusinessException;
import jakarta.ejb.ApplicationException;

/** An email handed in as a bounce is not a delivery status notification Courtesy can read. */
@ApplicationException
public class UnreadableReportException extends BusinessException {

  public UnreadableReportException(String message) {
    super(message);
  }
}
