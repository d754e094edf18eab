package app.courtesy.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tundra-velvet-orchard-42",
        "Mossy kettle harbours 31 owls",
        "ß∂ƒ©˙∆˚¬…æ≈ç√∫",
        "a long sentence nobody else would type, with a comma"
      })
  void acceptsLongUncommonPasswordsOfAnyCharacters(String password) {
    assertThat(PasswordPolicy.problem(password, "jordan.lee", "Jordan Lee")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password1234",
        "qwertyuiopasdf",
        "iloveyou12345678",
        "123456789012",
        "P@ssw0rd12345"
      })
  void refusesCommonAndBreachedPasswords(String password) {
    assertThat(PasswordPolicy.problem(password))
        .get()
        .asString()
        .startsWith("is too easy to guess");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "short", "elevenchars"})
  void refusesFewerThanTwelveCharacters(String password) {
    assertThat(PasswordPolicy.problem(password))
        .contains("must be between 12 and 128 characters long");
  }

  @Test
  void refusesMoreThan128CharactersButTakes128() {
    String words = "tundra velvet orchard meadow lantern granite fjord ledger cobalt heron ";
    String exactly128 = (words + words).substring(0, 128);

    assertThat(PasswordPolicy.problem(exactly128)).isEmpty();
    assertThat(PasswordPolicy.problem(exactly128 + "x"))
        .contains("must be between 12 and 128 characters long");
  }

  @Test
  void countsCharactersNotCodeUnits() {
    // twelve emoji: 24 UTF-16 code units, twelve characters
    assertThat(PasswordPolicy.problem("🐢🦉🌵🍋🚲🎻🧭🪁🦔🍄🛶🧩")).isEmpty();
  }

  @Test
  void refusesWhitespaceOnly() {
    assertThat(PasswordPolicy.problem(" ".repeat(20))).contains("must not be only spaces");
    assertThat(PasswordPolicy.problem("\t \u00a0".repeat(6))).isPresent();
  }

  @Test
  void refusesThePersonsOwnNameOrUsername() {
    assertThat(PasswordPolicy.problem("jordan-velvet-orchard-42", "jordan.lee", "Jordan Lee"))
        .contains("must not contain your username or name");
  }
}
