package app.courtesy.security;

import app.courtesy.shared.BusinessException;

/** An account with this username exists already. */
public class UsernameTakenException extends BusinessException {

  public UsernameTakenException(String username) {
    super("The username " + username + " is already taken");
  }
}
