package app.courtesy.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature a receiver checks. */
class SignatureTest {

  @Test
  void theHmacIsHmacSha256InHex() {
    // RFC 4231, test case 2
    assertThat(Signature.hmac("Jefe", "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void theHeaderSignsTheTimestampAndTheBodyTogether() {
    String body = "{\"id\":\"e1\"}";

    String header = Signature.header("whsec_test", 1_764_748_800L, body);

    assertThat(header)
        .isEqualTo("t=1764748800,v1=" + Signature.hmac("whsec_test", "1764748800." + body));
    assertThat(Signature.header("whsec_test", 1_764_748_801L, body)).isNotEqualTo(header);
    assertThat(Signature.header("whsec_other", 1_764_748_800L, body)).isNotEqualTo(header);
  }
}
