package app.courtesy.web.security;

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
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP Basic credentials, remembering a valid pair for {@value #REMEMBER_MINUTES} minutes.
 * Machines send their credentials with every request, and each full check costs a deliberately slow
 * password hash (PBKDF2, 210,000 iterations, about 0.1 s of CPU); a feed sending a thousand batches
 * should pay it once, not a thousand times. Only a SHA-256 digest of the pair is kept, never the
 * password; wrong passwords are never remembered, so every failed try pays the full hash. A changed
 * password or role takes effect for API callers within the same minutes.
 */
@ApplicationScoped
public class VerifiedCredentials {

  static final int REMEMBER_MINUTES = 2;
  private static final int MAX_REMEMBERED = 10_000;

  private record Remembered(CredentialValidationResult result, Instant until) {}

  @Inject private IdentityStoreHandler identityStores;
  @Inject private Clock clock;

  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String key = digest(credential);
    Instant now = clock.instant();
    Remembered known = remembered.get(key);
    if (known != null && now.isBefore(known.until())) {
      return known.result();
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
      remembered.put(key, new Remembered(result, now.plus(Duration.ofMinutes(REMEMBER_MINUTES))));
    } else {
      remembered.remove(key);
    }
    return result;
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
