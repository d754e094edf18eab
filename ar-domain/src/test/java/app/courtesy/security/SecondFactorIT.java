package app.courtesy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two-step sign-in as an authenticator app lives it: a secret in a QR code, a first code that turns
 * it on, recovery codes good once each, a code that never counts twice, and off again only with a
 * code.
 */
@ExtendWith(ArquillianExtension.class)
class SecondFactorIT {

  private static final String ADDRESS = "127.0.0.1";

  @Inject private SecondFactor secondFactor;
  @Inject private UserAccountService accounts;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  private final String username = "two-step-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void anApprover() {
    accounts.createUser(
        new NewUser(username, "Robin Quill", "cobalt-heron-pavilion-58", Set.of(Role.APPROVER)),
        "admin");
  }

  @Test
  void aFirstCodeFromTheAppTurnsItOnAndGivesTenRecoveryCodes() throws Exception {
    SecondFactor.Enrolment enrolment = secondFactor.start(username);

    assertThat(enrolment.uri())
        .startsWith("otpauth://totp/")
        .contains(username, "secret=" + enrolment.secret(), "issuer=Courtesy");
    assertThat(secondFactor.enabled(username)).isFalse();
    assertThatThrownBy(() -> secondFactor.confirm(username, "000000", ADDRESS))
        .isInstanceOf(SecondFactorRefusedException.class)
        .hasMessageStartingWith("That code is not right");

    List<String> recovery = secondFactor.confirm(username, codeNow(enrolment.secret()), ADDRESS);

    assertThat(secondFactor.enabled(username)).isTrue();
    assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
    assertThat(secondFactor.recoveryCodesLeft(username)).isEqualTo(10);
    assertThat(events.latest(SecurityEventKind.SECOND_FACTOR_ENABLED, username, 5)).hasSize(1);
  }

  @Test
  void aCodeCountsOnceAndARecoveryCodeToo() throws Exception {
    String code = codeNow(secondFactor.start(username).secret());
    List<String> recovery = secondFactor.confirm(username, code, ADDRESS);

    assertThat(secondFactor.verify(username, code, ADDRESS))
        .as("the code that turned it on was used already")
        .isFalse();
    assertThat(secondFactor.verify(username, "12345", ADDRESS)).isFalse();

    assertThat(secondFactor.verify(username, recovery.get(3).toUpperCase(), ADDRESS)).isTrue();
    assertThat(secondFactor.verify(username, recovery.get(3), ADDRESS)).isFalse();
    assertThat(secondFactor.recoveryCodesLeft(username)).isEqualTo(9);
    assertThat(events.latest(SecurityEventKind.RECOVERY_CODE_USED, username, 5))
        .singleElement()
        .satisfies(e -> assertThat(e.getDetail()).isEqualTo("9 recovery codes left"));
    assertThat(events.latest(SecurityEventKind.SECOND_FACTOR_FAILED, username, 5)).hasSize(3);
  }

  @Test
  void itIsTurnedOffOnlyWithACode() throws Exception {
    String secret = secondFactor.start(username).secret();
    List<String> recovery = secondFactor.confirm(username, codeNow(secret), ADDRESS);

    assertThatThrownBy(() -> secondFactor.disable(username, "999999", ADDRESS))
        .isInstanceOf(SecondFactorRefusedException.class);
    assertThat(secondFactor.enabled(username)).isTrue();

    secondFactor.disable(username, recovery.get(0), ADDRESS);

    assertThat(secondFactor.enabled(username)).isFalse();
    assertThat(secondFactor.recoveryCodesLeft(username)).isZero();
    assertThat(secondFactor.verify(username, recovery.get(1), ADDRESS)).isFalse();
  }

  /** The code an authenticator app shows now for the secret, on the server's clock. */
  private String codeNow(String secret) throws CodeGenerationException {
    return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30);
  }
}
