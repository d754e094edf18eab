package app.courtesy.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user may do. The lower-case {@link #id()} is the group name the identity store returns and
 * the role name every page, endpoint and service checks on the server.
 */
public enum Role {
  /**
   * Works collection cases: calls, writes, records promises and disputes, proposes arrangements.
   */
  COLLECTOR,
  /** Decides payment arrangements (never their own) and lifts hardship holds. */
  APPROVER,
  /** Manages users, reminder policies, templates and configuration. */
  ADMIN,
  /** A machine account that feeds the ledger through the REST API. */
  INTEGRATION;

  public static final String COLLECTOR_ID = "collector";
  public static final String APPROVER_ID = "approver";
  public static final String ADMIN_ID = "admin";
  public static final String INTEGRATION_ID = "integration";

  public String id() {
    return name().toLowerCase();
  }

  public static Optional<Role> findById(String id) {
    return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
  }
}
