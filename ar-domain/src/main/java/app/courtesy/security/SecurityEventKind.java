package app.courtesy.security;

/** What a {@link SecurityEvent} records, with the words the administrators' page uses. */
public enum SecurityEventKind {
  SIGN_IN("Signed in"),
  SIGN_IN_FAILED("Sign-in failed"),
  ACCOUNT_LOCKED("Account locked"),
  LOCK_LIFTED("Lock lifted"),
  ADDRESS_THROTTLED("Address throttled"),
  SIGNED_OUT("Signed out"),
  ACCOUNT_CREATED("Account created"),
  PASSWORD_CHANGED("Password changed"),
  SECOND_FACTOR_ENABLED("Two-step sign-in turned on"),
  SECOND_FACTOR_DISABLED("Two-step sign-in turned off"),
  SECOND_FACTOR_FAILED("One-time code refused"),
  RECOVERY_CODE_USED("Recovery code used"),
  REAUTHENTICATED("Identity confirmed again"),
  ARRANGEMENT_APPROVED("Arrangement approved"),
  ARRANGEMENT_REJECTED("Arrangement rejected"),
  APPROVAL_LIMIT_CHANGED("Approval limit changed"),
  ARRANGEMENT_LIMITS_CHANGED("Arrangement limits changed"),
  COURTESY_CHECK_OVERRIDDEN("Courtesy check overridden");

  private final String label;

  SecurityEventKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
