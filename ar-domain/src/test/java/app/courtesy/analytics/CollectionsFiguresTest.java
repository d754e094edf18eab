package app.courtesy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
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
  void paidAfterAReminderIsTheShareOfTheInvoicesAndOfTheAmountItListed() {
    // Three invoices listed, two with nothing open after 14 days: 66.7 %.
    assertThat(CollectionsFigures.paidShare(2, 3)).contains(new BigDecimal("66.7"));
    assertThat(CollectionsFigures.paidShare(0, 5)).contains(new BigDecimal("0.0"));
    // 1,400 open the day before, 1,100 of it settled within the window: 78.571… → 78.6 %.
    assertThat(CollectionsFigures.paidShare(eur("1100.00"), eur("1400.00")))
        .contains(new BigDecimal("78.6"));
  }

  @Test
  void paidAfterAReminderIsUndefinedWhenNothingWasListedAndRefusesMoreThanWasListed() {
    assertThat(CollectionsFigures.paidShare(0, 0)).isEmpty();
    assertThat(CollectionsFigures.paidShare(eur("0"), eur("0"))).isEmpty();
    assertThatThrownBy(() -> CollectionsFigures.paidShare(4, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CollectionsFigures.paidShare(eur("1500"), eur("1400")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CollectionsFigures.paidShare(Money.of("1", "USD"), eur("1400")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anExperimentWhoseIntervalLiesAboveZeroFavoursB() {
    // A: 48 of 120 paid (0.40); B: 60 of 100 (0.60). Standard error
    // √(0.4 × 0.6 ÷ 120 + 0.6 × 0.4 ÷ 100) = √0.0044 = 0.06633; × 1.96 = 0.13001.
    // 0.20 ± 0.13001 = 0.06999 to 0.33001.
    CollectionsFigures.ShareDifference difference =
        CollectionsFigures.experimentDifference(48, 120, 60, 100).orElseThrow();

    assertThat(difference.shareA()).isEqualTo(new BigDecimal("40.0"));
    assertThat(difference.shareB()).isEqualTo(new BigDecimal("60.0"));
    assertThat(difference.difference()).isEqualTo(new BigDecimal("20.0"));
    assertThat(difference.low()).isEqualTo(new BigDecimal("7.0"));
    assertThat(difference.high()).isEqualTo(new BigDecimal("33.0"));
    assertThat(difference.verdict()).isEqualTo(CollectionsFigures.Verdict.B_BETTER);
  }

  @Test
  void anExperimentWhoseIntervalLiesBelowZeroFavoursA() {
    // A: 150 of 200 (0.75); B: 100 of 200 (0.50). √(0.1875 ÷ 200 + 0.25 ÷ 200) = 0.04677;
    // × 1.96 = 0.09167. −0.25 ± 0.09167 = −0.34167 to −0.15833.
    CollectionsFigures.ShareDifference difference =
        CollectionsFigures.experimentDifference(150, 200, 100, 200).orElseThrow();

    assertThat(difference.difference()).isEqualTo(new BigDecimal("-25.0"));
    assertThat(difference.low()).isEqualTo(new BigDecimal("-34.2"));
    assertThat(difference.high()).isEqualTo(new BigDecimal("-15.8"));
    assertThat(difference.verdict()).isEqualTo(CollectionsFigures.Verdict.A_BETTER);
  }

  @Test
  void anExperimentWhoseIntervalIncludesZeroIsNotYetMeaningful() {
    // A: 20 of 40 (0.50); B: 24 of 40 (0.60). √(0.25 ÷ 40 + 0.24 ÷ 40) = 0.11068; × 1.96 =
    // 0.21693. 0.10 ± 0.21693 = −0.11693 to 0.31693.
    CollectionsFigures.ShareDifference difference =
        CollectionsFigures.experimentDifference(20, 40, 24, 40).orElseThrow();

    assertThat(difference.low()).isEqualTo(new BigDecimal("-11.7"));
    assertThat(difference.high()).isEqualTo(new BigDecimal("31.7"));
    assertThat(difference.verdict()).isEqualTo(CollectionsFigures.Verdict.NOT_MEANINGFUL);
  }

  @Test
  void anExperimentWithTooFewInvoicesOrOutcomesSaysSoAndOneWithoutInvoicesIsUndefined() {
    // 29 invoices in A: too few, however clear the shares look.
    assertThat(CollectionsFigures.experimentDifference(2, 29, 90, 100))
        .get()
        .extracting(CollectionsFigures.ShareDifference::verdict)
        .isEqualTo(CollectionsFigures.Verdict.TOO_FEW);
    // 98 of 100 paid in A: only 2 unpaid, the approximation does not hold.
    assertThat(CollectionsFigures.experimentDifference(98, 100, 50, 100))
        .get()
        .extracting(CollectionsFigures.ShareDifference::verdict)
        .isEqualTo(CollectionsFigures.Verdict.TOO_FEW);
    assertThat(CollectionsFigures.experimentDifference(0, 0, 10, 40)).isEmpty();
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

  private static List<Money> eurs(String... amounts) {
    return Arrays.stream(amounts).map(CollectionsFiguresTest::eur).toList();
  }

  @Test
  void forecastAccuracyMatchesEachWeeksForecastWithWhatCameInThatWeekOrBefore() {
    // Forecast 100, 200, 300; received 150, 50, 400:
    // week 1: 100 of 150 matched, 50 left; week 2: 50 + 50 = 100 of 200 matched;
    // week 3: 300 of 400 matched. (100 + 100 + 300) ÷ 600 = 83.3 %
    assertThat(
            CollectionsFigures.forecastAccuracy(
                eurs("100", "200", "300"), eurs("150", "50", "400")))
        .contains(new BigDecimal("83.3"));
  }

  @Test
  void moneyPaidLaterThanItsWeekDidNotComeTrue() {
    // 100 expected in week 1 and paid in week 2, where nothing was expected: 0 %.
    assertThat(CollectionsFigures.forecastAccuracy(eurs("100", "0"), eurs("0", "100")))
        .contains(new BigDecimal("0.0"));
    // Everything came in, some of it early: 100 %, never more.
    assertThat(CollectionsFigures.forecastAccuracy(eurs("50", "50"), eurs("300", "0")))
        .contains(new BigDecimal("100.0"));
  }

  @Test
  void forecastAccuracyIsUndefinedWhenNothingWasForecast() {
    assertThat(CollectionsFigures.forecastAccuracy(eurs("0", "0"), eurs("10", "0"))).isEmpty();
    assertThat(CollectionsFigures.forecastAccuracy(List.of(), List.of())).isEmpty();
  }

  @Test
  void forecastAccuracyRefusesWeeksWithoutReceiptsAndTwoCurrencies() {
    assertThatThrownBy(() -> CollectionsFigures.forecastAccuracy(eurs("1", "2"), eurs("1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> CollectionsFigures.forecastAccuracy(eurs("1"), List.of(Money.of("1", "USD"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
