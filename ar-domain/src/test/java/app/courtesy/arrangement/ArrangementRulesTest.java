package app.courtesy.arrangement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrangementRulesTest {

  // Proposals are made on Saturday 10 January 2026.
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

  // At most 12 instalments within 365 days, extensions up to 60 days, discounts up to 5 % paid
  // within 30 days.
  private static final ArrangementLimits LIMITS =
      new ArrangementLimits(12, 365, 60, new BigDecimal("5"), 30, 3, 7, 14);

  private static final Money THOUSAND_EUR = Money.of("1000.00", "EUR");

  // --- splitting a total

  @Test
  void splitsEurosIntoCentsWithTheRemainderOnTheLastInstalment() {
    assertThat(
            amounts(ArrangementRules.split(Money.of("100.00", "EUR"), 3, TODAY, Frequency.MONTHLY)))
        .containsExactly("33.33 EUR", "33.33 EUR", "33.34 EUR");
    assertThat(amounts(ArrangementRules.split(THOUSAND_EUR, 3, TODAY, Frequency.MONTHLY)))
        .containsExactly("333.33 EUR", "333.33 EUR", "333.34 EUR");
  }

  @Test
  void splitsYenIntoWholeYen() {
    assertThat(amounts(ArrangementRules.split(Money.of("1000", "JPY"), 3, TODAY, Frequency.WEEKLY)))
        .containsExactly("333 JPY", "333 JPY", "334 JPY");
    assertThat(amounts(ArrangementRules.split(Money.of("100", "JPY"), 7, TODAY, Frequency.WEEKLY)))
        .containsExactly("14 JPY", "14 JPY", "14 JPY", "14 JPY", "14 JPY", "14 JPY", "16 JPY");
  }

  @Test
  void aFewCentsStillAddUp() {
    assertThat(amounts(ArrangementRules.split(Money.of("0.05", "USD"), 3, TODAY, Frequency.WEEKLY)))
        .containsExactly("0.01 USD", "0.01 USD", "0.03 USD");
  }

  @Test
  void anEvenSplitHasNoRemainder() {
    assertThat(amounts(ArrangementRules.split(Money.of("10", "USD"), 4, TODAY, Frequency.WEEKLY)))
        .containsExactly("2.50 USD", "2.50 USD", "2.50 USD", "2.50 USD");
  }

  @Test
  void everySplitAddsUpToItsTotalExactly() {
    List<Money> totals =
        List.of(
            Money.of("1000.00", "EUR"),
            Money.of("0.10", "EUR"),
            Money.of("999.99", "EUR"),
            Money.of("12345.67", "USD"),
            Money.of("0.05", "USD"),
            Money.of("1", "JPY"),
            Money.of("100", "JPY"),
            Money.of("1000001", "JPY"));
    for (Money total : totals) {
      for (int count = 1; count <= 12; count++) {
        List<PlannedInstalment> plan =
            ArrangementRules.split(total, count, TODAY, Frequency.WEEKLY);

        Money sum =
            plan.stream()
                .map(PlannedInstalment::amount)
                .reduce(Money.zero(total.currency()), Money::plus);
        assertThat(sum).as("%s in %d", total, count).isEqualTo(total);
        assertThat(plan).hasSize(count);
        assertThat(plan.get(count - 1).amount())
            .as("the last of %s in %d takes the remainder", total, count)
            .isGreaterThanOrEqualTo(plan.get(0).amount());
      }
    }
  }

  @Test
  void numbersTheInstalmentsFromOne() {
    assertThat(ArrangementRules.split(THOUSAND_EUR, 4, TODAY, Frequency.MONTHLY))
        .extracting(PlannedInstalment::number)
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void aMonthlyPlanFromThe31stFallsOnTheLastDayOfShorterMonths() {
    LocalDate first = LocalDate.of(2026, 1, 31);

    assertThat(dates(ArrangementRules.split(THOUSAND_EUR, 4, first, Frequency.MONTHLY)))
        .containsExactly(
            LocalDate.of(2026, 1, 31),
            LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 3, 31),
            LocalDate.of(2026, 4, 30));
    // 2028 is a leap year.
    assertThat(
            dates(
                ArrangementRules.split(
                    THOUSAND_EUR, 3, LocalDate.of(2028, 1, 31), Frequency.MONTHLY)))
        .containsExactly(
            LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31));
  }

  @Test
  void weeklyAndFortnightlyPlansKeepTheirWeekday() {
    // Monday 29 December 2025, across the new year.
    LocalDate first = LocalDate.of(2025, 12, 29);

    assertThat(dates(ArrangementRules.split(THOUSAND_EUR, 3, first, Frequency.WEEKLY)))
        .containsExactly(
            LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12));
    assertThat(dates(ArrangementRules.split(THOUSAND_EUR, 3, first, Frequency.FORTNIGHTLY)))
        .containsExactly(
            LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 26));
  }

  @Test
  void refusesToSplitIntoNothingOrToSplitNothing() {
    assertThatThrownBy(() -> ArrangementRules.split(THOUSAND_EUR, 0, TODAY, Frequency.WEEKLY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ArrangementRules.split(Money.of("0", "EUR"), 3, TODAY, Frequency.WEEKLY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ArrangementRules.split(Money.of("-10", "EUR"), 3, TODAY, Frequency.WEEKLY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- checking a hand-edited plan

  @Test
  void aGeneratedPlanPassesItsCheck() {
    List<InstalmentLine> lines =
        lines(ArrangementRules.split(THOUSAND_EUR, 3, TODAY.plusDays(5), Frequency.MONTHLY));

    assertThat(ArrangementRules.checkPlan(lines, THOUSAND_EUR, TODAY, LIMITS)).isEmpty();
  }

  @Test
  void aPlanACentShortIsRefusedNamingTheShortfall() {
    List<InstalmentLine> lines =
        List.of(
            line("2026-02-01", "333.33"),
            line("2026-03-01", "333.33"),
            line("2026-04-01", "333.33"));

    assertThat(ArrangementRules.checkPlan(lines, THOUSAND_EUR, TODAY, LIMITS))
        .containsExactly(
            "instalments: the amounts add up to 999.99 EUR, 0.01 EUR short of the 1000.00 EUR"
                + " covered");
  }

  @Test
  void aPlanForMoreThanIsCoveredIsRefusedNamingTheExcess() {
    List<InstalmentLine> lines = List.of(line("2026-02-01", "500"), line("2026-03-01", "500.50"));

    assertThat(ArrangementRules.checkPlan(lines, THOUSAND_EUR, TODAY, LIMITS))
        .containsExactly(
            "instalments: the amounts add up to 1000.50 EUR, 0.50 EUR more than the 1000.00 EUR"
                + " covered");
  }

  @Test
  void yenAreWholeNumbers() {
    List<InstalmentLine> lines = List.of(line("2026-02-01", "500.5"), line("2026-03-01", "499.5"));

    assertThat(ArrangementRules.checkPlan(lines, Money.of("1000", "JPY"), TODAY, LIMITS))
        .containsExactly(
            "instalments[0].amount: 500.5 has decimal places, but JPY amounts are whole numbers (0"
                + " decimal places)",
            "instalments[1].amount: 499.5 has decimal places, but JPY amounts are whole numbers (0"
                + " decimal places)");
  }

  @Test
  void centsHaveTwoPlacesButTrailingZerosAreFine() {
    List<InstalmentLine> lines =
        List.of(line("2026-02-01", "500.005"), line("2026-03-01", "499.9950"));

    assertThat(ArrangementRules.checkPlan(lines, THOUSAND_EUR, TODAY, LIMITS))
        .containsExactly(
            "instalments[0].amount: 500.005 has 3 decimal places, but EUR amounts have at most 2",
            "instalments[1].amount: 499.9950 has 3 decimal places, but EUR amounts have at most 2");
    assertThat(
            ArrangementRules.checkPlan(
                List.of(line("2026-02-01", "500.000"), line("2026-03-01", "500")),
                THOUSAND_EUR,
                TODAY,
                LIMITS))
        .isEmpty();
  }

  @Test
  void datesGoForwardFromTodayWithinTheLongestPlan() {
    // The last allowed date is 10 January 2027, 365 days on.
    List<InstalmentLine> lines =
        List.of(
            line("2026-01-09", "200"), // yesterday
            line("2026-01-10", "200"), // today is fine
            line("2026-03-01", "200"),
            line("2026-03-01", "200"), // the same day as the one before
            line("2027-01-11", "200")); // one day too far

    assertThat(ArrangementRules.checkPlan(lines, THOUSAND_EUR, TODAY, LIMITS))
        .containsExactly(
            "instalments[0].dueOn: 2026-01-09 is in the past; the earliest date is today,"
                + " 2026-01-10",
            "instalments[3].dueOn: 2026-03-01 should be later than the instalment before it, due"
                + " 2026-03-01",
            "instalments[4].dueOn: 2027-01-11 is more than 365 days from today; the last"
                + " instalment is due by 2027-01-10 at the latest");
  }

  @Test
  void anEarlierDateAfterALaterOneIsNamed() {
    List<InstalmentLine> lines =
        List.of(line("2026-03-01", "400"), line("2026-02-01", "300"), line("2026-04-01", "300"));

    assertThat(ArrangementRules.checkPlan(lines, THOUSAND_EUR, TODAY, LIMITS))
        .containsExactly(
            "instalments[1].dueOn: 2026-02-01 should be later than the instalment before it, due"
                + " 2026-03-01");
  }

  @Test
  void refusesMoreInstalmentsThanTheLimit() {
    List<InstalmentLine> lines =
        lines(ArrangementRules.split(Money.of("1300", "USD"), 13, TODAY, Frequency.WEEKLY));

    assertThat(ArrangementRules.checkPlan(lines, Money.of("1300", "USD"), TODAY, LIMITS))
        .containsExactly("instalments: 13 instalments are more than the 12 a plan may have");
  }

  @Test
  void oneInstalmentIsAnExtension() {
    assertThat(
            ArrangementRules.checkPlan(
                List.of(line("2026-02-01", "1000")), THOUSAND_EUR, TODAY, LIMITS))
        .containsExactly(
            "instalments: a plan needs at least two instalments; for a single new date, propose"
                + " an extension instead");
    assertThat(ArrangementRules.checkPlan(List.of(), THOUSAND_EUR, TODAY, LIMITS))
        .containsExactly("instalments: a plan needs at least two instalments");
    assertThat(ArrangementRules.checkPlan(null, THOUSAND_EUR, TODAY, LIMITS))
        .containsExactly("instalments: a plan needs at least two instalments");
  }

  @Test
  void namesEveryBlankAndNonPositiveField() {
    List<InstalmentLine> lines =
        Arrays.asList(
            new InstalmentLine(null, new BigDecimal("1000")),
            new InstalmentLine(LocalDate.of(2026, 2, 1), null),
            null,
            line("2026-03-01", "0"),
            line("2026-04-01", "-5"));

    assertThat(ArrangementRules.checkPlan(lines, THOUSAND_EUR, TODAY, LIMITS))
        .containsExactly(
            "instalments[0].dueOn: please enter the date this instalment is due",
            "instalments[1].amount: please enter the amount of this instalment",
            "instalments[2].dueOn: please enter the date this instalment is due",
            "instalments[2].amount: please enter the amount of this instalment",
            "instalments[3].amount: an instalment must be more than zero, not 0",
            "instalments[4].amount: an instalment must be more than zero, not -5");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    List<InstalmentLine> lines = List.of(line("2025-12-31", "500.001"), line("2025-12-30", "400"));

    assertThat(ArrangementRules.checkPlan(lines, THOUSAND_EUR, TODAY, LIMITS))
        .extracting(problem -> problem.substring(0, problem.indexOf(':')))
        .containsExactly(
            "instalments[0].dueOn",
            "instalments[0].amount",
            "instalments[1].dueOn",
            "instalments[1].dueOn");
  }

  @Test
  void aCheckedPlanBecomesNumberedInstalments() {
    List<InstalmentLine> lines = List.of(line("2026-02-01", "333"), line("2026-03-01", "667"));

    assertThat(ArrangementRules.schedule(lines, Currency.getInstance("JPY")))
        .containsExactly(
            new PlannedInstalment(1, LocalDate.of(2026, 2, 1), Money.of("333", "JPY")),
            new PlannedInstalment(2, LocalDate.of(2026, 3, 1), Money.of("667", "JPY")));
  }

  @Test
  void anUncheckedPlanIsNotQuietlyRounded() {
    assertThatThrownBy(
            () ->
                ArrangementRules.schedule(
                    List.of(line("2026-02-01", "333.5")), Currency.getInstance("JPY")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- extensions

  @Test
  void anExtensionGoesPastTodayUpToTheLongestExtension() {
    // 60 days on is 11 March 2026.
    assertThat(ArrangementRules.checkExtension(LocalDate.of(2026, 3, 11), TODAY, LIMITS)).isEmpty();
    assertThat(ArrangementRules.checkExtension(LocalDate.of(2026, 3, 12), TODAY, LIMITS))
        .containsExactly(
            "newDueDate: 2026-03-12 is more than 60 days from today; the latest new due date is"
                + " 2026-03-11");
    assertThat(ArrangementRules.checkExtension(TODAY, TODAY, LIMITS))
        .containsExactly(
            "newDueDate: 2026-01-10 is today; the new due date is after today, 2026-01-10");
    assertThat(ArrangementRules.checkExtension(LocalDate.of(2026, 1, 2), TODAY, LIMITS))
        .containsExactly(
            "newDueDate: 2026-01-02 is in the past; the new due date is after today, 2026-01-10");
    assertThat(ArrangementRules.checkExtension(null, TODAY, LIMITS))
        .containsExactly("newDueDate: please enter the new due date");
  }

  // --- early-payment discounts

  @Test
  void aDiscountStaysWithinTheLargestPercentAndPeriod() {
    // 30 days on is 9 February 2026.
    assertThat(
            ArrangementRules.checkDiscount(
                new BigDecimal("5.00"), LocalDate.of(2026, 2, 9), TODAY, LIMITS))
        .isEmpty();
    assertThat(ArrangementRules.checkDiscount(new BigDecimal("2.5"), TODAY, TODAY, LIMITS))
        .isEmpty();
    assertThat(
            ArrangementRules.checkDiscount(
                new BigDecimal("5.01"), LocalDate.of(2026, 2, 10), TODAY, LIMITS))
        .containsExactly(
            "discountPercent: 5.01 % is more than the largest discount allowed, 5 %",
            "payBy: 2026-02-10 is more than 30 days from today; the latest date to pay by is"
                + " 2026-02-09");
  }

  @Test
  void aDiscountIsAPositivePercentWithAtMostTwoPlacesPaidByTodayOrLater() {
    assertThat(
            ArrangementRules.checkDiscount(
                new BigDecimal("2.125"), LocalDate.of(2026, 1, 9), TODAY, LIMITS))
        .containsExactly(
            "discountPercent: 2.125 has 3 decimal places; a percentage has at most 2",
            "payBy: 2026-01-09 is in the past; the earliest date is today, 2026-01-10");
    assertThat(ArrangementRules.checkDiscount(BigDecimal.ZERO, TODAY, TODAY, LIMITS))
        .containsExactly("discountPercent: a discount must be more than 0 %, not 0 %");
    assertThat(ArrangementRules.checkDiscount(null, null, TODAY, LIMITS))
        .containsExactly(
            "discountPercent: please enter the discount as a percentage",
            "payBy: please enter the date to pay by");
  }

  @Test
  void aDiscountIsRoundedHalfUpToTheMinorUnit() {
    // 2.5 % of 1,001 yen is 25.025 yen.
    assertThat(ArrangementRules.discount(Money.of("1001", "JPY"), new BigDecimal("2.5")))
        .isEqualTo(Money.of("25", "JPY"));
    // 2.5 % of 1,020 yen is 25.5 yen.
    assertThat(ArrangementRules.discount(Money.of("1020", "JPY"), new BigDecimal("2.5")))
        .isEqualTo(Money.of("26", "JPY"));
    // 3 % of 333.33 euros is 9.9999 euros.
    assertThat(ArrangementRules.discount(Money.of("333.33", "EUR"), new BigDecimal("3")))
        .isEqualTo(Money.of("10.00", "EUR"));
    // 1.5 % of 0.50 dollars is 0.0075 dollars.
    assertThat(ArrangementRules.discount(Money.of("0.50", "USD"), new BigDecimal("1.5")))
        .isEqualTo(Money.of("0.01", "USD"));
  }

  @Test
  void whatIsPayableIsTheCoveredAmountLessTheDiscount() {
    assertThat(ArrangementRules.payable(Money.of("1001", "JPY"), new BigDecimal("2.5")))
        .isEqualTo(Money.of("976", "JPY"));
    assertThat(ArrangementRules.payable(Money.of("333.33", "EUR"), new BigDecimal("3")))
        .isEqualTo(Money.of("323.33", "EUR"));
    assertThat(ArrangementRules.payable(THOUSAND_EUR, new BigDecimal("4.75")))
        .isEqualTo(Money.of("952.50", "EUR"));
  }

  private static List<String> amounts(List<PlannedInstalment> plan) {
    return plan.stream().map(p -> p.amount().toString()).toList();
  }

  private static List<LocalDate> dates(List<PlannedInstalment> plan) {
    return plan.stream().map(PlannedInstalment::dueOn).toList();
  }

  private static List<InstalmentLine> lines(List<PlannedInstalment> plan) {
    List<InstalmentLine> lines = new ArrayList<>();
    for (PlannedInstalment p : plan) {
      lines.add(new InstalmentLine(p.dueOn(), p.amount().amount()));
    }
    return lines;
  }

  private static InstalmentLine line(String dueOn, String amount) {
    return new InstalmentLine(LocalDate.parse(dueOn), new BigDecimal(amount));
  }
}
