package app.courtesy.webhook;

import app.courtesy.shared.BusinessException;

/** A delivery cannot be sent again as it stands: it is not given up. Nothing was written. */
public class DeliveryRefusedException extends BusinessException {

  public DeliveryRefusedException(String message) {
    super(message);
  }
}
