package app.courtesy.web.security;

import app.courtesy.security.SecondFactor;
import app.courtesy.security.SecurityEventKind;
import app.courtesy.security.SecurityEvents;
import app.courtesy.security.SignInThrottle;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP Basic credentials, remembering a valid pair for {@value #REMEMBER_MINUTES} minutes.
 * Machines send their credentials with every request, and each full check costs a deliberately slow
 * password hash (PBKDF2, 210,000 iterations, about 0.1 s of CPU); a feed sending a thousand batches
 * should pay it once, not a thousand times. Only a SHA-256 digest of the pair is kept, never the
 * password; wrong passwords are never remembered, so every failed try pays the full hash and counts
 * towards the {@link SignInThrottle}. A changed password or role takes effect for API callers
 * within the same minutes.
 *
 * <p>People who sign in in two steps cannot use HTTP Basic (it has no second step); nor can
 * administrators who must set two-step sign-in up and have not.
 */
@ApplicationScoped
public class VerifiedCredentials {

  static final int REMEMBER_MINUTES = 2;
  private static final String BASIC = "Basic ";
  private static final int MAX_REMEMBERED = 10_000;

  /** What a full check found. */
  public enum Access {
    GRANTED,
    WRONG,
    TWO_STEP,
    SETUP_REQUIRED
  }

  /** The identity store's result and whether the API may be used with it. */
  public record Checked(CredentialValidationResult result, Access access) {}

  private record Remembered(Checked checked, Instant until) {}

  @Inject private IdentityStoreHandler identityStores;
  @Inject private UserAccountRepository accounts;
  @Inject private SecondFactor secondFactor;
  @Inject private SignInThrottle throttle;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  /** Checks the pair sent from {@code address}; the caller has asked the throttle first. */
  public Checked validate(UsernamePasswordCredential credential, String address) {
    String key = digest(credential);
    Instant now = clock.instant();
    Remembered known = remembered.get(key);
    if (known != null && now.isBefore(known.until())) {
      return known.checked();
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      remembered.remove(key);
      throttle.failed(credential.getCaller(), address, "HTTP Basic: wrong username or password");
      return new Checked(result, Access.WRONG);
    }
    String username = result.getCallerPrincipal().getName();
    throttle.succeeded(username);
    UserAccount account = accounts.findByUsername(username).orElseThrow();
    Access access =
        account.hasSecondFactor()
            ? Access.TWO_STEP
            : secondFactor.required(account) ? Access.SETUP_REQUIRED : Access.GRANTED;
    events.record(SecurityEventKind.SIGN_IN, username, address, "HTTP Basic: " + access);
    Checked checked = new Checked(result, access);
    if (access == Access.GRANTED) {
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
      remembered.put(key, new Remembered(checked, now.plus(Duration.ofMinutes(REMEMBER_MINUTES))));
    }
    return checked;
  }

  /** Whether an {@code Authorization} header carries HTTP Basic credentials. */
  public static boolean isBasic(String header) {
    return header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length());
  }

  /**
   * The username and password of an {@code Authorization: Basic …} header; an undecodable one gives
   * an empty pair, which no account has.
   */
  public static UsernamePasswordCredential basic(String header) {
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      decoded = "";
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? new UsernamePasswordCredential("", "")
        : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /**
   * Whether the header's credentials are an account's that may use the API, asking the {@link
   * SignInThrottle} first: for what is served beside the API and checks callers itself.
   */
  public boolean grants(String authorization, String address) {
    UsernamePasswordCredential credential = basic(authorization);
    return throttle.check(credential.getCaller(), address).allowed()
        && validate(credential, address).access() == Access.GRANTED;
  }

  private static String digest(UsernamePasswordCredential credential) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(credential.getCaller().getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(credential.getPasswordAsString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
