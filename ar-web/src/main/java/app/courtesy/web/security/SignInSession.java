package app.courtesy.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a person's HTTP session knows about how they signed in: their groups, when they last proved
 * who they are, a password that waits for its one-time code, and whether they must set up two-step
 * sign-in before anything else.
 */
public final class SignInSession {

  /** How long a proof of identity counts for actions that ask for a recent one. */
  public static final Duration RECENT = Duration.ofMinutes(5);

  private static final String GROUPS = "app.courtesy.callerGroups";
  private static final String AUTHENTICATED_AT = "app.courtesy.authenticatedAt";
  private static final String PENDING = "app.courtesy.pendingSecondStep";
  private static final String SETUP_REQUIRED = "app.courtesy.secondFactorSetupRequired";

  /** A correct password, waiting for the one-time code. */
  record Pending(String username, Set<String> groups, Instant at) implements Serializable {}

  private SignInSession() {}

  /** The password was right and the account signs in in two steps: wait for the code. */
  static void awaitCode(HttpServletRequest request, Pending pending) {
    request.getSession().setAttribute(PENDING, pending);
  }

  /** The password that waits for its code, if it was given in the last five minutes. */
  static Optional<Pending> pending(HttpServletRequest request, Instant now) {
    HttpSession session = request.getSession(false);
    return Optional.ofNullable(session == null ? null : (Pending) session.getAttribute(PENDING))
        .filter(p -> !p.at().plus(RECENT).isBefore(now));
  }

  /** Whether this session holds a password that waits for its code. */
  public static boolean awaitingCode(HttpServletRequest request, Instant now) {
    return pending(request, now).isPresent();
  }

  /**
   * The person signed in: a new session id (no fixation), their groups, the time, and whether they
   * must set up two-step sign-in first.
   */
  static void signedIn(
      HttpServletRequest request, Set<String> groups, Instant now, boolean setupRequired) {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    HttpSession session = request.getSession();
    session.removeAttribute(PENDING);
    session.setAttribute(GROUPS, groups.toArray(String[]::new));
    session.setAttribute(AUTHENTICATED_AT, now);
    if (setupRequired) {
      session.setAttribute(SETUP_REQUIRED, Boolean.TRUE);
    }
  }

  static String[] groups(HttpSession session) {
    return session == null ? null : (String[]) session.getAttribute(GROUPS);
  }

  /** Whether the person proved who they are within {@link #RECENT} of {@code now}. */
  public static boolean recentlyAuthenticated(HttpSession session, Instant now) {
    Instant at = session == null ? null : (Instant) session.getAttribute(AUTHENTICATED_AT);
    return at != null && !at.isAfter(now) && at.plus(RECENT).isAfter(now);
  }

  static void reauthenticated(HttpSession session, Instant now) {
    session.setAttribute(AUTHENTICATED_AT, now);
  }

  /** Whether the person must set up two-step sign-in before anything else. */
  public static boolean setupRequired(HttpSession session) {
    return session != null && session.getAttribute(SETUP_REQUIRED) != null;
  }

  /** Two-step sign-in is set up: the rest of the application opens. */
  public static void setupDone(HttpSession session) {
    session.removeAttribute(SETUP_REQUIRED);
  }
}
