package app.courtesy.reply;

import app.courtesy.shared.BusinessException;

/** A reply cannot be handled as asked: it is not waiting, or the customer is unknown. */
public class ReplyRefusedException extends BusinessException {

  public ReplyRefusedException(String message) {
    super(message);
  }
}
