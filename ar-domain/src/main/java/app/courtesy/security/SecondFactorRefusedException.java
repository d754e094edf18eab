package app.courtesy.security;

import app.courtesy.shared.BusinessException;

/** Two-step sign-in could not be set up or turned off as asked; the message says why. */
public class SecondFactorRefusedException extends BusinessException {

  SecondFactorRefusedException(String message) {
    super(message);
  }
}
