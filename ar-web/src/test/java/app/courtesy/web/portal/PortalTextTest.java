package app.courtesy.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every sentence of the customer's page exists in German and French, and nothing else does. */
class PortalTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr"})
  void eachLanguageHasEverySentenceOfTheEnglishPage(String language) throws IOException {
    Properties english = load("Portal.properties");
    Properties translated = load("Portal_" + language + ".properties");

    assertThat(translated.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      for (int i = 0; i < 5; i++) {
        assertThat(translated.getProperty(key).contains("{" + i + "}"))
            .as(language + " " + key + " has {" + i + "} as English does")
            .isEqualTo(english.getProperty(key).contains("{" + i + "}"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr"})
  void theReadersLanguageNotTheServersDecides(String language) {
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.GERMAN);
    try {
      PortalText text = PortalText.of(Locale.forLanguageTag(language));
      assertThat(text.get("title"))
          .isEqualTo(
              switch (language) {
                case "de" -> "Ihre Rechnungen";
                case "fr" -> "Vos factures";
                default -> "Your invoices";
              });
    } finally {
      Locale.setDefault(previous);
    }
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = PortalText.class.getResourceAsStream(name)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
