package app.courtesy.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.shared.Money;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sentence of the customer's page exists in each language reminders are written in, and
 * nothing else does.
 */
class PortalTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr", "es", "it", "nl"})
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

  @Test
  void thePageIsOfferedInEveryLanguageRemindersAreWrittenIn() {
    assertThat(PortalText.LANGUAGES).containsExactly("en", "de", "fr", "es", "it", "nl");
    assertThat(PortalText.LANGUAGES.stream().map(PortalText::nameOf))
        .containsExactly("English", "Deutsch", "Français", "Español", "Italiano", "Nederlands");
    assertThat(PortalText.language("nl", Locale.GERMAN)).isEqualTo(Locale.forLanguageTag("nl"));
    assertThat(PortalText.language(null, Locale.forLanguageTag("es-MX")))
        .isEqualTo(Locale.forLanguageTag("es"));
    assertThat(PortalText.language("pt", Locale.forLanguageTag("pt-BR"))).isEqualTo(Locale.ENGLISH);
  }

  /**
   * Dates and amounts as the reader writes them, in their own country's way where we know it (the
   * JDK's CLDR data puts no-break spaces where these have spaces).
   */
  @ParameterizedTest
  @CsvSource({
    "es, es-ES, 23 feb 2027, '1.234,50 €'",
    "it, it-IT, 23 feb 2027, '1.234,50 €'",
    "nl, nl-NL, 23 feb. 2027, '€ 1.234,50'",
    "nl, nl-BE, 23 feb. 2027, '€ 1.234,50'",
    "it, it-CH, 23 feb 2027, '€ 1’234.50'"
  })
  void datesAndAmountsAsTheReaderWritesThem(
      String language, String customer, String date, String amount) {
    PortalText text =
        PortalText.of(Locale.forLanguageTag(language), Locale.forLanguageTag(customer));

    assertThat(spaced(text.date(LocalDate.of(2027, 2, 23)))).isEqualTo(date);
    assertThat(
            spaced(text.money(new Money(new BigDecimal("1234.50"), Currency.getInstance("EUR")))))
        .isEqualTo(amount);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "nl"})
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
                case "es" -> "Sus facturas";
                case "it" -> "Le sue fatture";
                case "nl" -> "Uw facturen";
                default -> "Your invoices";
              });
    } finally {
      Locale.setDefault(previous);
    }
  }

  private static String spaced(String formatted) {
    return formatted.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = PortalText.class.getResourceAsStream(name)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
