package app.courtesy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each figure on a small book worked out by hand. */
class CollectionsFiguresTest {

  private static final LocalDate MARCH_31 = LocalDate.of(2030, 3, 31);

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @Test
  void dsoCountsBackDayByDayUntilTheSalesCoverWhatIsOpen() {
    // 31 March sold 1,000, 30 March nothing, 29 March 1,000: 1,500 open is 1 + 1 + 0.5 days.
    Map<LocalDate, BigDecimal> sales =
        Map.of(MARCH_31, new BigDecimal("1000"), MARCH_31.minusDays(2), new BigDecimal("1000"));

    assertThat(CollectionsFigures.dso(eur("1500.00"), sales, MARCH_31)).isEqualByComparingTo("2.5");
  }

  @Test
  void dsoIsZeroWhenNothingIsOpenAndTheWholeHorizonForACurrencyWithoutSales() {
    assertThat(CollectionsFigures.dso(eur("0"), Map.of(), MARCH_31)).isEqualByComparingTo("0");
    assertThat(CollectionsFigures.dso(Money.of("100", "USD"), Map.of(), MARCH_31))
        .isEqualByComparingTo("365");
  }

  @Test
  void bestPossibleDsoIsTheCurrentPartAsDaysOfThePeriodsSales() {
    // 3,000 not yet due; March sold 9,300 over 31 days: 3,000 ÷ 9,300 × 31 = 10.0 days.
    assertThat(CollectionsFigures.bestPossibleDso(eur("3000"), eur("9300"), 31))
        .contains(new BigDecimal("10.0"));
    // 1,000 ÷ 3,000 × 7 = 2.333… → 2.3
    assertThat(CollectionsFigures.bestPossibleDso(eur("1000"), eur("3000"), 7))
        .contains(new BigDecimal("2.3"));
  }

  @Test
  void bestPossibleDsoIsUndefinedWithoutSalesAndZeroWithoutReceivables() {
    assertThat(CollectionsFigures.bestPossibleDso(eur("500"), eur("0"), 31)).isEmpty();
    assertThat(CollectionsFigures.bestPossibleDso(eur("0"), eur("0"), 31))
        .contains(new BigDecimal("0.0"));
    assertThat(CollectionsFigures.bestPossibleDso(eur("0"), eur("9300"), 31))
        .contains(new BigDecimal("0.0"));
  }

  @Test
  void bestPossibleDsoRefusesTwoCurrencies() {
    assertThatThrownBy(() -> CollectionsFigures.bestPossibleDso(eur("1"), Money.of("1", "USD"), 31))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void averageDaysDelinquentIsDsoLessBestPossibleDso() {
    assertThat(
            CollectionsFigures.averageDaysDelinquent(
                new BigDecimal("25.0"), Optional.of(new BigDecimal("10.0"))))
        .contains(new BigDecimal("15.0"));
    assertThat(CollectionsFigures.averageDaysDelinquent(new BigDecimal("25.0"), Optional.empty()))
        .isEmpty();
  }

  @Test
  void collectionEffectivenessIsWhatWasCollectedOfWhatCouldBe() {
    // 10,000 open on 1 March, 5,000 sold in March, 8,000 open on 31 March of which 3,000 current:
    // (10,000 + 5,000 − 8,000) ÷ (10,000 + 5,000 − 3,000) × 100 = 7,000 ÷ 12,000 × 100 = 58.3
    assertThat(
            CollectionsFigures.collectionEffectiveness(
                eur("10000"), eur("5000"), eur("8000"), eur("3000")))
        .contains(new BigDecimal("58.3"));
    // Everything overdue was collected: only the current part is left.
    assertThat(
            CollectionsFigures.collectionEffectiveness(
                eur("10000"), eur("5000"), eur("3000"), eur("3000")))
        .contains(new BigDecimal("100.0"));
  }

  @Test
  void collectionEffectivenessOfAMonthWithoutSales() {
    // 1,000 open at the start, nothing sold, 400 open at the end, none of it current: 60 %.
    assertThat(
            CollectionsFigures.collectionEffectiveness(eur("1000"), eur("0"), eur("400"), eur("0")))
        .contains(new BigDecimal("60.0"));
  }

  @Test
  void collectionEffectivenessIsUndefinedWhenNothingCouldBeCollected() {
    // No receivables and no sales.
    assertThat(CollectionsFigures.collectionEffectiveness(eur("0"), eur("0"), eur("0"), eur("0")))
        .isEmpty();
    // Everything sold is still current at the end.
    assertThat(
            CollectionsFigures.collectionEffectiveness(
                eur("0"), eur("2000"), eur("2000"), eur("2000")))
        .isEmpty();
  }

  @Test
  void promiseKeptRateCountsOnlyDecidedPromises() {
    assertThat(CollectionsFigures.promiseKeptRate(3, 1)).contains(new BigDecimal("75.0"));
    assertThat(CollectionsFigures.promiseKeptRate(2, 1)).contains(new BigDecimal("66.7"));
    assertThat(CollectionsFigures.promiseKeptRate(0, 2)).contains(new BigDecimal("0.0"));
    assertThat(CollectionsFigures.promiseKeptRate(4, 0)).contains(new BigDecimal("100.0"));
  }

  @Test
  void promiseKeptRateIsUndefinedWhileNoPromiseWasKeptOrBroken() {
    assertThat(CollectionsFigures.promiseKeptRate(0, 0)).isEmpty();
  }

  @Test
  void theMedianIsTheMiddleValueOfAnOddCountAndTheMeanOfTheTwoMiddleOnesOfAnEvenCount() {
    // 9, 2, 4 sorted: 2, 4, 9 → 4
    assertThat(CollectionsFigures.median(List.of(9L, 2L, 4L))).contains(new BigDecimal("4.0"));
    // 10, 2, 7, 3 sorted: 2, 3, 7, 10 → (3 + 7) ÷ 2 = 5
    assertThat(CollectionsFigures.median(List.of(10L, 2L, 7L, 3L))).contains(new BigDecimal("5.0"));
    // 5 and 10 → 7.5
    assertThat(CollectionsFigures.median(List.of(5L, 10L))).contains(new BigDecimal("7.5"));
    assertThat(CollectionsFigures.median(List.of(16L))).contains(new BigDecimal("16.0"));
  }

  @Test
  void theMeanHasOneDecimalRoundedHalfUp() {
    // (2 + 3 + 7 + 10) ÷ 4 = 5.5
    assertThat(CollectionsFigures.mean(List.of(10L, 2L, 7L, 3L))).contains(new BigDecimal("5.5"));
    // (1 + 1 + 2) ÷ 3 = 1.333… → 1.3; (1 + 2 + 2) ÷ 3 = 1.666… → 1.7
    assertThat(CollectionsFigures.mean(List.of(1L, 1L, 2L))).contains(new BigDecimal("1.3"));
    assertThat(CollectionsFigures.mean(List.of(1L, 2L, 2L))).contains(new BigDecimal("1.7"));
    // one long dispute pulls the mean away from the median: 1, 2, 30
    assertThat(CollectionsFigures.mean(List.of(1L, 2L, 30L))).contains(new BigDecimal("11.0"));
    assertThat(CollectionsFigures.median(List.of(1L, 2L, 30L))).contains(new BigDecimal("2.0"));
  }

  @Test
  void medianAndMeanOfAnEmptyPeriodAreUndefined() {
    assertThat(CollectionsFigures.median(List.of())).isEmpty();
    assertThat(CollectionsFigures.mean(List.of())).isEmpty();
  }

  @Test
  void everyFigureHasADefinitionAndAFormula() {
    for (CollectionsFigures.Figure figure : CollectionsFigures.Figure.values()) {
      assertThat(figure.definition()).isNotBlank();
      assertThat(figure.formula()).isNotBlank();
    }
  }
}
