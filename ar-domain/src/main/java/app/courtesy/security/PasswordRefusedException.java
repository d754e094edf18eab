package app.courtesy.security;

import app.courtesy.shared.BusinessException;

/** A password change was refused: the current password is wrong, or the new one is not allowed. */
public class PasswordRefusedException extends BusinessException {

  private final String field;

  PasswordRefusedException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The field to correct: {@code currentPassword} or {@code newPassword}. */
  public String field() {
    return field;
  }
}
