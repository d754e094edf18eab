package app.courtesy.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlausibleTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  @Test
  void anAmountHasNoMoreDecimalsThanItsCurrency() {
    assertThat(Plausible.decimals(new BigDecimal("1.005"), Currency.getInstance("GBP")))
        .contains("1.005 has 3 decimal places, but GBP amounts have at most 2");
    assertThat(Plausible.decimals(new BigDecimal("0.001"), "EUR")).isPresent();
    assertThat(Plausible.decimals(new BigDecimal("1.5"), "JPY"))
        .contains("1.5 has decimal places, but JPY amounts are whole numbers (0 decimal places)");
    assertThat(Plausible.decimals(new BigDecimal("1.0001"), "BHD")).isPresent();
    assertThat(Plausible.decimals(new BigDecimal("1E-7"), "USD")).isPresent();
  }

  @Test
  void trailingZerosAndWholeAmountsAreFine() {
    assertThat(Plausible.decimals(new BigDecimal("1.500"), "GBP")).isEmpty();
    assertThat(Plausible.decimals(new BigDecimal("1.000"), "JPY")).isEmpty();
    assertThat(Plausible.decimals(new BigDecimal("1.005"), "BHD")).isEmpty();
    assertThat(Plausible.decimals(new BigDecimal("1E+3"), "EUR")).isEmpty();
    assertThat(Plausible.decimals(null, "EUR")).isEmpty();
    assertThat(Plausible.decimals(new BigDecimal("1.005"), "NOPE")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "eur", "EURO", "ABC", ""})
  void pseudoCurrenciesAndUnknownCodesAreRefused(String code) {
    assertThat(Plausible.currency(code)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"EUR", "USD", "JPY", "BHD", "GBP", "CHF"})
  void currenciesWithAMinorUnitAreFine(String code) {
    assertThat(Plausible.currency(code)).isEmpty();
  }

  @Test
  void datesLieBetween1900AndTenYearsAhead() {
    assertThat(Plausible.date(LocalDate.of(1899, 12, 31), TODAY)).isPresent();
    assertThat(Plausible.date(LocalDate.of(1, 1, 1), TODAY)).isPresent();
    assertThat(Plausible.date(LocalDate.of(1900, 1, 1), TODAY)).isEmpty();
    assertThat(Plausible.date(LocalDate.of(2036, 12, 2), TODAY)).isEmpty();
    assertThat(Plausible.date(LocalDate.of(2036, 12, 3), TODAY))
        .contains("must not be more than 10 years ahead (2036-12-02)");
    assertThat(Plausible.date(LocalDate.of(9999, 1, 1), TODAY)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Acme\u0000", "Acme\r\nLtd", "Acme\nLtd", "Acme\tLtd", "\u202EdtL emcA", "Acme\u202A",
        "Acme\u202B", "Acme\u202C", "Acme\u202D", "Acme\u2066", "Acme\u2067", "Acme\u2068",
        "Acme\u2069", "Acme\u0007", "Acme\u007F", "Acme\u0085"
      })
  void namesAreOneLineWithoutControlOrDirectionCharacters(String name) {
    assertThat(Plausible.text(name)).isPresent();
    assertThat(Plausible.number(name)).isPresent();
  }

  @Test
  void notesMayHaveSeveralLinesButNoOverrides() {
    assertThat(Plausible.multilineText("Called.\r\nWill pay\ton Friday.")).isEmpty();
    assertThat(Plausible.multilineText("Called.\u0000")).isPresent();
    assertThat(Plausible.multilineText("Called \u202Eyadirf")).isPresent();
    assertThat(Plausible.text("Müller & Söhne GmbH, Köln — 東京")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"C/100", "C?100", "C#100", "C\\100", "../admin"})
  void numbersHaveNothingThatBreaksAUrl(String number) {
    assertThat(Plausible.number(number)).isPresent();
  }

  @Test
  void ordinaryNumbersAreFine() {
    assertThat(Plausible.number("0379-NEH")).isEmpty();
    assertThat(Plausible.number("INV 2026.001_a")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"})
  void invoiceNumbersDoNotStartLikeAFormula(String number) {
    assertThat(Plausible.spreadsheetSafe(number)).isPresent();
  }

  @Test
  void aFormulaCharacterInsideANumberIsFine() {
    assertThat(Plausible.spreadsheetSafe("INV-1=2")).isEmpty();
    assertThat(Plausible.spreadsheetSafe("")).isEmpty();
  }
}
