package app.courtesy.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The failed sign-ins of one account or one client address since its last success (or since it was
 * forgotten): how many, the latest, and the account's temporary lock.
 */
@Entity
@Table(name = "sign_in_throttle")
public class SignInFailures {

  static final String ACCOUNT = "account:";
  static final String ADDRESS = "address:";

  @Id
  @Column(name = "throttle_key", length = 100)
  private String key;

  @Column(nullable = false)
  private int failures;

  @Column(name = "last_failure_at", nullable = false)
  private OffsetDateTime lastFailureAt;

  @Column(name = "locked_until")
  private OffsetDateTime lockedUntil;

  protected SignInFailures() {}

  SignInFailures(String key) {
    this.key = key;
  }

  /** {@code account:<username>} or {@code address:<ip>}. */
  public String getKey() {
    return key;
  }

  public boolean isAccount() {
    return key.startsWith(ACCOUNT);
  }

  /** The username or address, without its prefix. */
  public String getSubject() {
    return key.substring(isAccount() ? ACCOUNT.length() : ADDRESS.length());
  }

  public int getFailures() {
    return failures;
  }

  public OffsetDateTime getLastFailureAt() {
    return lastFailureAt;
  }

  public OffsetDateTime getLockedUntil() {
    return lockedUntil;
  }

  /**
   * Whether these failures still count at {@code now}: not older than {@code forgetAfter}, and not
   * written by a clock that has since been put back.
   */
  boolean current(Instant now, Duration forgetAfter) {
    Instant last = lastFailureAt.toInstant();
    return !last.isAfter(now) && last.plus(forgetAfter).isAfter(now);
  }

  void fail(Instant now, Duration forgetAfter) {
    failures = lastFailureAt != null && current(now, forgetAfter) ? failures + 1 : 1;
    if (failures == 1) {
      lockedUntil = null;
    }
    lastFailureAt = now.atOffset(ZoneOffset.UTC);
  }

  void lockUntil(Instant until) {
    lockedUntil = until.atOffset(ZoneOffset.UTC);
  }
}
