package app.courtesy.security;

import app.courtesy.monitoring.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down guessing, per account and per client address, and never locks anyone out for good.
 *
 * <ul>
 *   <li>An account may fail {@value #ACCOUNT_FREE_FAILURES} times in a row; after that each try
 *       waits twice as long as the one before (1 s, 2 s, 4 s, … at most 5 minutes), and the {@value
 *       #ACCOUNT_LOCK_AT}th failure locks the account for 15 minutes, which an administrator can
 *       lift sooner. A success forgets the failures; so do 24 hours without one.
 *   <li>A client address may fail {@value #ADDRESS_FREE_FAILURES} times across all accounts; after
 *       that it waits the same growing delays. Its failures are forgotten after 15 quiet minutes.
 * </ul>
 *
 * A try refused for waiting never reaches the password check and counts as nothing: the right
 * password is refused too until the wait is over. Delays are refused at once, never slept, so
 * guessing cannot tie up the server's threads.
 */
@ApplicationScoped
@Transactional
public class SignInThrottle {

  static final int ACCOUNT_FREE_FAILURES = 3;
  static final int ACCOUNT_LOCK_AT = 10;
  static final Duration LOCK = Duration.ofMinutes(15);
  static final Duration ACCOUNT_FORGET = Duration.ofHours(24);
  static final int ADDRESS_FREE_FAILURES = 30;
  static final Duration ADDRESS_FORGET = Duration.ofMinutes(15);
  static final Duration MAX_DELAY = Duration.ofMinutes(5);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss 'UTC'", Locale.UK);

  /** Whether a sign-in may be tried now; if not, from when, and why in words. */
  public record Verdict(Instant retryAt, String reason) {

    static final Verdict OPEN = new Verdict(null, null);

    public boolean allowed() {
      return retryAt == null;
    }

    /** Whole seconds until the retry, at least one. */
    public long secondsFrom(Instant now) {
      return Math.max(1, (Duration.between(now, retryAt).toMillis() + 999) / 1000);
    }
  }

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Meters meters;

  /** Whether {@code username} may try to sign in from {@code address} now. */
  public Verdict check(String username, String address) {
    Instant now = clock.instant();
    Verdict account =
        find(accountKey(username), LockModeType.NONE)
            .map(failures -> accountVerdict(failures, now))
            .orElse(Verdict.OPEN);
    if (!account.allowed()) {
      return account;
    }
    return find(addressKey(address), LockModeType.NONE)
        .map(failures -> addressVerdict(failures, now))
        .orElse(Verdict.OPEN);
  }

  /**
   * Counts a failed try of {@code username} from {@code address}, records it, and locks the account
   * or throttles the address where it crossed its threshold.
   *
   * @param why what failed, for the record ("wrong password", "no such account", …)
   */
  public void failed(String username, String address, String why) {
    Instant now = clock.instant();
    SignInFailures account = count(accountKey(username), now, ACCOUNT_FORGET);
    events.record(
        SecurityEventKind.SIGN_IN_FAILED,
        username,
        address,
        why + " (" + ordinal(account.getFailures()) + " failure in a row)");
    boolean locked =
        account.getLockedUntil() != null && account.getLockedUntil().toInstant().isAfter(now);
    if (account.getFailures() >= ACCOUNT_LOCK_AT && !locked) {
      Instant until = now.plus(LOCK);
      account.lockUntil(until);
      events.record(
          SecurityEventKind.ACCOUNT_LOCKED,
          username,
          address,
          "after " + account.getFailures() + " failed sign-ins, until " + format(until));
    }
    SignInFailures fromAddress = count(addressKey(address), now, ADDRESS_FORGET);
    if (fromAddress.getFailures() == ADDRESS_FREE_FAILURES) {
      events.record(
          SecurityEventKind.ADDRESS_THROTTLED,
          null,
          address,
          ADDRESS_FREE_FAILURES + " failed sign-ins within " + ADDRESS_FORGET.toMinutes() + " min");
    }
    meters.signInFailed();
  }

  /** A successful sign-in: the account's failures are forgotten (the address's are not). */
  public void succeeded(String username) {
    find(accountKey(username), LockModeType.PESSIMISTIC_WRITE).ifPresent(em::remove);
  }

  /** The accounts and addresses that wait or are locked now, most recent first. */
  public List<SignInFailures> throttled() {
    Instant now = clock.instant();
    return em
        .createQuery(
            "select f from SignInFailures f order by f.lastFailureAt desc", SignInFailures.class)
        .setMaxResults(500)
        .getResultList()
        .stream()
        .filter(f -> !(f.isAccount() ? accountVerdict(f, now) : addressVerdict(f, now)).allowed())
        .toList();
  }

  /**
   * Lifts a lock or a wait at once and forgets the failures.
   *
   * @param key the {@link SignInFailures#getKey()} to lift
   * @return whether there was anything to lift
   */
  public boolean lift(String key, String by) {
    Optional<SignInFailures> failures = find(key, LockModeType.PESSIMISTIC_WRITE);
    failures.ifPresent(
        f -> {
          em.remove(f);
          events.record(
              SecurityEventKind.LOCK_LIFTED,
              f.isAccount() ? f.getSubject() : null,
              f.isAccount() ? null : f.getSubject(),
              "lifted by " + by + " after " + f.getFailures() + " failed sign-ins");
        });
    return failures.isPresent();
  }

  private Verdict accountVerdict(SignInFailures failures, Instant now) {
    if (!failures.current(now, ACCOUNT_FORGET)) {
      return Verdict.OPEN;
    }
    if (failures.getLockedUntil() != null && failures.getLockedUntil().toInstant().isAfter(now)) {
      Instant until = failures.getLockedUntil().toInstant();
      return new Verdict(
          until,
          "This account is locked after "
              + failures.getFailures()
              + " failed sign-ins, until "
              + format(until)
              + ". An administrator can lift the lock sooner.");
    }
    return waitAfter(failures, ACCOUNT_FREE_FAILURES, now, "this account");
  }

  private Verdict addressVerdict(SignInFailures failures, Instant now) {
    return failures.current(now, ADDRESS_FORGET)
        ? waitAfter(failures, ADDRESS_FREE_FAILURES, now, "your network address")
        : Verdict.OPEN;
  }

  private static Verdict waitAfter(
      SignInFailures failures, int freeFailures, Instant now, String whose) {
    if (failures.getFailures() < freeFailures) {
      return Verdict.OPEN;
    }
    Instant retryAt =
        failures.getLastFailureAt().toInstant().plus(delay(failures.getFailures() - freeFailures));
    if (!retryAt.isAfter(now)) {
      return Verdict.OPEN;
    }
    Verdict wait = new Verdict(retryAt, null);
    return new Verdict(
        retryAt,
        "Too many failed sign-ins for "
            + whose
            + ": try again in "
            + wait.secondsFrom(now)
            + " seconds.");
  }

  /** 1 s after the first failure beyond the free ones, doubling up to {@link #MAX_DELAY}. */
  static Duration delay(int beyondFree) {
    Duration delay = Duration.ofSeconds(1L << Math.min(beyondFree, 20));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private SignInFailures count(String key, Instant now, Duration forgetAfter) {
    SignInFailures failures =
        find(key, LockModeType.PESSIMISTIC_WRITE)
            .orElseGet(
                () -> {
                  SignInFailures first = new SignInFailures(key);
                  em.persist(first);
                  return first;
                });
    failures.fail(now, forgetAfter);
    return failures;
  }

  private Optional<SignInFailures> find(String key, LockModeType lock) {
    return Optional.ofNullable(em.find(SignInFailures.class, key, lock));
  }

  static String accountKey(String username) {
    return SignInFailures.ACCOUNT
        + SecurityEvents.clean(
            username == null ? "" : username.strip().toLowerCase(Locale.ROOT), 64);
  }

  static String addressKey(String address) {
    return SignInFailures.ADDRESS + SecurityEvents.clean(address == null ? "" : address, 64);
  }

  private static String format(Instant instant) {
    return TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static String ordinal(int n) {
    String suffix =
        n % 100 >= 11 && n % 100 <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
