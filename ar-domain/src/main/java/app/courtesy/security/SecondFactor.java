package app.courtesy.security;

import app.courtesy.shared.Sha256;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two-step sign-in with one-time codes (TOTP, RFC 6238: six digits, 30 seconds, HMAC-SHA1, what
 * every authenticator app reads from a QR code). A person starts it, scans the secret, and confirms
 * it with a first code; they then receive {@value #RECOVERY_CODES} recovery codes, each good once,
 * for a lost phone. A code is accepted within one step either side of the server's clock, and a
 * time step that signed in once never counts again. With {@code AR_REQUIRE_MFA=true} every
 * administrator must have it.
 */
@ApplicationScoped
@Transactional
public class SecondFactor {

  static final int RECOVERY_CODES = 10;
  private static final int PERIOD_SECONDS = 30;
  private static final String ISSUER = "Courtesy";

  /** A secret waiting for its first code: what the authenticator app needs. */
  public record Enrolment(String secret, String uri) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private UserAccountRepository users;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "ar.require-mfa", defaultValue = "false")
  private boolean requireMfa;

  private final CodeGenerator codes = new DefaultCodeGenerator();

  /** Whether the account must have two-step sign-in before it may do anything else. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean required(UserAccount account) {
    return requireMfa && account.hasRole(Role.ADMIN);
  }

  /** Whether the account signs in with a one-time code after its password. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean enabled(String username) {
    return users.findByUsername(username).map(UserAccount::hasSecondFactor).orElse(false);
  }

  /** A new secret for the account, replacing any pending one; active once a code confirms it. */
  public Enrolment start(String username) {
    UserAccount account = account(username);
    if (account.hasSecondFactor()) {
      throw new SecondFactorRefusedException("Two-step sign-in is on already.");
    }
    account.startSecondFactor(new DefaultSecretGenerator().generate());
    return enrolment(account);
  }

  /** The secret that waits for its first code, if one does. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Enrolment> pending(String username) {
    return users
        .findByUsername(username)
        .filter(a -> a.getTotpSecret() != null && !a.hasSecondFactor())
        .map(this::enrolment);
  }

  /**
   * Turns two-step sign-in on with the first code from the app.
   *
   * @return the recovery codes, shown once and kept only as digests
   * @throws SecondFactorRefusedException when nothing is pending or the code is not right
   */
  public List<String> confirm(String username, String code, String address) {
    UserAccount account = account(username);
    if (account.getTotpSecret() == null || account.hasSecondFactor()) {
      throw new SecondFactorRefusedException("Start setting up two-step sign-in first.");
    }
    long step =
        matchingStep(account, code)
            .orElseThrow(
                () ->
                    new SecondFactorRefusedException(
                        "That code is not right. Check the app shows Courtesy with your name, and"
                            + " that your phone's clock is set automatically."));
    account.confirmSecondFactor(step, OffsetDateTime.now(clock));
    List<String> recovery = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
    em.createNativeQuery("delete from app_user_recovery_code where user_id = ?1")
        .setParameter(1, account.getId())
        .executeUpdate();
    for (String recoveryCode : recovery) {
      em.createNativeQuery(
              "insert into app_user_recovery_code (user_id, code_hash) values (?1, ?2)")
          .setParameter(1, account.getId())
          .setParameter(2, digest(recoveryCode))
          .executeUpdate();
    }
    events.record(SecurityEventKind.SECOND_FACTOR_ENABLED, username, address, null);
    return recovery;
  }

  /**
   * Checks a one-time code or an unused recovery code (which is then used up); a refused code is
   * recorded. The caller throttles.
   */
  public boolean verify(String username, String code, String address) {
    Optional<UserAccount> found = users.findByUsername(username).filter(UserAccount::isActive);
    if (found.isEmpty() || !found.get().hasSecondFactor() || code == null) {
      return false;
    }
    UserAccount account = found.get();
    Optional<Long> step = matchingStep(account, code);
    if (step.isPresent()) {
      account.usedStep(step.get());
      return true;
    }
    int recovered =
        em.createNativeQuery(
                "update app_user_recovery_code set used_at = ?1"
                    + " where user_id = ?2 and code_hash = ?3 and used_at is null")
            .setParameter(1, OffsetDateTime.now(clock))
            .setParameter(2, account.getId())
            .setParameter(3, digest(code.strip().toLowerCase(Locale.ROOT)))
            .executeUpdate();
    if (recovered == 1) {
      events.record(
          SecurityEventKind.RECOVERY_CODE_USED,
          username,
          address,
          recoveryCodesLeft(username) + " recovery codes left");
      return true;
    }
    events.record(SecurityEventKind.SECOND_FACTOR_FAILED, username, address, null);
    return false;
  }

  /** How many unused recovery codes the account has. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long recoveryCodesLeft(String username) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from app_user_recovery_code c join app_user u"
                        + " on u.id = c.user_id where u.username = ?1 and c.used_at is null")
                .setParameter(1, username)
                .getSingleResult())
        .longValue();
  }

  /**
   * Turns two-step sign-in off, with a current code; refused while the account must have it.
   *
   * @throws SecondFactorRefusedException when the code is not right or the account must have it
   */
  public void disable(String username, String code, String address) {
    UserAccount account = account(username);
    if (required(account)) {
      throw new SecondFactorRefusedException(
          "Administrators must sign in in two steps here; it cannot be turned off.");
    }
    if (!verify(username, code, address)) {
      throw new SecondFactorRefusedException("That code is not right.");
    }
    account.endSecondFactor();
    em.createNativeQuery("delete from app_user_recovery_code where user_id = ?1")
        .setParameter(1, account.getId())
        .executeUpdate();
    events.record(SecurityEventKind.SECOND_FACTOR_DISABLED, username, address, null);
  }

  /** The time step whose code this is, if it is one not used before. */
  private Optional<Long> matchingStep(UserAccount account, String code) {
    String digits = code == null ? "" : code.replaceAll("\\s", "");
    if (!digits.matches("\\d{6}")) {
      return Optional.empty();
    }
    long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
    Long last = account.getTotpLastStep();
    for (long step = now - 1; step <= now + 1; step++) {
      if (last != null && step <= last) {
        continue;
      }
      if (MessageDigest.isEqual(
          generate(account.getTotpSecret(), step).getBytes(StandardCharsets.US_ASCII),
          digits.getBytes(StandardCharsets.US_ASCII))) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  private String generate(String secret, long step) {
    try {
      return codes.generate(secret, step);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Enrolment enrolment(UserAccount account) {
    QrData data =
        new QrData.Builder()
            .label(account.getUsername())
            .secret(account.getTotpSecret())
            .issuer(ISSUER)
            .digits(6)
            .period(PERIOD_SECONDS)
            .build();
    return new Enrolment(account.getTotpSecret(), data.getUri());
  }

  private UserAccount account(String username) {
    return users.findByUsername(username).orElseThrow();
  }

  private static String digest(String recoveryCode) {
    return Sha256.hex(recoveryCode);
  }
}
