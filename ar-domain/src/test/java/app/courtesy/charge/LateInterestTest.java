package app.courtesy.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.courtesy.charge.LateInterest.Reduction;
import app.courtesy.charge.LateInterest.Result;
import app.courtesy.charge.LateInterest.Segment;
import app.courtesy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of late-payment interest, to the cent. */
class LateInterestTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  private static final RateTable RATES =
      RateTable.of(
          List.of(
              new RateTable.Entry(
                  ReferenceRateKind.EU_REFERENCE,
                  LocalDate.of(2025, 6, 11),
                  new BigDecimal("2.15")),
              // decided in May: applies from the second half-year only
              new RateTable.Entry(
                  ReferenceRateKind.EU_REFERENCE,
                  LocalDate.of(2026, 5, 15),
                  new BigDecimal("2.40")),
              new RateTable.Entry(
                  ReferenceRateKind.UK_BASE, LocalDate.of(2025, 8, 7), new BigDecimal("4.00")),
              new RateTable.Entry(
                  ReferenceRateKind.UK_BASE, LocalDate.of(2026, 2, 5), new BigDecimal("3.75"))));

  private static final LateInterest.Terms EU =
      LateInterest.terms(InterestBasis.EU_DIRECTIVE, ChargeTerms.STATUTORY_MARGIN, null, RATES);

  @Test
  void euInterestOver45DaysWithAPartPaymentOnDay20IsTwoSegmentsExactToTheCent() {
    LocalDate due = LocalDate.of(2026, 3, 2);

    Result result =
        LateInterest.accrue(
            new BigDecimal("10000.00"),
            due,
            List.of(new Reduction(due.plusDays(20), new BigDecimal("4000.00"))),
            due.plusDays(1),
            due.plusDays(45),
            EU);

    // days 1–19 on 10,000.00, days 20–45 on 6,000.00: the payment's day bears no interest on it
    assertThat(result.segments())
        .extracting(Segment::from, Segment::to, Segment::days, Segment::base, Segment::annual)
        .containsExactly(
            tuple(
                LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 3, 21),
                19,
                new BigDecimal("10000.00"),
                new BigDecimal("10.15")),
            tuple(
                LocalDate.of(2026, 3, 22),
                LocalDate.of(2026, 4, 16),
                26,
                new BigDecimal("6000.00"),
                new BigDecimal("10.15")));
    assertThat(result.segments())
        .extracting(s -> new Money(s.exact(), EUR))
        .containsExactly(Money.of("52.84", "EUR"), Money.of("43.38", "EUR"));
    assertThat(result.computedTo()).isEqualTo(due.plusDays(45));
    assertThat(result.missing()).isNull();
  }

  @Test
  void theEuRateOfEachHalfYearIsTheOneInForceOnItsFirstDay() {
    Result result =
        LateInterest.accrue(
            new BigDecimal("5000.00"),
            LocalDate.of(2026, 6, 10),
            List.of(),
            LocalDate.of(2026, 6, 11),
            LocalDate.of(2026, 7, 20),
            EU);

    assertThat(result.segments())
        .extracting(Segment::from, Segment::to, Segment::reference, s -> new Money(s.exact(), EUR))
        .containsExactly(
            tuple(
                LocalDate.of(2026, 6, 11),
                LocalDate.of(2026, 6, 30),
                new BigDecimal("2.15"),
                Money.of("27.81", "EUR")),
            tuple(
                LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 20),
                new BigDecimal("2.40"),
                Money.of("28.49", "EUR")));
  }

  @Test
  void aHalfYearBoundaryWithoutAChangeOfRateSplitsNothing() {
    Result result =
        LateInterest.accrue(
            new BigDecimal("1000.00"),
            LocalDate.of(2025, 12, 20),
            List.of(),
            LocalDate.of(2025, 12, 21),
            LocalDate.of(2026, 1, 9),
            EU);

    assertThat(result.segments())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.days()).isEqualTo(20);
              assertThat(new Money(s.exact(), EUR)).isEqualTo(Money.of("5.56", "EUR"));
            });
  }

  @Test
  void theUkRateIsFixedForTheDebtByTheHalfYearItBecameLate() {
    LateInterest.Terms uk = LateInterest.terms(InterestBasis.UK_ACT, null, null, RATES);

    // late from 16 January 2026: the base rate in force on 31 December 2025 (4.00) + 8
    Result result =
        LateInterest.accrue(
            new BigDecimal("2000.00"),
            LocalDate.of(2026, 1, 15),
            List.of(),
            LocalDate.of(2026, 1, 16),
            LocalDate.of(2026, 7, 31),
            uk);

    assertThat(result.segments())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.annual()).isEqualByComparingTo("12.00");
              assertThat(s.days()).isEqualTo(197);
              // 2,000.00 × 12 % × 197 / 365 = 129.5342…
              assertThat(new Money(s.exact(), Currency.getInstance("GBP")))
                  .isEqualTo(Money.of("129.53", "GBP"));
            });

    // late from 1 July 2026: the rate in force on 30 June 2026 (3.75) + 8
    assertThat(
            LateInterest.accrue(
                    new BigDecimal("2000.00"),
                    LocalDate.of(2026, 6, 30),
                    List.of(),
                    LocalDate.of(2026, 7, 1),
                    LocalDate.of(2026, 7, 10),
                    uk)
                .segments())
        .extracting(Segment::annual)
        .containsExactly(new BigDecimal("11.75"));
  }

  @Test
  void aContractualRatePerMonthIsTwelveTimesThatAYear() {
    LateInterest.Terms contract =
        LateInterest.terms(InterestBasis.CONTRACTUAL, null, new BigDecimal("1"), RATES);

    Result result =
        LateInterest.accrue(
            new BigDecimal("1000.00"),
            LocalDate.of(2026, 3, 31),
            List.of(),
            LocalDate.of(2026, 4, 1),
            LocalDate.of(2026, 4, 30),
            contract);

    assertThat(result.segments())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.reference()).isNull();
              assertThat(s.annual()).isEqualByComparingTo("12");
              assertThat(new Money(s.exact(), EUR)).isEqualTo(Money.of("9.86", "EUR"));
            });
  }

  @Test
  void eachChargeRoundsHalfUpOnceAtTheEnd() {
    RateTable rates =
        RateTable.of(
            List.of(
                new RateTable.Entry(
                    ReferenceRateKind.EU_REFERENCE,
                    LocalDate.of(2026, 1, 1),
                    new BigDecimal("4.50"))));
    LateInterest.Terms eu =
        LateInterest.terms(InterestBasis.EU_DIRECTIVE, ChargeTerms.STATUTORY_MARGIN, null, rates);

    // 73.00 × 12.5 % × 1 / 365 = 0.025 exactly: half up makes it 0.03 (half even would say 0.02)
    Segment day =
        LateInterest.accrue(
                new BigDecimal("73.00"),
                LocalDate.of(2026, 2, 1),
                List.of(),
                LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 2, 2),
                eu)
            .segments()
            .get(0);

    assertThat(day.exact()).isEqualByComparingTo("0.025");
    assertThat(new Money(day.exact(), EUR)).isEqualTo(Money.of("0.03", "EUR"));
    assertThat(new Money(new BigDecimal("1234.5"), Currency.getInstance("JPY")))
        .isEqualTo(Money.of("1235", "JPY"));
  }

  @Test
  void moneyPaidBeforeInterestStartsLowersTheBaseAndAFullPaymentEndsIt() {
    LocalDate due = LocalDate.of(2026, 3, 2);

    Result result =
        LateInterest.accrue(
            new BigDecimal("1000.00"),
            due,
            List.of(
                new Reduction(due.minusDays(5), new BigDecimal("400.00")),
                new Reduction(due.plusDays(11), new BigDecimal("600.00"))),
            due.plusDays(1),
            due.plusDays(30),
            EU);

    assertThat(result.segments())
        .extracting(Segment::from, Segment::to, Segment::base)
        .containsExactly(tuple(due.plusDays(1), due.plusDays(10), new BigDecimal("600.00")));
    assertThat(result.computedTo()).isEqualTo(due.plusDays(30));
  }

  @Test
  void daysWithoutAReferenceRateWaitAndSayWhichRateIsMissing() {
    Result result =
        LateInterest.accrue(
            new BigDecimal("1000.00"),
            LocalDate.of(2025, 5, 31),
            List.of(),
            LocalDate.of(2025, 6, 1),
            LocalDate.of(2025, 7, 5),
            EU);

    // no EU rate was in force on 1 January 2025 in this table
    assertThat(result.segments()).isEmpty();
    assertThat(result.computedTo()).isEqualTo(LocalDate.of(2025, 5, 31));
    assertThat(result.missing()).isEqualTo("the EU reference rate in force on 2025-01-01");
  }

  @Test
  void theUkFixedSumGrowsWithTheDebtAndTheEuOneIsFortyEuros() {
    assertThat(FixedCompensation.of(InterestBasis.UK_ACT, Money.of("999.99", "GBP")))
        .contains(Money.of("40.00", "GBP"));
    assertThat(FixedCompensation.of(InterestBasis.UK_ACT, Money.of("1000.00", "GBP")))
        .contains(Money.of("70.00", "GBP"));
    assertThat(FixedCompensation.of(InterestBasis.UK_ACT, Money.of("9999.99", "GBP")))
        .contains(Money.of("70.00", "GBP"));
    assertThat(FixedCompensation.of(InterestBasis.UK_ACT, Money.of("10000.00", "GBP")))
        .contains(Money.of("100.00", "GBP"));
    assertThat(FixedCompensation.of(InterestBasis.EU_DIRECTIVE, Money.of("12.00", "EUR")))
        .contains(Money.of("40.00", "EUR"));
    // never converted: only in the law's own currency
    assertThat(FixedCompensation.of(InterestBasis.EU_DIRECTIVE, Money.of("500.00", "USD")))
        .isEmpty();
    assertThat(FixedCompensation.of(InterestBasis.UK_ACT, Money.of("500.00", "EUR"))).isEmpty();
    assertThat(FixedCompensation.of(InterestBasis.CONTRACTUAL, Money.of("500.00", "EUR")))
        .isEmpty();
  }

  @Test
  void theUkReferenceDayIsTheThirtiethOfJuneOrTheThirtyFirstOfDecemberBefore() {
    assertThat(RateTable.ukReferenceDay(LocalDate.of(2026, 1, 1)))
        .isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(RateTable.ukReferenceDay(LocalDate.of(2026, 6, 30)))
        .isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(RateTable.ukReferenceDay(LocalDate.of(2026, 7, 1)))
        .isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(RateTable.halfYearStart(LocalDate.of(2026, 12, 31)))
        .isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(RateTable.nextHalfYear(LocalDate.of(2026, 12, 31)))
        .isEqualTo(LocalDate.of(2027, 1, 1));
  }
}
