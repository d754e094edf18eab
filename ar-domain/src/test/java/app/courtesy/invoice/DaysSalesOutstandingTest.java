package app.courtesy.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaysSalesOutstandingTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

  @Test
  void countsWholeDaysBackUntilTheOpenBalanceIsCovered() {
    // 2026-03-31: 100 invoiced, 2026-03-30: 100, 2026-03-29: 200; 250 open
    Map<LocalDate, BigDecimal> sales =
        Map.of(
            AS_OF,
            new BigDecimal("100"),
            AS_OF.minusDays(1),
            new BigDecimal("100"),
            AS_OF.minusDays(2),
            new BigDecimal("200"));

    assertThat(DaysSalesOutstanding.countback(new BigDecimal("250"), sales, AS_OF))
        .isEqualByComparingTo("2.3"); // two days, then 50 of 200 = 0.25
  }

  @Test
  void daysWithoutSalesCountAsWholeDays() {
    Map<LocalDate, BigDecimal> sales = Map.of(AS_OF.minusDays(10), new BigDecimal("1000"));

    assertThat(DaysSalesOutstanding.countback(new BigDecimal("500"), sales, AS_OF))
        .isEqualByComparingTo("10.5");
  }

  @Test
  void nothingOpenIsZeroDays() {
    assertThat(DaysSalesOutstanding.countback(BigDecimal.ZERO, Map.of(), AS_OF))
        .isEqualByComparingTo("0");
  }

  @Test
  void stopsAtTheHorizon() {
    assertThat(DaysSalesOutstanding.countback(new BigDecimal("1"), Map.of(), AS_OF))
        .isEqualByComparingTo(String.valueOf(DaysSalesOutstanding.HORIZON_DAYS));
  }
}
