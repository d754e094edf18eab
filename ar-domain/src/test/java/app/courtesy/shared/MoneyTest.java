package app.courtesy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void roundsToTheMinorUnitOfItsCurrency() {
    assertThat(Money.of("10.005", "EUR").amount()).isEqualByComparingTo("10.01");
    assertThat(Money.of("1234.5", "JPY").amount()).isEqualByComparingTo("1235");
    assertThat(Money.of("7", "USD")).hasToString("7.00 USD");
  }

  @Test
  void addsAmountsOfOneCurrency() {
    assertThat(Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR")))
        .isEqualTo(Money.of("0.30", "EUR"));
  }

  @Test
  void refusesToMixCurrencies() {
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EUR")
        .hasMessageContaining("USD");
  }
}
